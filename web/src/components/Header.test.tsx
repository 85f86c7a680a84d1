// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { navEntries } from '../access';
import type { Me } from '../api';
import { Header } from './Header';

afterEach(cleanup);

const base: Me = { userId: 'u1', username: 'cora', email: 'cora@x.test', roles: [], tenant: null, workspaces: [] };

function renderFor(me: Me, role: Parameters<typeof navEntries>[1] = null, pathname = '/') {
  render(<Header me={me} workspaceId={null} nav={navEntries(me, role)} pathname={pathname} />);
}

describe('Header navigation by role', () => {
  it('shows no administration to a client user', () => {
    renderFor({ ...base, tenant: { id: 't1', name: 'Agency' }, workspaces: [{ id: 'w1', name: 'Shop', role: 'client-editor' }] });
    expect(screen.queryByRole('navigation', { name: 'Administration' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Platform admin' })).toBeNull();
  });

  it('shows the platform entry to a platform admin, marked current on admin pages', () => {
    renderFor({ ...base, roles: ['platform-admin'] }, null, '/admin/tenants/t1');
    const nav = screen.getByRole('navigation', { name: 'Administration' });
    const link = within(nav).getByRole('link', { name: 'Platform admin' });
    expect(link.getAttribute('href')).toBe('/admin/tenants');
    expect(link.getAttribute('aria-current')).toBe('page');
    expect(within(nav).queryByRole('link', { name: 'Workspaces' })).toBeNull();
  });

  it('shows agency entries to agency staff, and the audit log only to agency admins', () => {
    const me: Me = {
      ...base,
      tenant: { id: 't1', name: 'Agency' },
      workspaces: [
        { id: 'w1', name: 'Shop', role: 'agency-staff' },
        { id: 'w2', name: 'Bank', role: 'agency-staff' },
      ],
    };
    renderFor(me, 'agency-staff');
    const nav = screen.getByRole('navigation', { name: 'Administration' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Workspaces', 'Portfolio', 'Team']);
    // the workspace switcher stays
    expect(screen.getByLabelText('Workspace')).toBeTruthy();
    cleanup();

    renderFor(me, 'agency-admin');
    expect(within(screen.getByRole('navigation', { name: 'Administration' })).getByRole('link', { name: 'Audit log' })).toBeTruthy();
  });
});

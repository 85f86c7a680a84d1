// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TenantDetail as Detail } from '../../api';
import { DeletePanel, TenantDetail } from './TenantDetail';

const tenant: Detail = {
  id: 't1',
  name: 'Acme Agency',
  slug: 'acme',
  plan: 'starter',
  status: 'active',
  createdAt: '2026-11-01T10:00:00Z',
  workspaces: { inUse: 3, limit: 3 },
  members: { inUse: 7, limit: 10 },
};

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('delete agency dialog', () => {
  it('names what goes and keeps Delete disabled until the slug is typed', async () => {
    const fetch = vi.fn().mockResolvedValue(json({ tenantId: 't1', status: 'deleting', services: {} }, 202));
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('scrollTo', vi.fn());
    render(<DeletePanel tenant={tenant} />);

    fireEvent.click(screen.getByRole('button', { name: 'Delete agency…' }));

    const dialog = screen.getByRole('alertdialog', { name: 'Delete Acme Agency for good?' });
    expect(dialog.textContent).toContain('3 client workspaces');
    expect(dialog.textContent).toContain("members' accounts (7 members)");
    expect(dialog.textContent).toContain('all journeys, surveys, responses and metrics');
    const confirm = within(dialog).getByRole('button', { name: 'Delete' }) as HTMLButtonElement;
    const input = within(dialog).getByLabelText(/To confirm, type/);
    expect(confirm.disabled).toBe(true);

    fireEvent.change(input, { target: { value: 'acm' } });
    expect(confirm.disabled).toBe(true);
    fireEvent.click(confirm);
    expect(fetch).not.toHaveBeenCalled();

    fireEvent.change(input, { target: { value: 'acme' } });
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);

    await vi.waitFor(() => expect(window.location.pathname).toBe('/admin/tenants/t1/deletion'));
    expect(fetch.mock.calls[0]![0]).toBe('/api/admin/tenants/t1');
    expect(fetch.mock.calls[0]![1].method).toBe('DELETE');
  });

  it('closes on Cancel without deleting', () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    render(<DeletePanel tenant={tenant} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete agency…' }));

    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('suspend', () => {
  it('explains the consequences and PATCHes the status after confirmation', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(json(tenant))
      .mockResolvedValueOnce(json({ ...tenant, status: 'suspended' }));
    vi.stubGlobal('fetch', fetch);
    render(<TenantDetail tenantId="t1" />);

    fireEvent.click(await screen.findByRole('button', { name: 'Suspend agency' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Suspend Acme Agency?' });
    expect(dialog.textContent).toContain('Every user of the agency loses access');
    expect(dialog.textContent).toContain('survey links stop accepting answers');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Suspend' }));

    expect(await screen.findByText('Acme Agency is suspended.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reactivate agency' })).toBeTruthy();
    expect(fetch.mock.calls[1]![1].method).toBe('PATCH');
    expect(JSON.parse(fetch.mock.calls[1]![1].body)).toEqual({ status: 'suspended' });
  });
});

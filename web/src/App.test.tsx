// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from './App';

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' },
  });
}

/** Answers by path; unknown paths get 404. */
function routes(table: Record<string, () => Response>) {
  return vi.fn().mockImplementation(async (url: string) => {
    const path = url.split('?')[0]!;
    const answer = table[path];
    return answer ? answer() : json({ type: 'about:blank', title: 'Not found', status: 404 }, 404);
  });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('App access', () => {
  it('shows the no-access page to a user with no workspace, no agency role and no platform role', async () => {
    vi.stubGlobal('fetch', routes({ '/api/me': () => json({ userId: 'u1', username: 'lost', email: 'lost@x.test', roles: [], tenant: null, workspaces: [] }) }));

    render(<App />);

    expect(await screen.findByRole('heading', { name: "You don't have access to anything yet" })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Administration' })).toBeNull();
  });

  it('sends a platform admin without memberships to the agencies list', async () => {
    vi.stubGlobal('scrollTo', vi.fn());
    vi.stubGlobal(
      'fetch',
      routes({
        '/api/me': () => json({ userId: 'u1', username: 'root', email: null, roles: ['platform-admin'], tenant: null, workspaces: [] }),
        '/api/admin/tenants': () => json({ items: [], nextCursor: null }),
      }),
    );

    render(<App />);

    expect(await screen.findByText('No agencies yet')).toBeTruthy();
    expect(window.location.pathname).toBe('/admin/tenants');
    const nav = screen.getByRole('navigation', { name: 'Administration' });
    expect(within(nav).getByRole('link', { name: 'Platform admin' })).toBeTruthy();
  });

  it('finds the agency role of a new agency admin without workspaces from the member list', async () => {
    vi.stubGlobal(
      'fetch',
      routes({
        '/api/me': () => json({ userId: 'u1', username: 'ann', email: null, roles: [], tenant: { id: 't1', name: 'Acme', status: 'active' }, workspaces: [] }),
        '/api/tenants/t1/members': () => json({ items: [{ userId: 'u1', username: 'ann', email: null, name: 'Ann', role: 'agency-admin' }], nextCursor: null }),
        '/api/tenants/t1/workspaces': () => json({ items: [], nextCursor: null }),
      }),
    );

    render(<App />);

    expect(await screen.findByText('No client workspaces yet')).toBeTruthy();
    expect(window.location.pathname).toBe('/agency/workspaces');
    const nav = screen.getByRole('navigation', { name: 'Administration' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Workspaces', 'Portfolio', 'Team', 'Audit log']);
  });

  it('refuses admin pages to a non-admin', async () => {
    window.history.replaceState(null, '', '/admin/tenants');
    const fetch = routes({ '/api/me': () => json({ userId: 'u1', username: 'c', email: null, roles: [], tenant: { id: 't1', name: 'Acme' }, workspaces: [{ id: 'w1', name: 'Shop', role: 'client-viewer' }] }) });
    vi.stubGlobal('fetch', fetch);

    render(<App />);

    expect(await screen.findByText("You don't have access to this page")).toBeTruthy();
    expect(fetch.mock.calls.map((c) => c[0])).toEqual(['/api/me']);
  });
});

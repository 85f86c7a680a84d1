// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AgencyMembers } from './AgencyMembers';
import { AgencyWorkspace } from './AgencyWorkspace';
import { AgencyWorkspaces } from './AgencyWorkspaces';
import { AuditLog } from './AuditLog';

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' },
  });
}

const tenant = { id: 't1', name: 'Acme' };

/** Answers by method and path (`'GET /api/…'`); pending invitations are an empty list unless given. */
function routes(table: Record<string, () => Response>) {
  return vi.fn().mockImplementation(async (url: string, init: RequestInit = {}) => {
    const path = url.split('?')[0]!;
    const answer = table[`${init.method ?? 'GET'} ${path}`];
    if (answer) return answer();
    if (path.endsWith('/invitations')) return json({ items: [], nextCursor: null });
    return json({ type: 'about:blank', title: 'Not found', status: 404 }, 404);
  });
}

function writes(fetch: ReturnType<typeof vi.fn>) {
  return fetch.mock.calls.filter(([, init]) => init?.method && init.method !== 'GET') as [string, RequestInit & { headers: Record<string, string> }][];
}

beforeEach(() => {
  document.cookie = 'XSRF-TOKEN=tok-9; path=/';
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
});

describe('agency workspaces', () => {
  it('explains a quota-exceeded answer and suggests a plan change', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(json({ items: [{ id: 'w1', name: 'Shop', slug: 'shop', industry: null, createdAt: '2026-11-01T00:00:00Z' }], nextCursor: 'n1' }))
      .mockResolvedValueOnce(
        json({ type: 'https://waymark.example/problems/quota-exceeded', title: 'Quota exceeded', status: 409, quota: 'workspaces', plan: 'starter', limit: 3 }, 409),
      );
    vi.stubGlobal('fetch', fetch);
    render(<AgencyWorkspaces tenant={tenant} role="agency-staff" />);
    expect(await screen.findByRole('link', { name: 'Shop' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Load more workspaces' })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Client name'), { target: { value: 'Big Bank' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create workspace' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("Starter plan allows 3 client workspaces");
    expect(alert.textContent).toContain('larger plan');
    expect(fetch.mock.calls[1]![1].method).toBe('POST');
    expect(JSON.parse(fetch.mock.calls[1]![1].body)).toEqual({ name: 'Big Bank', slug: 'big-bank' });
  });

  it('keeps workspace Delete disabled until the slug is typed', async () => {
    const fetch = routes({
      'GET /api/workspaces/w1': () => json({ id: 'w1', tenantId: 't1', name: 'Shop', slug: 'shop-eu', industry: 'Retail', createdAt: 'x' }),
      'GET /api/workspaces/w1/members': () => json({ items: [], nextCursor: null }),
      'DELETE /api/tenants/t1/workspaces/w1': () => json({ id: 'w1', tenantId: 't1', status: 'deleting' }, 202),
    });
    vi.stubGlobal('fetch', fetch);
    render(<AgencyWorkspace workspaceId="w1" canAdminister canManageMembers currentUserId="u1" />);

    fireEvent.click(await screen.findByRole('button', { name: 'Delete workspace…' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('all its journeys, personas, surveys, survey links, responses and metrics');
    const confirm = within(dialog).getByRole('button', { name: 'Delete' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText(/To confirm, type/), { target: { value: 'shop-eu' } });
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);

    expect(await screen.findByText('Shop is being deleted')).toBeTruthy();
    const [url, init] = writes(fetch)[0]!;
    expect(url).toBe('/api/tenants/t1/workspaces/w1');
    expect(init.method).toBe('DELETE');
    expect(init.headers['X-XSRF-TOKEN']).toBe('tok-9');
  });

  it('hides rename and delete from agency staff', async () => {
    vi.stubGlobal(
      'fetch',
      routes({
        'GET /api/workspaces/w1': () => json({ id: 'w1', tenantId: 't1', name: 'Shop', slug: 'shop', createdAt: 'x' }),
        'GET /api/workspaces/w1/members': () => json({ items: [], nextCursor: null }),
      }),
    );
    render(<AgencyWorkspace workspaceId="w1" canAdminister={false} canManageMembers currentUserId="u1" />);

    expect(await screen.findByRole('heading', { name: 'Client members' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Delete workspace…' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Name and industry' })).toBeNull();
  });
});

describe('agency members', () => {
  it('adds a member and shows the temporary password once', async () => {
    const fetch = routes({
      'GET /api/tenants/t1/members': () =>
        json({ items: [{ userId: 'u1', username: 'ann', email: 'ann@x.test', name: 'Ann', role: 'agency-admin' }], nextCursor: null }),
      'POST /api/tenants/t1/members': () =>
        json({ userId: 'u2', username: 'bo@x.test', email: 'bo@x.test', name: 'Bo', role: 'agency-staff', temporaryPassword: 'Tmp-42' }, 201),
    });
    vi.stubGlobal('fetch', fetch);
    render(<AgencyMembers tenant={tenant} role="agency-admin" currentUserId="u1" />);
    await screen.findByRole('row', { name: /Ann/ });

    fireEvent.change(screen.getByLabelText('Full name'), { target: { value: 'Bo' } });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'bo@x.test' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add member' }));

    const panel = await screen.findByRole('region', { name: /will not be shown again/ });
    expect(panel.textContent).toContain('Tmp-42');
    expect(screen.getByRole('row', { name: /Bo/ })).toBeTruthy();
    expect(JSON.parse(writes(fetch)[0]![1].body as string)).toEqual({ email: 'bo@x.test', name: 'Bo', role: 'agency-staff' });
    // the signed-in admin cannot remove themselves from here
    expect(within(screen.getByRole('row', { name: /Ann/ })).queryByRole('button')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByText('Tmp-42')).toBeNull();
  });

  it('shows the team read-only to agency staff', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(json({ items: [], nextCursor: null })));
    render(<AgencyMembers tenant={tenant} role="agency-staff" currentUserId="u1" />);
    expect(await screen.findByText('No members yet')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add member' })).toBeNull();
  });
});

describe('audit log', () => {
  it('renders events as a table and filters by action', async () => {
    const fetch = vi.fn().mockImplementation(async () =>
      json({
        items: [
          {
            id: 'e1',
            at: '2026-11-20T10:00:00Z',
            actor: { userId: 'u1', username: 'ann' },
            action: 'member.role-changed',
            target: { type: 'member', id: 'u2-aaaa-bbbb' },
            workspaceId: null,
            details: { from: 'agency-staff', to: 'agency-admin' },
            ip: '203.0.113.7',
            userAgent: 'Mozilla/5.0',
          },
        ],
        nextCursor: null,
      }),
    );
    vi.stubGlobal('fetch', fetch);
    render(<AuditLog tenant={tenant} />);

    const row = await screen.findByRole('row', { name: /ann/ });
    expect(row.textContent).toContain('Member role changed');
    expect(within(row).getByText('from').nextElementSibling!.textContent).toBe('agency-staff');
    expect(row.textContent).toContain('203.0.113.7');

    fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'member.removed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    expect(fetch.mock.calls[1]![0]).toBe('/api/tenants/t1/audit?limit=50&action=member.removed');
  });
});

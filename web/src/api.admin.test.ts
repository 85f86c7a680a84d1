// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  addAgencyMember,
  addWorkspaceMember,
  ApiError,
  createTenant,
  createWorkspace,
  deleteTenant,
  deleteWorkspace,
  getTenantDeletion,
  listAudit,
  listTenants,
  removeAgencyMember,
  updateTenant,
  updateWorkspace,
} from './api';

function json(body: unknown, status = 200, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

function clearCookie() {
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
}

beforeEach(() => {
  document.cookie = 'XSRF-TOKEN=tok-123; path=/';
});

afterEach(() => {
  clearCookie();
  vi.unstubAllGlobals();
});

function stub(response: () => Response) {
  const fetch = vi.fn().mockImplementation(async () => response());
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function call(fetch: ReturnType<typeof vi.fn>, i = 0): { url: string; init: RequestInit & { headers: Record<string, string> } } {
  const [url, init] = fetch.mock.calls[i]!;
  return { url, init };
}

describe('admin and agency API calls', () => {
  it('creates a tenant with a POST carrying the CSRF header and the JSON body', async () => {
    const fetch = stub(() => json({ id: 't1', name: 'Acme', slug: 'acme', plan: 'starter', status: 'active', createdAt: 'x', admin: { userId: 'u', username: 'a@acme.test', email: 'a@acme.test', temporaryPassword: 'Pw-1' } }, 201));

    const created = await createTenant({ name: 'Acme', slug: 'acme', plan: 'starter', adminEmail: 'a@acme.test', adminName: 'Ann' });

    expect(created.admin.temporaryPassword).toBe('Pw-1');
    const { url, init } = call(fetch);
    expect(url).toBe('/api/admin/tenants');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(init.headers['X-XSRF-TOKEN']).toBe('tok-123');
    expect(init.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(init.body as string)).toEqual({ name: 'Acme', slug: 'acme', plan: 'starter', adminEmail: 'a@acme.test', adminName: 'Ann' });
  });

  it('patches only the given tenant fields and deletes with the CSRF header', async () => {
    const fetch = stub(() => json({ id: 't1' }, 200));

    await updateTenant('t1', { status: 'suspended' });
    fetch.mockImplementationOnce(async () => json({ tenantId: 't1', status: 'deleting', services: {} }, 202));
    await deleteTenant('t1');

    const patch = call(fetch, 0);
    expect(patch.url).toBe('/api/admin/tenants/t1');
    expect(patch.init.method).toBe('PATCH');
    expect(patch.init.headers['X-XSRF-TOKEN']).toBe('tok-123');
    expect(JSON.parse(patch.init.body as string)).toEqual({ status: 'suspended' });
    const del = call(fetch, 1);
    expect(del.url).toBe('/api/admin/tenants/t1');
    expect(del.init.method).toBe('DELETE');
    expect(del.init.headers['X-XSRF-TOKEN']).toBe('tok-123');
    expect(del.init.body).toBeUndefined();
  });

  it('sends workspace and member writes to the right paths with the CSRF header', async () => {
    const fetch = stub(() => json({}, 201));

    await createWorkspace('t 1', { name: 'Shop', slug: 'shop', industry: 'Retail' });
    await updateWorkspace('t1', 'w1', { name: 'Shop 2' });
    await deleteWorkspace('t1', 'w1');
    await addAgencyMember('t1', { email: 'b@x.test', name: 'Bo', role: 'agency-staff' });
    fetch.mockImplementationOnce(async () => new Response(null, { status: 204 }));
    await removeAgencyMember('t1', 'u/2');
    await addWorkspaceMember('w1', { email: 'c@x.test', name: 'Cy', role: 'client-viewer' });

    const calls = fetch.mock.calls.map(([url, init]) => [init.method, url, init.headers['X-XSRF-TOKEN'], init.body ? JSON.parse(init.body) : null]);
    expect(calls).toEqual([
      ['POST', '/api/tenants/t%201/workspaces', 'tok-123', { name: 'Shop', slug: 'shop', industry: 'Retail' }],
      ['PATCH', '/api/tenants/t1/workspaces/w1', 'tok-123', { name: 'Shop 2' }],
      ['DELETE', '/api/tenants/t1/workspaces/w1', 'tok-123', null],
      ['POST', '/api/tenants/t1/members', 'tok-123', { email: 'b@x.test', name: 'Bo', role: 'agency-staff' }],
      ['DELETE', '/api/tenants/t1/members/u%2F2', 'tok-123', null],
      ['POST', '/api/workspaces/w1/members', 'tok-123', { email: 'c@x.test', name: 'Cy', role: 'client-viewer' }],
    ]);
  });

  it('reads lists without a CSRF header, with paging and filters', async () => {
    const fetch = stub(() => json({ items: [], nextCursor: null }));

    await listTenants({ cursor: 'c1' });
    await listAudit('t1', { limit: 50, cursor: 'c2', action: 'member.removed' });
    await getTenantDeletion('t1');

    expect(call(fetch, 0).url).toBe('/api/admin/tenants?cursor=c1');
    expect(call(fetch, 1).url).toBe('/api/tenants/t1/audit?limit=50&cursor=c2&action=member.removed');
    expect(call(fetch, 2).url).toBe('/api/admin/tenants/t1/deletion');
    for (const [, init] of fetch.mock.calls) {
      expect(init.method).toBeUndefined();
      expect(init.headers['X-XSRF-TOKEN']).toBeUndefined();
    }
  });

  it('turns a 409 quota problem into an ApiError with quota, plan and limit', async () => {
    stub(() =>
      json(
        { type: 'https://waymark.example/problems/quota-exceeded', title: 'Quota exceeded', status: 409, detail: 'No more workspaces', quota: 'workspaces', plan: 'starter', limit: 3 },
        409,
        'application/problem+json',
      ),
    );

    const error = (await createWorkspace('t1', { name: 'x', slug: 'xx' }).catch((e: unknown) => e)) as ApiError;

    expect(error).toBeInstanceOf(ApiError);
    expect(error.problem).toMatchObject({ status: 409, quota: 'workspaces', plan: 'starter', limit: 3 });
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, getMe, getMetricsSummary, listJourneys } from './api';

function json(body: unknown, status = 200, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('api client', () => {
  it('calls same-origin with the session cookie and returns the body', async () => {
    const fetch = vi.fn().mockResolvedValue(json({ userId: 'u1', username: 'cora', workspaces: [] }));
    vi.stubGlobal('fetch', fetch);

    const me = await getMe();

    expect(me.username).toBe('cora');
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/me');
    expect(init.credentials).toBe('same-origin');
  });

  it('builds workspace URLs with encoded ids and paging', async () => {
    const fetch = vi.fn().mockImplementation(async () => json({ items: [], nextCursor: null }));
    vi.stubGlobal('fetch', fetch);

    await listJourneys('ws 1', { cursor: 'abc=', limit: 20 });
    await getMetricsSummary('ws1');

    expect(fetch.mock.calls[0]![0]).toBe('/api/workspaces/ws%201/journeys?limit=20&cursor=abc%3D');
    expect(fetch.mock.calls[1]![0]).toBe('/api/workspaces/ws1/metrics/summary');
  });

  it('turns a problem+json answer into an ApiError', async () => {
    const problem = { type: 'https://waymark.example/problems/tenant-suspended', title: 'Agency suspended', status: 403, detail: 'Contact support.' };
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(json(problem, 403, 'application/problem+json')));

    const error = await getMe().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem).toEqual(problem);
    expect((error as ApiError).tenantSuspended).toBe(true);
  });

  it('reads a redirect to the login page as signed out', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(null, { status: 302, headers: { Location: '/oauth2/authorization/keycloak' } })));

    const error = (await getMe().catch((e: unknown) => e)) as ApiError;

    expect(error.signedOut).toBe(true);
  });

  it('reports an unreachable server as status 0 with a readable title', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));

    const error = (await getMe().catch((e: unknown) => e)) as ApiError;

    expect(error.status).toBe(0);
    expect(error.problem.title).toBe("Can't reach Waymark");
  });
});

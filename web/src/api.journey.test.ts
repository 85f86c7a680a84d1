// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  attachmentName,
  createStage,
  createTouchpoint,
  createVersion,
  deleteStage,
  downloadJourneyCsv,
  getJourneyMap,
  reorderStages,
  updateTouchpoint,
} from './api';

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

beforeEach(() => {
  document.cookie = 'XSRF-TOKEN=tok-9; path=/';
});

afterEach(() => {
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  vi.unstubAllGlobals();
});

function stub(response: () => Response) {
  const fetch = vi.fn().mockImplementation(async () => response());
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function call(fetch: ReturnType<typeof vi.fn>, i = 0) {
  const [url, init] = fetch.mock.calls[i]!;
  return { url: url as string, init: init as RequestInit & { headers: Record<string, string> } };
}

describe('journey map API', () => {
  it('reads the map with its ETag', async () => {
    stub(() => json({ id: 'j1', name: 'Buy', stages: [], version: 7 }, 200, { ETag: '"7"' }));
    const { map, etag } = await getJourneyMap('ws-1', 'j1');
    expect(map.name).toBe('Buy');
    expect(etag).toBe('"7"');
  });

  it('falls back to the version in the body when no ETag header comes through', async () => {
    stub(() => json({ id: 'j1', name: 'Buy', stages: [], version: 12 }));
    expect((await getJourneyMap('ws-1', 'j1')).etag).toBe('"12"');
  });

  it('adds a touchpoint with If-Match and the CSRF header', async () => {
    const fetch = stub(() => json({ id: 't1' }, 201));
    const body = { name: 'Chat', channelId: 'c1', expectedEmotion: 1, owningTeam: null, customerAction: { text: 'Asks', owningTeam: null }, frontstage: null, backstage: null, support: null };
    await createTouchpoint('ws-1', 'j1', 's1', body, '"7"');
    const { url, init } = call(fetch);
    expect(url).toBe('/api/workspaces/ws-1/journeys/j1/stages/s1/touchpoints');
    expect(init.method).toBe('POST');
    expect(init.headers['If-Match']).toBe('"7"');
    expect(init.headers['X-XSRF-TOKEN']).toBe('tok-9');
    expect(JSON.parse(init.body as string)).toEqual(body);
  });

  it('patches, deletes and creates stages with If-Match and CSRF', async () => {
    const fetch = stub(() => json({}, 200));
    await updateTouchpoint('ws-1', 'j1', 's1', 't1', { name: 'New' }, '"8"');
    await createStage('ws-1', 'j1', { name: 'Awareness' }, '"9"');
    await createVersion('ws-1', 'j1', 'Workshop 1', '"9"');
    for (let i = 0; i < 3; i++) {
      const { init } = call(fetch, i);
      expect(init.headers['If-Match']).toMatch(/^"\d"$/);
      expect(init.headers['X-XSRF-TOKEN']).toBe('tok-9');
    }
    expect(call(fetch, 0).init.method).toBe('PATCH');
    expect(call(fetch, 0).url).toBe('/api/workspaces/ws-1/journeys/j1/stages/s1/touchpoints/t1');
    expect(call(fetch, 1).url).toBe('/api/workspaces/ws-1/journeys/j1/stages');
    expect(call(fetch, 2).url).toBe('/api/workspaces/ws-1/journeys/j1/versions');
    expect(JSON.parse(call(fetch, 2).init.body as string)).toEqual({ label: 'Workshop 1' });
  });

  it('reorders stages with a PUT of the full id list', async () => {
    const fetch = stub(() => json([], 200));
    await reorderStages('ws-1', 'j1', ['b', 'a', 'c'], '"3"');
    const { url, init } = call(fetch);
    expect(url).toBe('/api/workspaces/ws-1/journeys/j1/stages/order');
    expect(init.method).toBe('PUT');
    expect(init.headers['If-Match']).toBe('"3"');
    expect(init.headers['X-XSRF-TOKEN']).toBe('tok-9');
    expect(JSON.parse(init.body as string)).toEqual({ stageIds: ['b', 'a', 'c'] });
  });

  it('turns a stale If-Match into an ApiError with status 412', async () => {
    stub(() => json({ type: 'about:blank', title: 'Precondition Failed', status: 412, detail: 'The map has changed' }, 412));
    const error = await deleteStage('ws-1', 'j1', 's1', '"1"').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(412);
  });

  it('downloads the CSV by asking for text/csv', async () => {
    const fetch = stub(
      () =>
        new Response('stage,stage_position\r\n', {
          status: 200,
          headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="Buy online.csv"' },
        }),
    );
    const { blob, filename } = await downloadJourneyCsv('ws-1', 'j1');
    expect(filename).toBe('Buy online.csv');
    expect(await blob.text()).toContain('stage,stage_position');
    expect(call(fetch).url).toBe('/api/workspaces/ws-1/journeys/j1');
    expect(call(fetch).init.headers.Accept).toBe('text/csv');
  });

  it('reads attachment names in both forms', () => {
    expect(attachmentName("attachment; filename*=UTF-8''K%C3%A4ufe.csv")).toBe('Käufe.csv');
    expect(attachmentName('attachment; filename=plain.csv')).toBe('plain.csv');
    expect(attachmentName(null)).toBeNull();
  });
});

import { vi } from 'vitest';

/** Test helpers shared by the feedback screens' tests: a fetch mock answering by method and path. */

export type Init = RequestInit & { headers?: Record<string, string> };
export type Handler = (url: string, init: Init) => Response | undefined;

export function reply(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

export const JOURNEYS = { items: [{ id: 'j1', name: 'Buy online', state: 'current', ownerName: null, description: null }], nextCursor: null };

export const MAP = {
  id: 'j1',
  name: 'Buy online',
  state: 'current',
  ownerName: null,
  description: null,
  reviewEveryDays: null,
  version: 2,
  stages: [
    {
      id: 's1',
      name: 'Purchase',
      position: 0,
      touchpoints: [
        { id: 't1', name: 'Checkout page', channelId: null, expectedEmotion: 0, position: 0, parentTouchpointId: null },
        { id: 't2', name: 'Payment', channelId: null, expectedEmotion: 0, position: 1, parentTouchpointId: 't1' },
      ],
    },
  ],
};

/** Answers the mapping-service reads every feedback screen makes, then `extra`; anything else is a 500. */
export function server(extra: Handler = () => undefined) {
  const fetch = vi.fn().mockImplementation(async (url: string, init: Init = {}) => {
    const handled = extra(url, init);
    if (handled) return handled;
    const method = init.method ?? 'GET';
    if (method === 'GET' && url.startsWith('/api/workspaces/ws-1/journeys?')) return reply(JOURNEYS);
    if (method === 'GET' && url === '/api/workspaces/ws-1/journeys/j1') return reply(MAP, 200, { ETag: '"2"' });
    return reply({ title: `unexpected ${method} ${url}`, status: 500 }, 500);
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

export function calls(fetch: ReturnType<typeof vi.fn>, method: string, prefix = ''): [string, Init][] {
  return (fetch.mock.calls as [string, Init | undefined][])
    .filter(([url, init]) => (init?.method ?? 'GET') === method && url.startsWith(prefix))
    .map(([url, init]) => [url, init ?? {}]);
}

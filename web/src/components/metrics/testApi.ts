import { vi } from 'vitest';

/** A fake gateway for component tests: answers by "METHOD /path" and records every call. */
export type Handler = (url: URL, init: RequestInit | undefined) => unknown;

export function json(body: unknown, status = 200): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' },
  });
}

export function stubApi(table: Record<string, Handler>) {
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const handler = table[`${init?.method ?? 'GET'} ${url.pathname}`];
    if (!handler) return json({ type: 'about:blank', title: 'Not Found', status: 404 }, 404);
    const body = handler(url, init);
    return body instanceof Response ? body : json(body);
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

export type FetchMock = ReturnType<typeof stubApi>;

/** The calls made with this method to this path. */
export function calls(fetch: FetchMock, method: string, path: string) {
  return fetch.mock.calls.filter(
    ([input, init]) => (init?.method ?? 'GET') === method && new URL(String(input), 'http://localhost').pathname === path,
  );
}

/** The query parameters of each call to this path. */
export function queries(fetch: FetchMock, path: string): URLSearchParams[] {
  return calls(fetch, 'GET', path).map(([input]) => new URL(String(input), 'http://localhost').searchParams);
}

export const score = (value: number | null, n: number, ciLow: number | null = null, ciHigh: number | null = null, enough = true) => ({
  value,
  n,
  ciLow,
  ciHigh,
  enough,
});

export const none = score(null, 0, null, null, false);

/** Charts render slowly in jsdom on a busy machine; waits and tests get room for that. */
export const SLOW = { timeout: 10000 };
export const TEST_TIMEOUT = 30000;

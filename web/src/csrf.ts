/** Spring Security's cookie CSRF repository: the token lives in this cookie (readable by JS)… */
export const CSRF_COOKIE = 'XSRF-TOKEN';
/** …and must come back in this header on every state-changing request. */
export const CSRF_HEADER = 'X-XSRF-TOKEN';

/** Reads one cookie from a `document.cookie`-style string; null when absent or empty. */
export function readCookie(cookies: string, name: string): string | null {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    if (raw === '') return null;
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return null;
}

export function csrfToken(cookies: string = typeof document === 'undefined' ? '' : document.cookie): string | null {
  return readCookie(cookies, CSRF_COOKIE);
}

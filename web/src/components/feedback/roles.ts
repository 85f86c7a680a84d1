/** Feedback permissions as `/api/me` shows them (feedback-service still enforces them). */

/** Viewers read surveys, responses and cases; every other workspace role edits them. */
export function canEditFeedback(role: string | null | undefined): boolean {
  return role != null && role !== '' && role !== 'client-viewer';
}

/** Erasing responses answers a data subject's request: client admins and the agency (its processor). */
export function canEraseResponses(role: string | null | undefined): boolean {
  return role === 'client-admin' || role === 'agency-admin' || role === 'agency-staff';
}

/** A fresh key per user action, so a retried create is stored once. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `${Date.now().toString(16)}-${Math.random().toString(16).slice(2)}-${Math.random().toString(16).slice(2)}`;
}

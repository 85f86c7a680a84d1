import { describe, expect, it } from 'vitest';
import { isTenantSuspended, parseProblem } from './problem';

describe('parseProblem', () => {
  it('reads an RFC 9457 body with validation errors', () => {
    const body = JSON.stringify({
      type: 'https://waymark.example/problems/validation',
      title: 'Invalid journey',
      status: 400,
      detail: 'Some fields need attention.',
      errors: [{ field: 'name', message: 'must not be blank' }, { bogus: true }],
    });
    expect(parseProblem(400, body)).toEqual({
      type: 'https://waymark.example/problems/validation',
      title: 'Invalid journey',
      status: 400,
      detail: 'Some fields need attention.',
      errors: [{ field: 'name', message: 'must not be blank' }],
    });
  });

  it('falls back to a friendly title for a non-JSON body', () => {
    expect(parseProblem(502, '<html>Bad Gateway</html>')).toEqual({
      type: 'about:blank',
      title: 'Something went wrong on our side',
      status: 502,
    });
  });

  it('falls back for an empty body and for missing fields', () => {
    expect(parseProblem(404, '').title).toBe('Not found');
    const p = parseProblem(409, '{"detail":"Someone else saved first."}');
    expect(p).toEqual({ type: 'about:blank', title: 'This changed in the meantime', status: 409, detail: 'Someone else saved first.' });
  });

  it('ignores JSON that is not an object', () => {
    expect(parseProblem(500, '["x"]').title).toBe('Something went wrong on our side');
  });
});

describe('isTenantSuspended', () => {
  it('recognises a 403 whose type ends with tenant-suspended', () => {
    const p = parseProblem(403, '{"type":"https://waymark.example/problems/tenant-suspended","title":"Suspended","status":403}');
    expect(isTenantSuspended(p)).toBe(true);
    expect(isTenantSuspended({ ...p, type: 'urn:waymark:tenant-suspended/' })).toBe(true);
  });

  it('does not fire for other 403s or other statuses', () => {
    expect(isTenantSuspended(parseProblem(403, '{"type":"https://waymark.example/problems/forbidden"}'))).toBe(false);
    expect(isTenantSuspended(parseProblem(404, '{"type":"https://waymark.example/problems/tenant-suspended"}'))).toBe(false);
  });
});

describe('quota problems', () => {
  it('keeps quota, plan and limit and words a friendly message', async () => {
    const { isQuotaExceeded, quotaMessage } = await import('./problem');
    const p = parseProblem(409, JSON.stringify({ type: 'https://waymark.example/problems/quota-exceeded', title: 'Quota exceeded', status: 409, quota: 'workspaces', plan: 'starter', limit: 3 }));
    expect(isQuotaExceeded(p)).toBe(true);
    expect(quotaMessage(p)).toBe("Your agency's Starter plan allows 3 client workspaces, and they are all in use.");
    expect(isQuotaExceeded(parseProblem(409, JSON.stringify({ type: 'https://waymark.example/problems/conflict', title: 'x' })))).toBe(false);
  });
});

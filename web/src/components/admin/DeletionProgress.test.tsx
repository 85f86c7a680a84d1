// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeletionProgress } from './DeletionProgress';

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('DeletionProgress', () => {
  it('polls until every service has purged', async () => {
    const pending = {
      tenantId: 't1',
      requestedAt: '2026-11-23T06:00:00Z',
      services: [
        { service: 'mapping-service', completedAt: '2026-11-23T06:00:05Z', rowsDeleted: 120 },
        { service: 'feedback-service', completedAt: null, rowsDeleted: null },
      ],
      complete: false,
    };
    const done = { ...pending, services: [pending.services[0], { service: 'feedback-service', completedAt: '2026-11-23T06:00:09Z', rowsDeleted: 4031 }], complete: true };
    const fetch = vi.fn().mockResolvedValueOnce(json(pending)).mockResolvedValueOnce(json(done));
    vi.stubGlobal('fetch', fetch);

    render(<DeletionProgress tenantId="t1" pollMs={10} />);

    expect(await screen.findByText('1 of 2 services done — checking again shortly…')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Agency deleted' })).toBeTruthy();
    expect(screen.getByRole('row', { name: /feedback-service/ }).textContent).toContain('4031');
    await new Promise((r) => setTimeout(r, 50));
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fetch.mock.calls[0]![0]).toBe('/api/admin/tenants/t1/deletion');
  });

  it('says so when no deletion was requested', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(JSON.stringify({ type: 'about:blank', title: 'Not found', status: 404 }), { status: 404 })));
    render(<DeletionProgress tenantId="t1" pollMs={10} />);
    expect(await screen.findByText('No deletion was requested for this agency')).toBeTruthy();
  });
});

// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TrendChart } from './TrendChart';
import { queries, SLOW, stubApi, TEST_TIMEOUT } from './testApi';
import { npsSeries } from './testFixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('TrendChart', () => {
  it('has the API points as a table: values only with enough answers, n, interval and significant changes', { timeout: TEST_TIMEOUT }, async () => {
    const fetch = stubApi({ 'GET /api/workspaces/ws-1/metrics/timeseries': () => npsSeries });
    render(
      <TrendChart workspaceId="ws-1" metric="nps" interval="week" filter={{ from: '2026-10-26', segment: 'smb' }} journeyId="j1" scopeLabel="journey Buy online" />,
    );

    const toggle = await screen.findByRole('button', { name: 'Show as table: NPS trend' }, SLOW);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    // in the page for screen readers even before the toggle
    const table = screen.getByRole('table', { name: 'NPS per week' });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(table.parentElement!.className).not.toContain('visually-hidden');

    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => Array.from(r.children).map((c) => c.textContent))).toEqual([
      ['Week of Oct 26, 2026', '+12', '40', '+2 … +22', '—'],
      ['Week of Nov 2, 2026', '+35', '52', '+26 … +44', 'significant'],
      ['Week of Nov 9, 2026', 'not enough data', '8', '—', '—'],
      ['Week of Nov 16, 2026', 'no answers', '0', '—', '—'],
    ]);
    expect(screen.getByRole('figure', { name: 'NPS per week, journey Buy online' })).toBeTruthy();
    expect(screen.getByText('Significant change vs the previous point')).toBeTruthy();

    const [asked] = queries(fetch, '/api/workspaces/ws-1/metrics/timeseries');
    expect(Object.fromEntries(asked!)).toEqual({ metric: 'nps', interval: 'week', from: '2026-10-26', segment: 'smb', journeyId: 'j1' });
  });

  it('draws the value line, the interval band and a distinct marker for a significant change', { timeout: TEST_TIMEOUT }, async () => {
    stubApi({ 'GET /api/workspaces/ws-1/metrics/timeseries': () => npsSeries });
    const { container } = render(<TrendChart workspaceId="ws-1" metric="nps" interval="week" filter={{}} scopeLabel="whole workspace" />);

    await screen.findByRole('button', { name: 'Show as table: NPS trend' }, SLOW);
    expect(container.querySelector('.trend-line')).not.toBeNull();
    expect(container.querySelector('.trend-band')).not.toBeNull();
    expect(container.querySelectorAll('[data-significant="true"]')).toHaveLength(1);
    expect(container.textContent).toContain('NPS (−100 to +100)');
    expect(container.textContent).toContain('Week (from Monday)');
  });

  it('says so when no period has enough answers', { timeout: TEST_TIMEOUT }, async () => {
    stubApi({
      'GET /api/workspaces/ws-1/metrics/timeseries': () => ({ ...npsSeries, metric: 'csat', interval: 'month', points: [{ start: '2026-11-01', value: 90, n: 3, ciLow: null, ciHigh: null, enough: false, changeSignificant: false }] }),
    });
    render(<TrendChart workspaceId="ws-1" metric="csat" interval="month" filter={{}} scopeLabel="whole workspace" />);

    expect(await screen.findByText('No month in this period has enough answers (n ≥ 30) for a reliable CSAT.', undefined, SLOW)).toBeTruthy();
    const table = screen.getByRole('table', { name: 'CSAT per month' });
    expect(within(table).getAllByRole('row')[1]!.textContent).toContain('November 2026');
    expect(within(table).getAllByRole('row')[1]!.textContent).not.toContain('90%');
  });
});

// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dashboard } from './Dashboard';
import { queries, SLOW, stubApi, TEST_TIMEOUT, type Handler } from './testApi';
import { drivers, emptySeries, journeySummary, npsSeries, openAlert, rule, workspaceSummary } from './testFixtures';

function routes(): Record<string, Handler> {
  return {
    'GET /api/workspaces/ws-1/metrics/summary': (url) => (url.searchParams.get('journeyId') === 'j1' ? journeySummary : workspaceSummary),
    'GET /api/workspaces/ws-1/metrics/timeseries': (url) => (url.searchParams.get('metric') === 'nps' ? npsSeries : emptySeries(url.searchParams.get('metric')!)),
    'GET /api/workspaces/ws-1/metrics/drivers': () => drivers,
    'GET /api/workspaces/ws-1/alerts': () => ({ items: [openAlert], nextCursor: null }),
    'GET /api/workspaces/ws-1/alert-rules': () => ({ items: [rule], nextCursor: null }),
  };
}

const editor = { id: 'ws-1', name: 'Contoso Retail', role: 'client-editor' };
const TIMESERIES = '/api/workspaces/ws-1/metrics/timeseries';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Dashboard', () => {
  it('shows each KPI tile with n and its 95% interval, and "not enough data" below the minimum n', { timeout: TEST_TIMEOUT }, async () => {
    stubApi(routes());
    const { container } = render(<Dashboard workspace={editor} />);

    const kpis = container.querySelector<HTMLElement>('[aria-labelledby="dash-kpi-title"]')!;
    await waitFor(() => expect(kpis.textContent).toContain('+32'), SLOW);
    const tile = (id: string) => kpis.querySelector(`[aria-labelledby="${id}"]`)!.textContent;
    expect(tile('kpi-nps')).toContain('n = 412');
    expect(tile('kpi-nps')).toContain('95% CI +24 … +40');
    expect(tile('kpi-csat')).toContain('not enough data (n = 12)');
    expect(tile('kpi-csat')).not.toContain('81%');
    expect(tile('kpi-ces')).toContain('5.4');
    expect(tile('kpi-ces')).toContain('95% CI 5.2 … 5.6');
    expect(kpis.textContent).toContain('431 responses');
    expect(screen.getByText(/Aug 26, 2026 – Nov 23, 2026/)).toBeTruthy();
  });

  it('asks every read for the chosen period and segment, and the trends for the chosen interval', { timeout: TEST_TIMEOUT }, async () => {
    const fetch = stubApi(routes());
    render(<Dashboard workspace={editor} />);
    await waitFor(() => expect(queries(fetch, TIMESERIES)).toHaveLength(3), SLOW);
    expect(queries(fetch, TIMESERIES).map((q) => q.get('metric')).sort()).toEqual(['ces', 'csat', 'nps']);

    fireEvent.change(screen.getByLabelText('Interval'), { target: { value: 'month' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-09-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-10-31' } });
    fireEvent.change(screen.getByLabelText(/^Segment/), { target: { value: 'smb' } });
    fireEvent.click(screen.getByText('Apply'));

    await waitFor(() => {
      const wanted = queries(fetch, TIMESERIES).filter(
        (q) => q.get('interval') === 'month' && q.get('from') === '2026-09-01' && q.get('to') === '2026-10-31' && q.get('segment') === 'smb',
      );
      expect(wanted.map((q) => q.get('metric')).sort()).toEqual(['ces', 'csat', 'nps']);
    }, SLOW);
    expect(queries(fetch, '/api/workspaces/ws-1/metrics/summary').some((q) => q.get('from') === '2026-09-01' && q.get('to') === '2026-10-31' && q.get('segment') === 'smb')).toBe(true);
    await waitFor(() => expect(queries(fetch, '/api/workspaces/ws-1/metrics/drivers').some((q) => q.get('from') === '2026-09-01')).toBe(true), SLOW);
  });

  it('refuses a period that ends before it starts, without asking the API', { timeout: TEST_TIMEOUT }, async () => {
    const fetch = stubApi(routes());
    render(<Dashboard workspace={editor} />);
    await waitFor(() => expect(queries(fetch, TIMESERIES)).toHaveLength(3), SLOW);

    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-10-01' } });
    fireEvent.click(screen.getByText('Apply'));

    expect(screen.getByText('The first day must not be after the last day.').getAttribute('role')).toBe('alert');
    expect(queries(fetch, TIMESERIES)).toHaveLength(3);
  });

  it('points the trend charts at the journey and then the touchpoint the reader drills into', { timeout: TEST_TIMEOUT }, async () => {
    const fetch = stubApi(routes());
    const { container } = render(<Dashboard workspace={editor} />);
    const drill = container.querySelector<HTMLElement>('[aria-labelledby="dash-drill-title"]')!;
    const trendTitle = () => container.querySelector('#dash-trend-title')!.textContent;

    const journeys = await within(drill).findByRole('table', { name: /^Journeys/ }, SLOW);
    expect(trendTitle()).toBe('Trends: whole workspace');
    fireEvent.click(within(journeys).getByRole('button', { name: /Buy online, return in store/ }));
    await waitFor(() => expect(queries(fetch, TIMESERIES).filter((q) => q.get('journeyId') === 'j1')).toHaveLength(3), SLOW);
    expect(trendTitle()).toBe('Trends: journey Buy online, return in store');

    fireEvent.click(await within(drill).findByRole('button', { name: /^Checkout/ }, SLOW));
    fireEvent.click(within(drill).getByRole('button', { name: 'Show trend of Payment page' }));
    await waitFor(() => expect(queries(fetch, TIMESERIES).filter((q) => q.get('touchpointId') === 't1' && !q.get('journeyId'))).toHaveLength(3), SLOW);
    expect(trendTitle()).toBe('Trends: touchpoint Payment page');
  });
});

// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { calls, none, queries, score, SLOW, stubApi, TEST_TIMEOUT, type Handler } from '../metrics/testApi';
import { Portfolio } from './Portfolio';

const tenant = { id: 't-1', name: 'Northwind CX' };

const trend = (change: number | null, changeSignificant = false) => ({ previous: change == null ? null : 20, previousN: 100, change, changeSignificant });

const contoso = {
  workspaceId: 'ws-1',
  name: 'Contoso Retail',
  industry: 'Retail',
  nps: score(32, 412, 24, 40),
  csat: score(81, 300, 77, 85),
  ces: score(5.4, 200, 5.2, 5.6),
  responses: 431,
  openAlerts: 2,
  trend: { nps: trend(6, true), csat: trend(-2), ces: trend(null) },
  minN: 30,
  benchmark: { industry: 'Retail', workspaces: 6, nps: { median: 20, workspaces: 6 }, csat: { median: 78, workspaces: 5 }, ces: { median: null, workspaces: 3 } },
  sparkline: [
    { start: '2026-11-02', value: 12, n: 40 },
    // the service sends a value from the first answer; below the minimum n it must not show
    { start: '2026-11-09', value: 75, n: 8 },
    { start: '2026-11-16', value: 30, n: 55 },
  ],
};

const fabrikam = {
  workspaceId: 'ws-2',
  name: 'Fabrikam Bank',
  industry: 'Banking',
  nps: score(10, 12, null, null, false),
  csat: none,
  ces: none,
  responses: 12,
  openAlerts: 0,
  trend: { nps: trend(null), csat: trend(null), ces: trend(null) },
  minN: 30,
  benchmark: null,
  sparkline: [
    { start: '2026-11-02', value: 50, n: 4 },
    { start: '2026-11-09', value: null, n: 0 },
    { start: '2026-11-16', value: -20, n: 5 },
  ],
};

const portfolio = (rows: unknown[]) => ({
  tenantId: 't-1',
  from: '2026-08-26',
  to: '2026-11-23',
  previousFrom: '2026-05-28',
  previousTo: '2026-08-25',
  minN: 30,
  workspaces: rows,
});

function routes(extra: Record<string, Handler> = {}): Record<string, Handler> {
  return {
    'GET /api/tenants/t-1/portfolio': () => portfolio([fabrikam, contoso]),
    'GET /api/tenants/t-1/portfolio/settings': () => ({ industryBenchmarks: true }),
    ...extra,
  };
}

const rowOf = (table: HTMLElement, name: string) => within(table).getAllByRole('row').find((r) => r.querySelector('th')?.textContent?.startsWith(name))!;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Portfolio', () => {
  it('lists each workspace with scores, n and CI, responses, open alerts, trend, a weekly sparkline and the benchmark or "not enough peers"', { timeout: TEST_TIMEOUT }, async () => {
    stubApi(routes());
    render(<Portfolio tenant={tenant} role="agency-staff" />);

    const table = await screen.findByRole('table', { name: /^Client workspaces/ }, SLOW);
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Workspace', 'NPS', 'CSAT', 'CES', 'Responses', 'Open alerts', 'Trend vs previous period', 'NPS per week', 'Industry benchmark']);

    const c = rowOf(table, 'Contoso Retail');
    const cells = Array.from(c.children).map((el) => el.textContent);
    expect(within(c).getByRole('link', { name: 'Contoso Retail' }).getAttribute('href')).toBe('/w/ws-1/dashboard');
    expect(cells[1]).toContain('+32');
    expect(cells[1]).toContain('n = 412');
    expect(cells[1]).toContain('95% CI +24 … +40');
    expect(cells[4]).toBe('431');
    expect(cells[5]).toBe('⚠ 2');
    expect(cells[6]).toContain('NPS ▲ +6 significant');
    expect(cells[6]).toContain('CSAT ▼ −2 pts not significant');
    expect(cells[6]).toContain('CES no comparison');
    const spark = within(c).getByRole('img');
    expect(spark.getAttribute('aria-label')).toBe(
      'NPS per week for Contoso Retail: Nov 2: +12 (n = 40); Nov 9: not enough data (n = 8); Nov 16: +30 (n = 55)',
    );
    expect(spark.querySelector('svg')).not.toBeNull();
    expect(spark.textContent).not.toContain('+75');
    expect(cells[8]).toContain('Median of 6 other Retail clients');
    expect(cells[8]).toContain('NPS +20');
    expect(cells[8]).toContain('CSAT 78%');
    expect(cells[8]).toContain('CES not enough peers');

    const f = rowOf(table, 'Fabrikam Bank');
    expect(f.children[1]!.textContent).toBe('not enough data (n = 12)');
    expect(f.children[7]!.textContent).toBe('too few answers per week');
    expect(f.children[8]!.textContent).toContain('not enough peers');
    expect(f.children[8]!.textContent).toContain('fewer than 5 other Banking clients with enough answers');
  });

  it('shows the weekly NPS of every workspace as a table on request', { timeout: TEST_TIMEOUT }, async () => {
    stubApi(routes());
    render(<Portfolio tenant={tenant} role="agency-staff" />);

    fireEvent.click(await screen.findByRole('button', { name: 'Show weekly NPS as table' }, SLOW));
    const weekly = screen.getByRole('table', { name: /^NPS per week \(n in brackets/ });
    const rows = within(weekly).getAllByRole('row').map((r) => Array.from(r.children).map((c) => c.textContent));
    expect(rows).toEqual([
      ['Workspace', 'Nov 2', 'Nov 9', 'Nov 16'],
      ['Contoso Retail', '+12 (40)', '— (8)', '+30 (55)'],
      ['Fabrikam Bank', '— (4)', '— (0)', '— (5)'],
    ]);
  });

  it('tolerates rows without sparkline and benchmark, and then has no benchmark column', { timeout: TEST_TIMEOUT }, async () => {
    const { sparkline: _s, benchmark: _b, ...bare } = contoso;
    stubApi({ 'GET /api/tenants/t-1/portfolio': () => portfolio([bare]) });
    render(<Portfolio tenant={tenant} role="agency-staff" />);

    const table = await screen.findByRole('table', { name: /^Client workspaces/ }, SLOW);
    expect(within(table).queryByRole('columnheader', { name: 'Industry benchmark' })).toBeNull();
    expect(rowOf(table, 'Contoso Retail').children[7]!.textContent).toBe('no weekly data');
  });

  it('has no benchmark column while the benchmarks are off, though every row says benchmark: null', { timeout: TEST_TIMEOUT }, async () => {
    stubApi(
      routes({
        'GET /api/tenants/t-1/portfolio': () => portfolio([{ ...contoso, benchmark: null }, fabrikam]),
        'GET /api/tenants/t-1/portfolio/settings': () => ({ industryBenchmarks: false }),
      }),
    );
    render(<Portfolio tenant={tenant} role="agency-staff" />);

    const table = await screen.findByRole('table', { name: /^Client workspaces/ }, SLOW);
    await waitFor(() => expect(within(table).getAllByRole('columnheader')).toHaveLength(8));
    expect(table.textContent).not.toContain('not enough peers');
  });

  it('lets an agency admin switch the industry benchmarks on, then reads the portfolio again', { timeout: TEST_TIMEOUT }, async () => {
    let on = false;
    const fetch = stubApi(
      routes({
        'GET /api/tenants/t-1/portfolio': () => {
          const { benchmark: _b, ...bare } = contoso;
          return portfolio(on ? [contoso] : [bare]);
        },
        'GET /api/tenants/t-1/portfolio/settings': () => ({ industryBenchmarks: on }),
        'PUT /api/tenants/t-1/portfolio/settings': (_url, init) => {
          on = JSON.parse(String(init!.body)).industryBenchmarks;
          return { industryBenchmarks: on };
        },
      }),
    );
    render(<Portfolio tenant={tenant} role="agency-admin" />);

    const toggle = await screen.findByRole('checkbox', { name: 'Show industry benchmarks' }, SLOW);
    expect((toggle as HTMLInputElement).checked).toBe(false);
    await screen.findByRole('table', { name: /^Client workspaces/ }, SLOW);
    expect(screen.queryByRole('columnheader', { name: 'Industry benchmark' })).toBeNull();

    fireEvent.click(toggle);

    await waitFor(() => expect(screen.getByRole('columnheader', { name: 'Industry benchmark' })).toBeTruthy(), SLOW);
    const [put] = calls(fetch, 'PUT', '/api/tenants/t-1/portfolio/settings');
    expect(JSON.parse(String(put![1]!.body))).toEqual({ industryBenchmarks: true });
    expect(queries(fetch, '/api/tenants/t-1/portfolio').length).toBeGreaterThanOrEqual(2);
    expect((screen.getByRole('checkbox', { name: 'Show industry benchmarks' }) as HTMLInputElement).checked).toBe(true);
  });

  it('offers agency staff no benchmark switch', { timeout: TEST_TIMEOUT }, async () => {
    stubApi(routes());
    render(<Portfolio tenant={tenant} role="agency-staff" />);
    await screen.findByRole('table', { name: /^Client workspaces/ }, SLOW);
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('asks for the chosen period', { timeout: TEST_TIMEOUT }, async () => {
    const fetch = stubApi(routes());
    render(<Portfolio tenant={tenant} role="agency-staff" />);
    await screen.findByRole('table', { name: /^Client workspaces/ }, SLOW);

    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-10-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-10-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));

    await waitFor(() => expect(queries(fetch, '/api/tenants/t-1/portfolio').some((q) => q.get('from') === '2026-10-01' && q.get('to') === '2026-10-31')).toBe(true));
  });
});

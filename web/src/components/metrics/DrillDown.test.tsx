// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SummaryDetail } from '../../apiMetrics';
import { DrillDown, TOP, type Drill } from './DrillDown';
import { queries, SLOW, stubApi, TEST_TIMEOUT } from './testApi';
import { journeySummary, workspaceSummary } from './testFixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

let seen: Drill[] = [];

function Harness() {
  const [drill, setDrill] = useState<Drill>(TOP);
  return (
    <DrillDown
      workspaceId="ws-1"
      filter={{ from: '2026-09-01' }}
      summary={{ status: 'ok', data: workspaceSummary as unknown as SummaryDetail }}
      reloadSummary={() => {}}
      drill={drill}
      onDrill={(d) => {
        seen.push(d);
        setDrill(d);
      }}
    />
  );
}

const headers = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((r) => r.querySelector('th')!.textContent);

describe('DrillDown', () => {
  it('shows each journey\'s own score with n and CI beside the mean of its touchpoints, and tolerates rows without that mean', () => {
    seen = [];
    stubApi({});
    render(<Harness />);

    const table = screen.getByRole('table', { name: /^Journeys/ });
    const [first, second] = within(table).getAllByRole('row').slice(1);
    const npsCell = first!.querySelectorAll('td')[0]!;
    expect(npsCell.textContent).toContain('+25');
    expect(npsCell.textContent).toContain('n = 312');
    expect(npsCell.textContent).toContain('95% CI +15 … +34');
    expect(npsCell.textContent).toContain('Touchpoint mean: +18 (3 touchpoints)');
    expect(first!.querySelectorAll('td')[1]!.textContent).toContain('Touchpoint mean: no touchpoint with enough data');
    expect(second!.textContent).toContain('not enough data (n = 5)');
    expect(second!.textContent).not.toContain('+80');
    expect(second!.textContent).not.toContain('Touchpoint mean');
  });

  it('goes from journeys to stages (in map order) to touchpoints and back along the path', { timeout: TEST_TIMEOUT }, async () => {
    seen = [];
    const fetch = stubApi({ 'GET /api/workspaces/ws-1/metrics/summary': () => journeySummary });
    render(<Harness />);

    fireEvent.click(within(screen.getByRole('table', { name: /^Journeys/ })).getByRole('button', { name: /Buy online, return in store/ }));
    const stages = await screen.findByRole('table', { name: 'Stages of Buy online, return in store' }, SLOW);
    expect(headers(stages)).toEqual(['Browse: show its touchpoints', 'Checkout: show its touchpoints']);
    expect(Object.fromEntries(queries(fetch, '/api/workspaces/ws-1/metrics/summary')[0]!)).toEqual({ from: '2026-09-01', journeyId: 'j1' });
    expect(within(screen.getByRole('navigation', { name: 'Drill-down' })).getByText('Buy online, return in store').getAttribute('aria-current')).toBe('location');

    fireEvent.click(within(stages).getByRole('button', { name: /Checkout/ }));
    const touchpoints = screen.getByRole('table', { name: 'Touchpoints of Checkout' });
    expect(headers(touchpoints)).toEqual(['Payment page', 'Order confirmation']);
    const payment = within(touchpoints).getAllByRole('row')[1]!;
    expect(payment.textContent).toContain('−12');
    expect(payment.textContent).toContain('n = 90');
    expect(payment.textContent).toContain('95% CI −25 … +1');

    const trend = within(payment).getByRole('button', { name: 'Show trend of Payment page' });
    fireEvent.click(trend);
    expect(seen.at(-1)).toEqual({ journeyId: 'j1', stageId: 's2', touchpointId: 't1' });
    expect(within(payment).getByRole('button', { name: 'Show trend of Payment page' }).getAttribute('aria-pressed')).toBe('true');

    const path = screen.getByRole('navigation', { name: 'Drill-down' });
    fireEvent.click(within(path).getByRole('button', { name: 'Buy online, return in store' }));
    expect(screen.getByRole('table', { name: 'Stages of Buy online, return in store' })).toBeTruthy();
    fireEvent.click(within(path).getByRole('button', { name: 'All journeys' }));
    expect(screen.getByRole('table', { name: /^Journeys/ })).toBeTruthy();
    expect(seen.at(-1)).toEqual(TOP);
  });
});

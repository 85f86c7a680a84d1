// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DriverQuadrant } from './DriverQuadrant';
import { queries, SLOW, stubApi, TEST_TIMEOUT } from './testApi';
import { drivers } from './testFixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('DriverQuadrant', () => {
  it('labels each touchpoint with its quadrant, shows importance, performance and n', { timeout: TEST_TIMEOUT }, async () => {
    const fetch = stubApi({ 'GET /api/workspaces/ws-1/metrics/drivers': () => drivers });
    const { container } = render(<DriverQuadrant workspaceId="ws-1" journeyId="j1" journeyName="Buy online" from="2026-09-01" />);

    const table = await screen.findByRole('table', { name: 'Driver analysis of Buy online' }, SLOW);
    const cells = new Map(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) => [r.querySelector('th')!.textContent, Array.from(r.children).map((c) => c.textContent)]),
    );
    expect(cells.get('Payment page')![4]).toBe('fix first');
    expect(cells.get('Order confirmation')![4]).toBe('keep');
    expect(cells.get('Store returns desk')![4]).toBe('watch');
    expect(cells.get('Product page')![4]).toBe("don't over-invest");
    expect(cells.get('Newsletter')![4]).toBe('not enough pairs (fewer than 10)');
    expect(cells.get('Payment page')![1]).toBe('0.62');
    expect(cells.get('Payment page')![2]).toContain('n = 90');
    expect(cells.get('Payment page')![3]).toBe('85');
    expect(screen.getByText(/n = 180 respondents with a journey NPS/)).toBeTruthy();
    expect(screen.getByText(/1 touchpoint\(s\) are not plotted/)).toBeTruthy();
    // four plotted touchpoints, one per quadrant, each quadrant with its own marker group
    for (const q of ['priority', 'strength', 'secondary', 'maintain']) expect(container.querySelector(`.quadrant-points.quadrant-${q}`)).not.toBeNull();
    expect(container.textContent).toContain('Importance: correlation with journey NPS');

    expect(Object.fromEntries(queries(fetch, '/api/workspaces/ws-1/metrics/drivers')[0]!)).toEqual({ journeyId: 'j1', outcome: 'nps', from: '2026-09-01' });
  });
});

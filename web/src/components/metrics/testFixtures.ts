import { none, score } from './testApi';

/** Bodies as metrics-service answers them (see its Summary, Timeseries, Drivers, Alert records). */
export const workspaceSummary = {
  from: '2026-08-26',
  to: '2026-11-23',
  segment: null,
  journeyId: null,
  minN: 30,
  workspace: { nps: score(32, 412, 24, 40), csat: score(81, 12, null, null, false), ces: score(5.4, 200, 5.2, 5.6), responses: 431 },
  journeys: [
    {
      journeyId: 'j1',
      name: 'Buy online, return in store',
      nps: score(24.6, 312, 15.2, 33.9),
      csat: none,
      ces: none,
      responses: 312,
      touchpointMean: { nps: { value: 18.3, touchpoints: 3 }, csat: { value: null, touchpoints: 0 }, ces: { value: null, touchpoints: 0 } },
    },
    // no touchpointMean (a backend without it): the row still renders
    { journeyId: 'j2', name: 'Open an account', nps: score(80, 5, null, null, false), csat: none, ces: none, responses: 5 },
  ],
  stages: [
    { stageId: 's2', journeyId: 'j1', name: 'Checkout', position: 1, nps: score(-5, 150, -15, 5), csat: none, ces: none, responses: 150 },
    { stageId: 's1', journeyId: 'j1', name: 'Browse', position: 0, nps: score(10, 100, 0, 20), csat: none, ces: none, responses: 100 },
  ],
  touchpoints: [
    { touchpointId: 't1', stageId: 's2', journeyId: 'j1', name: 'Payment page', nps: score(-12, 90, -25, 1), csat: none, ces: none, responses: 90 },
    { touchpointId: 't2', stageId: 's2', journeyId: 'j1', name: 'Order confirmation', nps: score(20, 60, 5, 35), csat: none, ces: none, responses: 60 },
    { touchpointId: 't9', stageId: 's1', journeyId: 'j1', name: 'Product page', nps: score(40, 70, 30, 50), csat: none, ces: none, responses: 70 },
  ],
};

export const journeySummary = { ...workspaceSummary, journeyId: 'j1', journeys: [workspaceSummary.journeys[0]] };

export const npsSeries = {
  metric: 'nps',
  interval: 'week',
  from: '2026-10-26',
  to: '2026-11-22',
  minN: 30,
  points: [
    { start: '2026-10-26', value: 12, n: 40, ciLow: 2, ciHigh: 22, enough: true, changeSignificant: false },
    { start: '2026-11-02', value: 35, n: 52, ciLow: 26, ciHigh: 44, enough: true, changeSignificant: true },
    { start: '2026-11-09', value: 60, n: 8, ciLow: null, ciHigh: null, enough: false, changeSignificant: false },
    { start: '2026-11-16', value: null, n: 0, ciLow: null, ciHigh: null, enough: false, changeSignificant: false },
  ],
};

export const emptySeries = (metric: string) => ({ ...npsSeries, metric, points: [] });

export const drivers = {
  journeyId: 'j1',
  outcome: 'nps',
  from: '2026-08-26',
  to: '2026-11-23',
  n: 180,
  minPairs: 10,
  touchpoints: [
    { touchpointId: 't1', name: 'Payment page', stageId: 's2', importance: 0.62, performance: score(-12, 90, -25, 1), n: 85, quadrant: 'priority' },
    { touchpointId: 't2', name: 'Order confirmation', stageId: 's2', importance: 0.55, performance: score(20, 60, 5, 35), n: 58, quadrant: 'strength' },
    { touchpointId: 't3', name: 'Store returns desk', stageId: 's3', importance: 0.1, performance: score(-30, 40, -50, -10), n: 38, quadrant: 'secondary' },
    { touchpointId: 't4', name: 'Product page', stageId: 's1', importance: 0.05, performance: score(45, 70, 30, 60), n: 66, quadrant: 'maintain' },
    { touchpointId: 't5', name: 'Newsletter', stageId: null, importance: null, performance: score(10, 12, null, null, false), n: 4, quadrant: null },
  ],
};

export const openAlert = {
  alertId: 'a1',
  ruleId: 'r1',
  metric: 'nps',
  scope: { type: 'journey', id: 'j1' },
  condition: { type: 'below', threshold: 30 },
  value: 24.6,
  previousValue: null,
  n: 312,
  reason: 'NPS of journey j1 is 24.6 (n=312), below 30 over the last 7 days',
  status: 'open',
  raisedAt: '2026-11-22T09:00:00Z',
  acknowledgedAt: null,
  acknowledgedBy: null,
};

export const rule = {
  ruleId: 'r1',
  metric: 'nps',
  scope: { type: 'journey', id: 'j1' },
  condition: { type: 'below', threshold: 30 },
  window: 7,
  minN: 30,
  enabled: true,
  firing: true,
  createdAt: '2026-11-01T09:00:00Z',
  updatedAt: '2026-11-01T09:00:00Z',
};

// @vitest-environment jsdom
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MetricsSummary } from '../api';
import type { Loadable } from '../session';
import { CHART_BOX } from './journey/EmotionChart';
import { CONFLICT_MESSAGE, JourneyView, STAGE_COLUMN } from './JourneyView';

// The build machine is shared and busy: give async UI a little more time than the 1 s default.
configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 20_000 });

const MAP = {
  id: 'j1',
  name: 'Buy online',
  state: 'current',
  ownerName: 'Cora',
  description: null,
  reviewEveryDays: 90,
  version: 7,
  stages: [
    {
      id: 's1',
      name: 'Awareness',
      position: 0,
      touchpoints: [
        {
          id: 't1',
          stageId: 's1',
          name: 'Instagram ad',
          channelId: 'c-social',
          expectedEmotion: 1,
          owningTeam: 'Marketing',
          customerAction: { text: 'Sees the ad', owningTeam: null },
          frontstage: null,
          backstage: { text: 'Campaign scheduled', owningTeam: 'Growth' },
          support: null,
          position: 0,
        },
      ],
    },
    {
      id: 's2',
      name: 'Purchase',
      position: 1,
      touchpoints: [
        { id: 't2', stageId: 's2', name: 'Checkout page', channelId: 'c-online', expectedEmotion: -1, owningTeam: null, position: 0 },
        { id: 't3', stageId: 's2', name: 'Payment', channelId: 'c-online', expectedEmotion: 0, owningTeam: null, position: 1 },
      ],
    },
    { id: 's3', name: 'Delivery', position: 2, touchpoints: [] },
  ],
  painPoints: [{ id: 'p1', stageId: 's2', touchpointId: null, title: 'Hidden shipping costs', description: null, severity: 4 }],
  opportunities: [{ id: 'o1', painPointId: 'p1', title: 'Show costs early', description: null, impact: 4, effort: 2, status: 'planned', owner: null }],
  evidence: [],
  channels: [],
};

const PERSONAS = { items: [{ id: 'pe-1', name: 'First-time buyer', description: null }], nextCursor: null };

const CHANNELS = { items: [{ id: 'c-online', name: 'Online' }, { id: 'c-social', name: 'Social' }], nextCursor: null };

const score = (value: number | null, n: number, enough: boolean) => ({ value, n, ciLow: enough ? value! - 10 : null, ciHigh: enough ? value! + 10 : null, enough });

function liveOk() {
  return {
    journey: MAP,
    live: { available: true, from: '2026-08-25', to: '2026-11-23', reason: null },
    stages: [
      { stageId: 's1', observedEmotion: 2, nps: score(55, 120, true), csat: null, ces: null, responses: 120 },
      { stageId: 's2', observedEmotion: null, nps: score(null, 4, false), csat: null, ces: null, responses: 4 },
      { stageId: 's3', observedEmotion: -1, nps: score(-30, 40, true), csat: null, ces: null, responses: 40 },
    ],
    touchpoints: [
      { touchpointId: 't1', stageId: 's1', expectedEmotion: 1, observedEmotion: 2, nps: score(55, 120, true), csat: null, ces: null, responses: 120 },
      { touchpointId: 't2', stageId: 's2', expectedEmotion: -1, observedEmotion: null, nps: score(null, 4, false), csat: null, ces: null, responses: 4 },
    ],
  };
}

function reply(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

type Handler = (url: string, init: RequestInit & { headers?: Record<string, string> }) => Response | undefined;

function server(extra: Handler = () => undefined, live: unknown = liveOk()) {
  const fetch = vi.fn().mockImplementation(async (url: string, init: RequestInit & { headers?: Record<string, string> } = {}) => {
    const handled = extra(url, init);
    if (handled) return handled;
    const method = init.method ?? 'GET';
    if (method === 'GET' && url === '/api/workspaces/ws-1/journeys/j1') return reply(MAP, 200, { ETag: '"7"' });
    if (method === 'GET' && url === '/api/workspaces/ws-1/journeys/j1/live') return reply(live);
    if (method === 'GET' && url.startsWith('/api/workspaces/ws-1/channels')) return reply(CHANNELS);
    if (method === 'GET' && url.startsWith('/api/workspaces/ws-1/personas')) return reply(PERSONAS);
    if (method === 'GET' && url === '/api/workspaces/ws-1/journeys/j1/versions') return reply({ items: [], nextCursor: null });
    return reply({ title: 'unexpected', status: 500 }, 500);
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const summary: Loadable<MetricsSummary> = { status: 'ok', data: { workspace: null, touchpoints: [], journeys: [], stages: [] } };

function renderView(role = 'client-editor') {
  return render(<JourneyView workspaceId="ws-1" workspaceName="Acme" journeyId="j1" summary={summary} role={role} />);
}

function writes(fetch: ReturnType<typeof vi.fn>) {
  return fetch.mock.calls.filter(([, init]) => init?.method && init.method !== 'GET') as [string, RequestInit & { headers: Record<string, string> }][];
}

beforeEach(() => {
  document.cookie = 'XSRF-TOKEN=tok-1; path=/';
});

afterEach(() => {
  cleanup();
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  vi.unstubAllGlobals();
});

describe('JourneyView — the map editor', () => {
  it('draws stages as columns with lanes, channel chips, notes and observed NPS', async () => {
    server();
    renderView();
    const table = await screen.findByRole('table');
    const heads = within(table).getAllByRole('columnheader').map((h) => h.querySelector('h3')?.textContent ?? '');
    expect(heads.slice(1)).toEqual(['1Awareness', '2Purchase', '3Delivery']);
    for (const row of ['Customer actions', 'Touchpoints', 'Frontstage', 'Backstage', 'Support', 'Emotion', 'Pain points', 'Opportunities']) {
      expect(within(table).getByRole('rowheader', { name: new RegExp(`^${row}`) })).toBeTruthy();
    }
    expect(within(table).getAllByText('Online')).toHaveLength(1); // one chip for the two Online touchpoints
    expect(within(table).getByText('Social')).toBeTruthy();
    expect(within(table).getByText('Campaign scheduled')).toBeTruthy();
    expect(within(table).getByText('Team: Growth')).toBeTruthy();
    expect(within(table).getByText('Hidden shipping costs')).toBeTruthy();
    expect(within(table).getByText('Show costs early')).toBeTruthy();
    await waitFor(() => expect(table.textContent).toContain('n = 120'));
    expect(table.textContent).toContain('95% CI +45 … +65');
    expect(table.textContent).toContain('not enough data (n = 4)');
  });

  it('draws expected (dashed) and observed (solid) points at the right heights, leaving out missing observed ones', async () => {
    server();
    const { container } = renderView();
    await screen.findByRole('table');
    await waitFor(() => expect(container.querySelectorAll('circle[data-curve="observed"]')).toHaveLength(2));
    const y = (v: number) => CHART_BOX.top + ((2 - v) / 4) * CHART_BOX.height;
    const observed = [...container.querySelectorAll('circle[data-curve="observed"]')];
    expect(observed.map((c) => c.getAttribute('data-stage'))).toEqual(['s1', 's3']);
    expect(observed.map((c) => Number(c.getAttribute('cy')))).toEqual([y(2), y(-1)]);
    expect(observed.map((c) => Number(c.getAttribute('cx')))).toEqual([STAGE_COLUMN / 2, STAGE_COLUMN * 2.5]);
    // Expected: Awareness +1, Purchase mean(−1, 0) = −0.5, Delivery has no touchpoints.
    const expected = [...container.querySelectorAll('circle[data-curve="expected"]')];
    expect(expected.map((c) => Number(c.getAttribute('cy')))).toEqual([y(1), y(-0.5)]);
    // The observed line is broken at Purchase: two one-point segments.
    expect(container.querySelectorAll('polyline[data-curve="observed"]')).toHaveLength(2);
    expect(container.querySelector('[data-hint="s2"]')?.textContent).toBe('too few answers yet');
    const labels = [...container.querySelectorAll('.axis-label')].map((t) => t.textContent);
    expect(labels).toEqual(['+2', '+1', '0', '\u22121', '\u22122']);
  });

  it('says so when live scores are unavailable and draws no observed curve', async () => {
    server(undefined, { ...liveOk(), live: { available: false, from: null, to: null, reason: 'down' }, stages: [], touchpoints: [] });
    const { container } = renderView();
    await screen.findByRole('table');
    await waitFor(() => expect(container.textContent).toContain('live scores unavailable'));
    expect(container.querySelectorAll('circle[data-curve="observed"]')).toHaveLength(0);
    expect(container.querySelectorAll('circle[data-curve="expected"]')).toHaveLength(2);
  });

  it('moves a stage right with PUT …/stages/order, the new id list and If-Match', async () => {
    const fetch = server((_url, init) => (init.method === 'PUT' ? reply([]) : undefined));
    renderView();
    fireEvent.click(await screen.findByRole('button', { name: 'Move stage Awareness right' }));
    await waitFor(() => expect(writes(fetch)).toHaveLength(1));
    const [url, init] = writes(fetch)[0]!;
    expect(url).toBe('/api/workspaces/ws-1/journeys/j1/stages/order');
    expect(init.method).toBe('PUT');
    expect(init.headers['If-Match']).toBe('"7"');
    expect(init.headers['X-XSRF-TOKEN']).toBe('tok-1');
    expect(JSON.parse(init.body as string)).toEqual({ stageIds: ['s2', 's1', 's3'] });
    expect(screen.getByRole('button', { name: 'Move stage Awareness left' })).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Move stage Awareness left' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Move stage Delivery right' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the conflict message with a Reload button on 412 and never retries on its own', async () => {
    const fetch = server((_url, init) =>
      init.method === 'PUT' ? reply({ type: 'about:blank', title: 'Precondition Failed', status: 412, detail: 'changed' }, 412) : undefined,
    );
    renderView();
    fireEvent.click(await screen.findByRole('button', { name: 'Move stage Purchase left' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(CONFLICT_MESSAGE);
    expect(writes(fetch)).toHaveLength(1);
    // While in conflict, editing stays off.
    expect((screen.getByRole('button', { name: 'Move stage Purchase right' }) as HTMLButtonElement).disabled).toBe(true);
    const gets = () => fetch.mock.calls.filter(([url, init]) => url === '/api/workspaces/ws-1/journeys/j1' && !init?.method).length;
    const before = gets();
    fireEvent.click(within(alert).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.queryByText(CONFLICT_MESSAGE)).toBeNull());
    expect(gets()).toBe(before + 1);
    expect((screen.getByRole('button', { name: 'Move stage Purchase right' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('adds a touchpoint from the side panel with If-Match, then re-reads the map', async () => {
    const fetch = server((_url, init) => (init.method === 'POST' ? reply({ id: 't9' }, 201) : undefined));
    renderView();
    fireEvent.click(await screen.findByRole('button', { name: '+ Add touchpoint to Delivery' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a touchpoint' });
    const name = within(dialog).getByLabelText('Name');
    expect(document.activeElement).toBe(name);
    fireEvent.change(name, { target: { value: 'Parcel tracking' } });
    fireEvent.change(within(dialog).getByLabelText(/Channel/), { target: { value: 'c-online' } });
    fireEvent.change(within(dialog).getByLabelText('Expected emotion'), { target: { value: '-2' } });
    const frontstage = within(dialog).getByRole('group', { name: 'Frontstage' });
    fireEvent.change(within(frontstage).getByLabelText(/What happens/), { target: { value: 'Courier calls ahead' } });
    fireEvent.change(within(frontstage).getByLabelText(/Owning team/), { target: { value: 'Logistics' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add touchpoint' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const [url, init] = writes(fetch)[0]!;
    expect(url).toBe('/api/workspaces/ws-1/journeys/j1/stages/s3/touchpoints');
    expect(init.headers['If-Match']).toBe('"7"');
    expect(init.headers['X-XSRF-TOKEN']).toBe('tok-1');
    expect(JSON.parse(init.body as string)).toEqual({
      name: 'Parcel tracking',
      channelId: 'c-online',
      expectedEmotion: -2,
      owningTeam: null,
      customerAction: null,
      frontstage: { text: 'Courier calls ahead', owningTeam: 'Logistics' },
      backstage: null,
      support: null,
    });
    const mapGets = fetch.mock.calls.filter(([u, i]) => u === '/api/workspaces/ws-1/journeys/j1' && !i?.method);
    expect(mapGets.length).toBeGreaterThanOrEqual(2);
  });

  it('shows the touchpoint’s observed NPS with n and CI in its panel, and the conflict there on 412', async () => {
    server((_url, init) => (init.method === 'PATCH' ? reply({ status: 412, title: 'Precondition Failed' }, 412) : undefined));
    renderView();
    await waitFor(() => expect(screen.getByRole('table').textContent).toContain('n = 120'));
    fireEvent.click(screen.getByRole('button', { name: 'Edit touchpoint Instagram ad' }));
    const dialog = screen.getByRole('dialog', { name: 'Touchpoint: Instagram ad' });
    const observed = within(dialog).getByRole('group', { name: 'Observed scores' });
    expect(observed.textContent).toContain('+55');
    expect(observed.textContent).toContain('n = 120');
    expect(observed.textContent).toContain('95% CI +45 … +65');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save touchpoint' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain(CONFLICT_MESSAGE);
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says "not enough data" for a touchpoint below the minimum n', async () => {
    server();
    renderView();
    await waitFor(() => expect(screen.getByRole('table').textContent).toContain('n = 120'));
    fireEvent.click(screen.getByRole('button', { name: 'Edit touchpoint Checkout page' }));
    const observed = within(screen.getByRole('dialog')).getByRole('group', { name: 'Observed scores' });
    expect(observed.textContent).toContain('not enough data (n = 4)');
    expect(observed.textContent).toContain('too few answers');
  });

  it('gives viewers the map read-only: no edit controls at all', async () => {
    server();
    renderView('client-viewer');
    const table = await screen.findByRole('table');
    await screen.findByText('No versions saved yet.');
    expect(screen.getByText('View only')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Add stage/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Add touchpoint/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Rename|Move stage|Delete/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Edit touchpoint/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save version' })).toBeNull();
    expect(within(table).getAllByText('Instagram ad').length).toBeGreaterThan(0);
    // Export stays available.
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeTruthy();
  });

  it('deletes a stage only after confirmation', async () => {
    const fetch = server((_url, init) => (init.method === 'DELETE' ? reply(null, 204) : undefined));
    renderView();
    fireEvent.click(await screen.findByRole('button', { name: 'Delete stage Purchase' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('Its 2 touchpoints');
    expect(writes(fetch)).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete stage' }));
    await waitFor(() => expect(writes(fetch)).toHaveLength(1));
    const [url, init] = writes(fetch)[0]!;
    expect(url).toBe('/api/workspaces/ws-1/journeys/j1/stages/s2');
    expect(init.headers['If-Match']).toBe('"7"');
  });
});

describe('JourneyView — versions', () => {
  it('saves a version with a label and shows a diff between two versions', async () => {
    const versions = [
      { number: 2, label: 'After workshop', createdAt: '2026-11-20T10:00:00Z', createdBy: 'cora' },
      { number: 1, label: 'Baseline', createdAt: '2026-11-01T10:00:00Z', createdBy: 'cora' },
    ];
    const fetch = server((url, init) => {
      if (url === '/api/workspaces/ws-1/journeys/j1/versions' && !init.method) return reply({ items: versions, nextCursor: null });
      if (url === '/api/workspaces/ws-1/journeys/j1/versions' && init.method === 'POST') return reply(versions[0], 201);
      if (url === '/api/workspaces/ws-1/journeys/j1/versions/1/diff/2')
        return reply({
          from: versions[1],
          to: versions[0],
          changes: {
            journey: [{ field: 'name', from: 'Buy', to: 'Buy online' }],
            stages: [
              {
                stageId: 's2',
                name: 'Purchase',
                change: 'unchanged',
                fields: [],
                touchpoints: [{ touchpointId: 't2', name: 'Checkout page', change: 'changed', fields: [{ field: 'expectedEmotion', from: '0', to: '-1' }] }],
                notes: [],
              },
            ],
            notes: [],
            summary: ['Journey name changed from "Buy" to "Buy online"', 'Touchpoint "Checkout page" in "Purchase": expectedEmotion 0 → -1'],
          },
        });
      return undefined;
    });
    renderView();
    await screen.findByText('Baseline');
    fireEvent.change(screen.getByLabelText('Version label'), { target: { value: 'Before launch' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save version' }));
    await screen.findByText('Version “Before launch” saved.');
    expect(writes(fetch)).toHaveLength(1);
    expect(JSON.parse(writes(fetch)[0]![1].body as string)).toEqual({ label: 'Before launch' });
    expect(writes(fetch)[0]![1].headers['X-XSRF-TOKEN']).toBe('tok-1');

    fireEvent.click(await screen.findByRole('button', { name: 'Show changes' }));
    const title = await screen.findByText(/Changes from v1/);
    const diff = title.closest('.diff') as HTMLElement;
    expect(diff.textContent).toContain('Journey name changed from "Buy" to "Buy online"');
    expect(diff.textContent).toContain('Stage “Purchase”');
    expect(diff.textContent).toContain('Checkout page');
    expect(diff.textContent).toContain('expected emotion:');
  });
});

// @vitest-environment jsdom
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MetricsSummary } from '../api';
import type { Loadable } from '../session';
import { CONFLICT_MESSAGE, JourneyView } from './JourneyView';

// Only here: the picture itself is the browser's work; the test checks what is asked of it.
vi.mock('html-to-image', () => ({ toPng: vi.fn(async () => 'data:image/png;base64,iVBORw0KGgo=') }));

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 20_000 });

type Tp = Record<string, unknown> & { id: string; stageId: string; name: string; position: number };

function tp(id: string, stageId: string, name: string, position: number, extra: Record<string, unknown> = {}): Tp {
  return { id, stageId, name, channelId: 'c-online', expectedEmotion: 0, owningTeam: null, position, parentTouchpointId: null, ...extra };
}

function mapWith(stages: { id: string; name: string; touchpoints: Tp[] }[], version = 7) {
  return {
    id: 'j1',
    name: 'Buy online',
    state: 'current',
    ownerName: null,
    description: null,
    personaId: null,
    reviewEveryDays: 90,
    version,
    stages: stages.map((s, i) => ({ ...s, position: i })),
    painPoints: [],
    opportunities: [],
    evidence: [],
    channels: [],
  };
}

const MAP = mapWith([
  { id: 's1', name: 'Awareness', touchpoints: [tp('t1', 's1', 'Instagram ad', 0, { channelId: 'c-social' })] },
  {
    id: 's2',
    name: 'Purchase',
    touchpoints: [tp('t2', 's2', 'Checkout page', 0), tp('t3', 's2', 'Payment', 1), tp('t4', 's2', 'Coupon field', 2, { parentTouchpointId: 't2' })],
  },
  { id: 's3', name: 'Delivery', touchpoints: [] },
]);

const score = (value: number | null, n: number, enough: boolean) => ({ value, n, ciLow: null, ciHigh: null, enough });

const LIVE = {
  journey: MAP,
  live: { available: true, from: '2026-08-25', to: '2026-11-23', reason: null },
  stages: [],
  touchpoints: [
    { touchpointId: 't1', stageId: 's1', expectedEmotion: 0, observedEmotion: 1, nps: score(55, 120, true), csat: score(91, 80, true), ces: null, responses: 120 },
    { touchpointId: 't2', stageId: 's2', expectedEmotion: 0, observedEmotion: null, nps: score(null, 4, false), csat: null, ces: null, responses: 4 },
    { touchpointId: 't3', stageId: 's2', expectedEmotion: 0, observedEmotion: -1, nps: score(-12, 64, true), csat: null, ces: null, responses: 64 },
  ],
};

function reply(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

type Init = RequestInit & { headers?: Record<string, string> };
type Handler = (url: string, init: Init) => Response | undefined;

function server(extra: Handler = () => undefined) {
  const fetch = vi.fn().mockImplementation(async (url: string, init: Init = {}) => {
    const handled = extra(url, init);
    if (handled) return handled;
    const method = init.method ?? 'GET';
    if (method === 'GET' && url === '/api/workspaces/ws-1/journeys/j1') return reply(MAP, 200, { ETag: '"7"' });
    if (method === 'GET' && url === '/api/workspaces/ws-1/journeys/j1/live') return reply(LIVE);
    if (method === 'GET' && url.startsWith('/api/workspaces/ws-1/channels'))
      return reply({ items: [{ id: 'c-online', name: 'Online' }, { id: 'c-social', name: 'Social' }], nextCursor: null });
    if (method === 'GET' && url.startsWith('/api/workspaces/ws-1/personas'))
      return reply({ items: [{ id: 'pe-1', name: 'First-time buyer', description: null }], nextCursor: null });
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

const body = (init: RequestInit) => JSON.parse(init.body as string) as unknown;

function dataTransfer() {
  return { setData: vi.fn(), getData: vi.fn(() => ''), effectAllowed: 'all', dropEffect: 'none' };
}

function card(name: string): HTMLElement {
  return screen.getByRole('button', { name: `Edit touchpoint ${name}` }).closest('article') as HTMLElement;
}

beforeEach(() => {
  document.cookie = 'XSRF-TOKEN=tok-1; path=/';
});

afterEach(() => {
  cleanup();
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  vi.unstubAllGlobals();
});

describe('journey editor — reordering touchpoints', () => {
  it('moves a touchpoint up with the keyboard: PUT …/touchpoints/order with the stage’s whole order and If-Match', async () => {
    const fetch = server((_url, init) => (init.method === 'PUT' ? reply([]) : undefined));
    renderView();
    const up = await screen.findByRole('button', { name: 'Move touchpoint Payment up' });
    // The first of its channel cannot go further up; a sub-touchpoint has no stage moves.
    expect((screen.getByRole('button', { name: 'Move touchpoint Checkout page up' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: /Move touchpoint Coupon field to the/ })).toBeNull();
    up.focus();
    fireEvent.click(up);
    await waitFor(() => expect(writes(fetch)).toHaveLength(1));
    const [url, init] = writes(fetch)[0]!;
    expect(url).toBe('/api/workspaces/ws-1/journeys/j1/stages/s2/touchpoints/order');
    expect(init.method).toBe('PUT');
    expect(init.headers['If-Match']).toBe('"7"');
    expect(init.headers['X-XSRF-TOKEN']).toBe('tok-1');
    // Payment goes first; Checkout page keeps its sub-touchpoint right after it.
    expect(body(init)).toEqual({ touchpointIds: ['t3', 't2', 't4'] });
    expect(await screen.findByText('Moved “Payment” up.')).toBeTruthy();
  });

  it('moves a sub-touchpoint only among its siblings', async () => {
    const fetch = server((_url, init) => (init.method === 'PUT' ? reply([]) : undefined));
    renderView();
    await screen.findByRole('button', { name: 'Move touchpoint Coupon field up' });
    expect((screen.getByRole('button', { name: 'Move touchpoint Coupon field up' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Move touchpoint Coupon field down' }) as HTMLButtonElement).disabled).toBe(true);
    expect(writes(fetch)).toHaveLength(0);
  });

  it('moves a touchpoint to the next stage with PATCH stageId and If-Match', async () => {
    const fetch = server((_url, init) => (init.method === 'PATCH' ? reply({}) : undefined));
    renderView();
    fireEvent.click(await screen.findByRole('button', { name: 'Move touchpoint Instagram ad to the next stage, Purchase' }));
    await waitFor(() => expect(writes(fetch)).toHaveLength(1));
    const [url, init] = writes(fetch)[0]!;
    expect(url).toBe('/api/workspaces/ws-1/journeys/j1/stages/s1/touchpoints/t1');
    expect(init.method).toBe('PATCH');
    expect(init.headers['If-Match']).toBe('"7"');
    expect(body(init)).toEqual({ stageId: 's2' });
    // Already at the end of Purchase in the re-read map: no order change to send.
    await screen.findByText('Moved “Instagram ad” to Purchase.');
    expect(writes(fetch)).toHaveLength(1);
  });

  it('drags a touchpoint onto a card of another stage: PATCH, then the order with the ETag the move produced', async () => {
    let moved = false;
    const after = mapWith(
      [
        { id: 's1', name: 'Awareness', touchpoints: [] },
        {
          id: 's2',
          name: 'Purchase',
          touchpoints: [
            tp('t2', 's2', 'Checkout page', 0),
            tp('t3', 's2', 'Payment', 1),
            tp('t4', 's2', 'Coupon field', 2, { parentTouchpointId: 't2' }),
            tp('t1', 's2', 'Instagram ad', 3, { channelId: 'c-social' }),
          ],
        },
        { id: 's3', name: 'Delivery', touchpoints: [] },
      ],
      8,
    );
    const fetch = server((url, init) => {
      if (init.method === 'PATCH') {
        moved = true;
        return reply({});
      }
      if (init.method === 'PUT') return reply([]);
      if (!init.method && url === '/api/workspaces/ws-1/journeys/j1' && moved) return reply(after, 200, { ETag: '"8"' });
      return undefined;
    });
    renderView();
    await screen.findByRole('table');
    const dt = dataTransfer();
    fireEvent.dragStart(card('Instagram ad'), { dataTransfer: dt });
    fireEvent.dragOver(card('Payment'), { dataTransfer: dt });
    expect(card('Payment').className).toContain('drop-before');
    fireEvent.drop(card('Payment'), { dataTransfer: dt });

    await waitFor(() => expect(writes(fetch)).toHaveLength(2));
    const [patchUrl, patch] = writes(fetch)[0]!;
    expect(patchUrl).toBe('/api/workspaces/ws-1/journeys/j1/stages/s1/touchpoints/t1');
    expect(body(patch)).toEqual({ stageId: 's2' });
    expect(patch.headers['If-Match']).toBe('"7"');
    const [orderUrl, order] = writes(fetch)[1]!;
    expect(orderUrl).toBe('/api/workspaces/ws-1/journeys/j1/stages/s2/touchpoints/order');
    expect(body(order)).toEqual({ touchpointIds: ['t2', 't4', 't1', 't3'] });
    expect(order.headers['If-Match']).toBe('"8"');
  });

  it('drags a stage onto another stage’s header to reorder the stages', async () => {
    const fetch = server((_url, init) => (init.method === 'PUT' ? reply([]) : undefined));
    const { container } = renderView();
    await screen.findByRole('table');
    const head = (id: string) => container.querySelector(`[data-stage-head="${id}"]`) as HTMLElement;
    const dt = dataTransfer();
    fireEvent.dragStart(head('s3'), { dataTransfer: dt });
    fireEvent.dragOver(head('s1'), { dataTransfer: dt });
    fireEvent.drop(head('s1'), { dataTransfer: dt });
    await waitFor(() => expect(writes(fetch)).toHaveLength(1));
    const [url, init] = writes(fetch)[0]!;
    expect(url).toBe('/api/workspaces/ws-1/journeys/j1/stages/order');
    expect(body(init)).toEqual({ stageIds: ['s3', 's1', 's2'] });
    expect(init.headers['If-Match']).toBe('"7"');
  });

  it('stops at a 412 on a touchpoint move and offers the reload', async () => {
    const fetch = server((_url, init) => (init.method === 'PUT' ? reply({ title: 'Precondition Failed', status: 412 }, 412) : undefined));
    renderView();
    fireEvent.click(await screen.findByRole('button', { name: 'Move touchpoint Checkout page down' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(CONFLICT_MESSAGE);
    expect(writes(fetch)).toHaveLength(1);
    expect((screen.getByRole('button', { name: 'Move touchpoint Payment up' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('journey editor — sub-touchpoints', () => {
  it('shows sub-touchpoints nested under their parent, in the canvas and its panel', async () => {
    server();
    renderView();
    const nested = await screen.findByRole('list', { name: 'Sub-touchpoints of Checkout page' });
    expect(within(nested).getByRole('button', { name: 'Edit touchpoint Coupon field' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Edit touchpoint Checkout page' }));
    const dialog = screen.getByRole('dialog', { name: 'Touchpoint: Checkout page' });
    expect(within(dialog).getByRole('button', { name: 'Coupon field' })).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Coupon field' }));
    const sub = screen.getByRole('dialog', { name: 'Sub-touchpoint: Coupon field' });
    expect(sub.textContent).toContain('Part of: Checkout page');
  });

  it('adds a sub-touchpoint under a touchpoint with parentTouchpointId and If-Match', async () => {
    const fetch = server((_url, init) => (init.method === 'POST' ? reply({ id: 't9' }, 201) : undefined));
    renderView();
    fireEvent.click(await screen.findByRole('button', { name: 'Add a sub-touchpoint under Payment' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a sub-touchpoint' });
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'Card 3-D Secure' } });
    expect((within(dialog).getByLabelText(/Part of/) as HTMLSelectElement).value).toBe('t3');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add sub-touchpoint' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const [url, init] = writes(fetch)[0]!;
    expect(url).toBe('/api/workspaces/ws-1/journeys/j1/stages/s2/touchpoints');
    expect(init.method).toBe('POST');
    expect(init.headers['If-Match']).toBe('"7"');
    expect(body(init)).toEqual({
      name: 'Card 3-D Secure',
      channelId: null,
      expectedEmotion: 0,
      owningTeam: null,
      customerAction: null,
      frontstage: null,
      backstage: null,
      support: null,
      parentTouchpointId: 't3',
    });
  });
});

describe('journey editor — persona', () => {
  it('sets the journey’s persona with PATCH and If-Match', async () => {
    const fetch = server((_url, init) => (init.method === 'PATCH' ? reply(MAP, 200, { ETag: '"8"' }) : undefined));
    renderView();
    const select = await screen.findByLabelText('Persona');
    await screen.findByRole('option', { name: 'First-time buyer' });
    fireEvent.change(select, { target: { value: 'pe-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set persona' }));
    await waitFor(() => expect(writes(fetch)).toHaveLength(1));
    const [url, init] = writes(fetch)[0]!;
    expect(url).toBe('/api/workspaces/ws-1/journeys/j1');
    expect(init.method).toBe('PATCH');
    expect(init.headers['If-Match']).toBe('"7"');
    expect(body(init)).toEqual({ personaId: 'pe-1' });
  });

  it('creates a persona inline (with an Idempotency-Key) and puts it on the journey', async () => {
    const fetch = server((url, init) => {
      if (init.method === 'POST' && url === '/api/workspaces/ws-1/personas') return reply({ id: 'pe-2', name: 'Returner', description: null }, 201);
      if (init.method === 'PATCH') return reply(MAP, 200, { ETag: '"8"' });
      return undefined;
    });
    renderView();
    fireEvent.click(await screen.findByRole('button', { name: '+ New persona' }));
    const form = screen.getByRole('form', { name: 'New persona' });
    fireEvent.click(within(form).getByRole('button', { name: 'Create and use' }));
    expect(within(form).getByText(/Give the persona a name/)).toBeTruthy();
    expect(writes(fetch)).toHaveLength(0);
    fireEvent.change(within(form).getByLabelText('Persona name'), { target: { value: 'Returner' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create and use' }));
    await waitFor(() => expect(writes(fetch)).toHaveLength(2));
    const [postUrl, post] = writes(fetch)[0]!;
    expect(postUrl).toBe('/api/workspaces/ws-1/personas');
    expect(body(post)).toEqual({ name: 'Returner', description: null });
    expect(post.headers['Idempotency-Key']).toMatch(/\S{8,}/);
    expect(body(writes(fetch)[1]![1])).toEqual({ personaId: 'pe-2' });
  });
});

describe('journey editor — live data', () => {
  it('colours touchpoints by their observed score, with the value, n, a legend and a neutral “not enough data”', async () => {
    server();
    renderView();
    const toggle = (await screen.findByLabelText('Colour touchpoints by live data')) as HTMLInputElement;
    await waitFor(() => expect(toggle.disabled).toBe(false));
    expect(document.querySelector('[data-live-band]')).toBeNull();
    fireEvent.click(toggle);

    expect(card('Instagram ad').getAttribute('data-live-band')).toBe('good');
    expect(card('Instagram ad').textContent).toContain('NPS +55 · n = 120 · Good');
    expect(card('Payment').getAttribute('data-live-band')).toBe('poor');
    expect(card('Payment').textContent).toContain('NPS \u221212 · n = 64 · Poor');
    expect(card('Checkout page').getAttribute('data-live-band')).toBe('none');
    expect(card('Checkout page').textContent).toContain('NPS: not enough data (n = 4)');
    expect(card('Coupon field').getAttribute('data-live-band')).toBe('none');
    expect(card('Coupon field').textContent).toContain('no answers yet');

    const legend = screen.getByRole('list', { name: 'Legend: NPS colours' });
    const entries = within(legend).getAllByRole('listitem').map((li) => li.textContent);
    expect(entries).toEqual([
      'Good: +30 or more',
      'Fair: 0 to +29',
      'Poor: below 0',
      'Not enough data (below the minimum number of answers): neutral',
    ]);

    fireEvent.change(screen.getByLabelText('Score'), { target: { value: 'csat' } });
    expect(card('Instagram ad').textContent).toContain('CSAT 91% · n = 80 · Good');
    expect(card('Payment').getAttribute('data-live-band')).toBe('none');

    fireEvent.click(toggle);
    expect(document.querySelector('[data-live-band]')).toBeNull();
  });

  it('keeps the switch off when live scores are unavailable', async () => {
    server((url, init) => (!init.method && url.endsWith('/live') ? reply({ ...LIVE, live: { available: false, from: null, to: null, reason: 'down' }, touchpoints: [] }) : undefined));
    renderView();
    await screen.findByText('Live scores are unavailable right now.');
    expect((screen.getByLabelText('Colour touchpoints by live data') as HTMLInputElement).disabled).toBe(true);
  });
});

describe('journey editor — PNG export', () => {
  it('draws the whole canvas with toPng and downloads it as “<journey name>.png”', async () => {
    const { toPng } = await import('html-to-image');
    server();
    const downloads: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(`${this.download}|${this.href.slice(0, 22)}`);
    });
    renderView('client-viewer');
    const table = await screen.findByRole('table');
    fireEvent.click(screen.getByRole('button', { name: 'Download PNG' }));
    await waitFor(() => expect(downloads).toEqual(['Buy online.png|data:image/png;base64,']));
    expect(toPng).toHaveBeenCalledTimes(1);
    const [node, options] = vi.mocked(toPng).mock.calls[0]!;
    expect(node).toBe(table);
    expect(options?.backgroundColor).toBe('#ffffff');
    // Edit controls stay out of the picture.
    const skip = document.createElement('div');
    skip.dataset.export = 'skip';
    expect(options?.filter?.(skip)).toBe(false);
    expect(options?.filter?.(document.createElement('div'))).toBe(true);
  });
});

describe('journey editor — long maps', () => {
  it('lays out a 12-stage map in a frame that scrolls both ways, with narrower columns on request', async () => {
    const twelve = mapWith(
      Array.from({ length: 12 }, (_, i) => ({ id: `s${i + 1}`, name: `Stage ${i + 1}`, touchpoints: [tp(`t${i + 1}`, `s${i + 1}`, `Touchpoint ${i + 1}`, 0)] })),
    );
    server((url, init) => (!init.method && url === '/api/workspaces/ws-1/journeys/j1' ? reply(twelve, 200, { ETag: '"7"' }) : undefined));
    renderView();
    const region = await screen.findByRole('region', { name: /Journey map, scroll sideways/ });
    const table = within(region).getByRole('table');
    expect(within(table).getAllByRole('columnheader')).toHaveLength(13); // the lane column + 12 stages
    expect(region.className).toContain('map-scroll-tall'); // sticky stage row and lane column inside
    expect(table.style.width).toBe(`calc(var(--lane-head) + ${12 * 248}px)`);
    fireEvent.click(screen.getByLabelText('Narrow columns'));
    expect(table.style.width).toBe(`calc(var(--lane-head) + ${12 * 196}px)`);
  });
});

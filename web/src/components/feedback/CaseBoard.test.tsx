// @vitest-environment jsdom
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CaseBoard } from './CaseBoard';
import { RESOLUTION_REQUIRED } from './CasePanel';
import { calls, reply, server, type Init } from './testServer';

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 60_000 });

function followUp(id: string, status: string, title: string, over: Record<string, unknown> = {}) {
  return {
    id,
    responseId: `r-${id}`,
    surveyId: 'sv-1',
    touchpointId: 't1',
    journeyId: 'j1',
    title,
    owner: 'Customer care',
    status,
    resolution: null,
    dueAt: '2026-11-25T10:00:00Z',
    overdue: false,
    origin: 'detractor',
    note: null,
    version: 4,
    createdAt: '2026-11-23T10:00:00Z',
    updatedAt: '2026-11-23T10:00:00Z',
    closedAt: null,
    ...over,
  };
}

const LATE = followUp('c1', 'in-progress', 'Call back about the late delivery');
const RUDE = followUp('c2', 'open', 'Rude courier', { overdue: true, owner: null });

function casesServer(extra: (url: string, init: Init) => Response | undefined = () => undefined) {
  return server((url, init) => {
    const handled = extra(url, init);
    if (handled) return handled;
    const method = init.method ?? 'GET';
    if (method === 'GET' && url.startsWith('/api/workspaces/ws-1/surveys?')) return reply({ items: [{ id: 'sv-1', name: 'Checkout NPS', questions: [], languages: ['en'] }], nextCursor: null });
    if (method === 'GET' && url.startsWith('/api/workspaces/ws-1/cases?')) {
      const status = new URL(url, 'http://x').searchParams.get('status');
      const items = status === 'open' ? [RUDE] : status === 'in-progress' ? [LATE] : [];
      return reply({ items, nextCursor: null });
    }
    if (method === 'GET' && /\/cases\/c\d\/comments/.test(url)) {
      return reply({ items: [{ id: 'm1', authorId: 'u1', authorName: 'Cora', text: 'Left a voicemail.', createdAt: '2026-11-23T11:00:00Z' }], nextCursor: null });
    }
    return undefined;
  });
}

const editor = { id: 'ws-1', name: 'Acme', role: 'client-editor' };

beforeEach(() => {
  document.cookie = 'XSRF-TOKEN=tok-1; path=/';
});

afterEach(() => {
  cleanup();
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  vi.unstubAllGlobals();
});

function column(name: string) {
  return screen.getByRole('region', { name: new RegExp(`^${name}`) });
}

describe('Follow-up case board', () => {
  it('shows cases in open, in-progress and closed columns with owner, due date and links', async () => {
    casesServer();
    render(<CaseBoard workspace={editor} />);
    const open = await waitFor(() => column('Open'));
    await within(open).findByText('Rude courier');
    expect(within(open).getByText('Overdue')).toBeTruthy();
    expect(within(open).getByText('No owner')).toBeTruthy();
    const progress = column('In progress');
    expect(within(progress).getByText('Call back about the late delivery')).toBeTruthy();
    expect(within(progress).getByText('Owner: Customer care')).toBeTruthy();
    expect(within(progress).getByRole('link', { name: /^Response/ }).getAttribute('href')).toBe('/w/ws-1/responses?response=r-c1');
    expect((await within(progress).findByRole('link', { name: 'Checkout page' })).getAttribute('href')).toBe('/w/ws-1/journeys/j1');
    expect(within(column('Closed')).getByText('No cases.')).toBeTruthy();
  });

  it('does not close a case without a resolution, and closes it with one', async () => {
    const fetch = casesServer((url, init) =>
      init.method === 'PATCH' && url === '/api/workspaces/ws-1/cases/c1'
        ? reply({ ...LATE, status: 'closed', resolution: 'Refunded the shipping', version: 5, closedAt: '2026-11-23T12:00:00Z' })
        : undefined,
    );
    render(<CaseBoard workspace={editor} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Close case Call back about the late delivery…' }));

    const panel = await screen.findByRole('dialog', { name: 'Call back about the late delivery' });
    expect((within(panel).getByLabelText('Status') as HTMLSelectElement).value).toBe('closed');
    expect(await within(panel).findByText('Left a voicemail.')).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: 'Close case' }));

    const resolution = within(panel).getByLabelText('Resolution');
    expect(resolution.getAttribute('aria-invalid')).toBe('true');
    expect(resolution.getAttribute('aria-describedby')).toContain('case-resolution-error');
    expect(document.getElementById('case-resolution-error')!.textContent).toBe(RESOLUTION_REQUIRED);
    expect(document.activeElement).toBe(resolution);
    expect(calls(fetch, 'PATCH')).toHaveLength(0);

    fireEvent.change(resolution, { target: { value: 'Refunded the shipping' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Close case' }));

    await waitFor(() => expect(calls(fetch, 'PATCH')).toHaveLength(1));
    const [, init] = calls(fetch, 'PATCH')[0]!;
    expect(init.headers!['If-Match']).toBe('"4"');
    expect(JSON.parse(init.body as string)).toEqual({ status: 'closed', resolution: 'Refunded the shipping' });
    await waitFor(() => expect(within(column('Closed')).getByText('Call back about the late delivery')).toBeTruthy());
    expect(within(column('In progress')).queryByText('Call back about the late delivery')).toBeNull();
  });

  it('shows the service’s refusal to close without a resolution next to the field', async () => {
    const fetch = casesServer((_url, init) =>
      init.method === 'PATCH'
        ? reply({ type: 'https://waymark.example/problems/validation', title: 'Invalid request', status: 400, errors: [{ field: 'resolution', message: 'is required to close a case: say how it was resolved' }] }, 400)
        : undefined,
    );
    render(<CaseBoard workspace={editor} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Close case Call back about the late delivery…' }));
    const panel = await screen.findByRole('dialog', { name: 'Call back about the late delivery' });
    // the form lets a resolution through; the service's word on it still lands on the field
    fireEvent.change(within(panel).getByLabelText('Resolution'), { target: { value: 'Done' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Close case' }));

    await waitFor(() => expect(calls(fetch, 'PATCH')).toHaveLength(1));
    expect(await within(panel).findByText('is required to close a case: say how it was resolved')).toBeTruthy();
    expect(within(panel).getByLabelText('Resolution').getAttribute('aria-invalid')).toBe('true');
  });

  it('starts an open case with a status change and changes owner and due date in the panel', async () => {
    const fetch = casesServer((_url, init) => {
      if (init.method !== 'PATCH') return undefined;
      const body = JSON.parse(init.body as string);
      return reply({ ...RUDE, ...body, version: 5 });
    });
    render(<CaseBoard workspace={editor} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Start case Rude courier' }));
    await waitFor(() => expect(calls(fetch, 'PATCH')).toHaveLength(1));
    expect(JSON.parse(calls(fetch, 'PATCH')[0]![1].body as string)).toEqual({ status: 'in-progress' });
    await waitFor(() => expect(within(column('In progress')).getByText('Rude courier')).toBeTruthy());

    fireEvent.click(within(column('In progress')).getByRole('button', { name: 'Rude courier' }));
    const panel = await screen.findByRole('dialog', { name: 'Rude courier' });
    fireEvent.change(within(panel).getByLabelText('Owner'), { target: { value: 'Dana' } });
    fireEvent.change(within(panel).getByLabelText('Due'), { target: { value: '2026-11-30T09:30' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(calls(fetch, 'PATCH')).toHaveLength(2));
    const [, init] = calls(fetch, 'PATCH')[1]!;
    expect(init.headers!['If-Match']).toBe('"5"');
    expect(JSON.parse(init.body as string)).toEqual({ owner: 'Dana', dueAt: new Date(2026, 10, 30, 9, 30).toISOString() });
  });

  it('adds a comment to a case', async () => {
    const fetch = casesServer((url, init) =>
      init.method === 'POST' && url === '/api/workspaces/ws-1/cases/c1/comments'
        ? reply({ id: 'm2', authorId: 'u2', authorName: 'Dana', text: 'Called, all good.', createdAt: '2026-11-23T12:00:00Z' }, 201)
        : undefined,
    );
    render(<CaseBoard workspace={editor} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Call back about the late delivery' }));
    const panel = await screen.findByRole('dialog', { name: 'Call back about the late delivery' });
    await within(panel).findByText('Left a voicemail.');
    fireEvent.change(within(panel).getByLabelText('Add a comment'), { target: { value: 'Called, all good.' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Add comment' }));

    await waitFor(() => expect(calls(fetch, 'POST')).toHaveLength(1));
    expect(JSON.parse(calls(fetch, 'POST')[0]![1].body as string)).toEqual({ text: 'Called, all good.' });
    expect(await within(panel).findByText('Called, all good.')).toBeTruthy();
  });

  it('shows a viewer the board without ways to change it', async () => {
    casesServer();
    render(<CaseBoard workspace={{ ...editor, role: 'client-viewer' }} />);
    await screen.findByText('Rude courier');
    expect(screen.queryByRole('button', { name: /^(Start|Close|Reopen)/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Rude courier' }));
    const panel = await screen.findByRole('dialog', { name: 'Rude courier' });
    expect(within(panel).getByLabelText('Title').matches(':disabled')).toBe(true);
    expect(within(panel).queryByRole('button', { name: 'Save' })).toBeNull();
    expect(within(panel).queryByLabelText('Add a comment')).toBeNull();
  });
});

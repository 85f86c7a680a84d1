// @vitest-environment jsdom
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { ResponsesView } from './ResponsesView';
import { calls, reply, server, type Init } from './testServer';

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 60_000 });

const SURVEYS = {
  items: [
    {
      id: 'sv-1',
      name: 'Checkout NPS',
      touchpointId: 't1',
      languages: ['en', 'lt'],
      questions: [
        { id: 'nps', kind: 'nps', text: { en: 'How likely are you to recommend us?', lt: 'Ar rekomenduotumėte mus?' }, required: true },
        { id: 'why', kind: 'single-choice', text: { en: 'Why?', lt: 'Kodėl?' }, required: false, options: [{ id: 'price', text: { en: 'Price', lt: 'Kaina' } }] },
      ],
      thankYou: {},
      openCaseForDetractors: true,
      status: 'active',
      distribution: null,
      version: 1,
      createdAt: '2026-10-01T10:00:00Z',
      updatedAt: '2026-10-01T10:00:00Z',
      publishedAt: '2026-10-01T10:00:00Z',
      closedAt: null,
    },
  ],
  nextCursor: null,
};

function response(id: string, score: number, submittedAt: string) {
  return {
    id,
    surveyId: 'sv-1',
    touchpointId: 't1',
    submissionId: `sub-${id}`,
    submittedAt,
    receivedAt: submittedAt,
    lang: 'lt',
    segment: 'returning',
    channel: 'Online',
    url: null,
    respondent: { externalId: 'C-42', email: null },
    source: 'web',
    answers: [
      { questionId: 'nps', kind: 'nps', value: score, score },
      { questionId: 'why', kind: 'single-choice', value: 'price', score: null },
    ],
    score,
    scoreKind: 'nps',
  };
}

const isList = (url: string, init: Init) => (init.method ?? 'GET') === 'GET' && url.startsWith('/api/workspaces/ws-1/responses?');

function responsesServer(extra: (url: string, init: Init) => Response | undefined = () => undefined) {
  return server((url, init) => {
    const handled = extra(url, init);
    if (handled) return handled;
    if ((init.method ?? 'GET') === 'GET' && url.startsWith('/api/workspaces/ws-1/surveys?')) return reply(SURVEYS);
    if (isList(url, init)) {
      const cursor = new URL(url, 'http://x').searchParams.get('cursor');
      return cursor === 'c2'
        ? reply({ items: [response('r3', 2, '2026-01-03T09:00:00Z')], nextCursor: null })
        : reply({ items: [response('r1', 9, '2026-01-20T09:00:00Z'), response('r2', 4, '2026-01-10T09:00:00Z')], nextCursor: 'c2' });
    }
    return undefined;
  });
}

const admin = { id: 'ws-1', name: 'Acme', role: 'client-admin' };

beforeEach(() => {
  document.cookie = 'XSRF-TOKEN=tok-1; path=/';
  window.history.replaceState(null, '', '/w/ws-1/responses');
});

afterEach(() => {
  cleanup();
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('Responses', () => {
  it('builds the list query from the filters: survey, touchpoint, date range and score bounds', async () => {
    const fetch = responsesServer();
    render(<ResponsesView workspace={admin} />);
    await screen.findByRole('table');
    expect(calls(fetch, 'GET', '/api/workspaces/ws-1/responses?')[0]![0]).toBe('/api/workspaces/ws-1/responses?limit=50');

    const survey = screen.getByLabelText('Survey');
    await within(survey).findByRole('option', { name: 'Checkout NPS' });
    fireEvent.change(survey, { target: { value: 'sv-1' } });
    const touchpoint = screen.getByLabelText('Touchpoint');
    await within(touchpoint).findByRole('option', { name: 'Purchase › Payment' });
    fireEvent.change(touchpoint, { target: { value: 't2' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-01-01' } });
    fireEvent.change(screen.getByLabelText('To (inclusive)'), { target: { value: '2026-01-31' } });
    fireEvent.change(screen.getByLabelText('Lowest score'), { target: { value: '0' } });
    fireEvent.change(screen.getByLabelText('Highest score'), { target: { value: '6' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));

    await waitFor(() => expect(calls(fetch, 'GET', '/api/workspaces/ws-1/responses?')).toHaveLength(2));
    const url = new URL(calls(fetch, 'GET', '/api/workspaces/ws-1/responses?')[1]![0], 'http://x');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      surveyId: 'sv-1',
      touchpointId: 't2',
      // the first day from its start, the last day up to the next day's start (the API's `to` is exclusive)
      from: new Date(2026, 0, 1).toISOString(),
      to: new Date(2026, 1, 1).toISOString(),
      minScore: '0',
      maxScore: '6',
      limit: '50',
    });

    // the next page keeps the filter and adds the cursor
    await screen.findByRole('table');
    fireEvent.click(await screen.findByRole('button', { name: 'Load more responses' }));
    await waitFor(() => expect(calls(fetch, 'GET', '/api/workspaces/ws-1/responses?')).toHaveLength(3));
    const next = new URL(calls(fetch, 'GET', '/api/workspaces/ws-1/responses?')[2]![0], 'http://x');
    expect(next.searchParams.get('cursor')).toBe('c2');
    expect(next.searchParams.get('maxScore')).toBe('6');
    expect(await screen.findAllByRole('button', { name: /^Open/ })).toHaveLength(3);
  });

  it('keeps a lowest score above the highest from being sent and shows why next to the field', async () => {
    const fetch = responsesServer();
    render(<ResponsesView workspace={admin} />);
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('Lowest score'), { target: { value: '8' } });
    fireEvent.change(screen.getByLabelText('Highest score'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));

    const max = screen.getByLabelText('Highest score');
    expect(max.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('responses-max-error')!.textContent).toBe('Must not be below the lowest score.');
    expect(calls(fetch, 'GET', '/api/workspaces/ws-1/responses?')).toHaveLength(1);
  });

  it('opens one response with its answers in the respondent’s language and erases it after confirmation', async () => {
    const fetch = responsesServer((_url, init) => (init.method === 'DELETE' ? reply(null, 204) : undefined));
    render(<ResponsesView workspace={admin} />);
    await screen.findByRole('table');
    fireEvent.click(screen.getAllByRole('button', { name: /^Open/ })[1]!);

    const panel = await screen.findByRole('dialog', { name: 'Response' });
    expect(panel.textContent).toContain('Ar rekomenduotumėte mus?');
    expect(panel.textContent).toContain('Kaina');
    expect(panel.textContent).toContain('C-42');

    fireEvent.click(within(panel).getByRole('button', { name: 'Erase this response…' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Erase this response for good?' });
    expect(calls(fetch, 'DELETE')).toHaveLength(0);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Erase response' }));

    await waitFor(() => expect(calls(fetch, 'DELETE')).toHaveLength(1));
    expect(calls(fetch, 'DELETE')[0]![0]).toBe('/api/workspaces/ws-1/responses/r2');
    expect(await screen.findByText('The response was erased.')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /^Open/ })).toHaveLength(1);
  });

  it('erases every response of one respondent by email after confirmation and reloads the list', async () => {
    const fetch = responsesServer((url, init) => (init.method === 'POST' && url === '/api/workspaces/ws-1/responses:erase' ? reply({ erased: 3 }) : undefined));
    render(<ResponsesView workspace={admin} />);
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('Respondent email'), { target: { value: 'ada@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Erase…' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Erase every response of this respondent?' });
    expect(calls(fetch, 'POST')).toHaveLength(0);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Erase responses' }));

    await waitFor(() => expect(calls(fetch, 'POST')).toHaveLength(1));
    expect(JSON.parse(calls(fetch, 'POST')[0]![1].body as string)).toEqual({ respondentEmail: 'ada@example.com' });
    expect(await screen.findByText('Erased 3 responses of the respondent.')).toBeTruthy();
    await waitFor(() => expect(calls(fetch, 'GET', '/api/workspaces/ws-1/responses?')).toHaveLength(2));
  });

  it('offers erasure only to admins', async () => {
    responsesServer();
    render(<ResponsesView workspace={{ ...admin, role: 'client-editor' }} />);
    await screen.findByRole('table');
    expect(screen.queryByRole('heading', { name: 'Erase a respondent’s data' })).toBeNull();
    fireEvent.click(screen.getAllByRole('button', { name: /^Open/ })[0]!);
    const panel = await screen.findByRole('dialog', { name: 'Response' });
    expect(within(panel).queryByRole('button', { name: /Erase/ })).toBeNull();
  });

  it('exports the filtered responses as CSV through the API with Accept: text/csv', async () => {
    const fetch = responsesServer((_url, init) =>
      (init.headers as Record<string, string> | undefined)?.Accept === 'text/csv'
        ? new Response('submissionId,submittedAt\r\n', { status: 200, headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="responses.csv"' } })
        : undefined,
    );
    const createObjectURL = vi.fn().mockReturnValue('blob:x');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    onTestFinished(() => {
      delete (URL as { createObjectURL?: unknown }).createObjectURL;
      delete (URL as { revokeObjectURL?: unknown }).revokeObjectURL;
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    window.history.replaceState(null, '', '/w/ws-1/responses?survey=sv-1');
    render(<ResponsesView workspace={admin} />);
    await screen.findByRole('table');
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));

    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
    const csv = (fetch.mock.calls as [string, Init][]).find(([, init]) => init?.headers?.Accept === 'text/csv')!;
    expect(csv[0]).toBe('/api/workspaces/ws-1/responses?surveyId=sv-1');
    expect(click).toHaveBeenCalledTimes(1);
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('responses.csv');
  });
});

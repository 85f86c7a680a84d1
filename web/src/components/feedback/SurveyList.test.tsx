// @vitest-environment jsdom
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Header } from '../Header';
import { SurveyList } from './SurveyList';
import { calls, reply, server } from './testServer';

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 60_000 });

const SURVEY = {
  id: 'sv-1',
  name: 'Checkout NPS',
  touchpointId: 't1',
  journeyId: null,
  languages: ['en', 'lt'],
  questions: [{ id: 'nps', kind: 'nps', text: { en: 'Recommend?', lt: 'Rekomenduotumėte?' }, required: true }],
  thankYou: {},
  openCaseForDetractors: false,
  status: 'active',
  distribution: null,
  version: 2,
  createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-01T10:00:00Z',
  publishedAt: '2026-11-01T10:00:00Z',
  closedAt: null,
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Survey list', () => {
  it('lists surveys with status, touchpoint and languages, and filters by status', async () => {
    const fetch = server((url) => (url.startsWith('/api/workspaces/ws-1/surveys?') ? reply({ items: [SURVEY], nextCursor: null }) : undefined));
    render(<SurveyList workspace={{ id: 'ws-1', name: 'Acme', role: 'client-editor' }} />);
    const row = (await screen.findByRole('link', { name: 'Checkout NPS' })).closest('tr')!;
    expect(within(row).getByText('Live')).toBeTruthy();
    await waitFor(() => expect(row.textContent).toContain('Checkout page · Buy online'));
    expect(row.textContent).toContain('en, lt');
    expect(screen.getByRole('link', { name: 'New survey' }).getAttribute('href')).toBe('/w/ws-1/surveys/new');

    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'draft' } });
    await waitFor(() => expect(calls(fetch, 'GET', '/api/workspaces/ws-1/surveys?').map(([u]) => u)).toContain('/api/workspaces/ws-1/surveys?status=draft&limit=50'));
  });

  it('offers no new survey to a viewer', async () => {
    server((url) => (url.startsWith('/api/workspaces/ws-1/surveys?') ? reply({ items: [], nextCursor: null }) : undefined));
    render(<SurveyList workspace={{ id: 'ws-1', name: 'Acme', role: 'client-viewer' }} />);
    expect(await screen.findByText('No surveys yet')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'New survey' })).toBeNull();
  });
});

describe('Workspace navigation', () => {
  it('links the open workspace’s surveys, responses and cases, marking the current one', () => {
    const me = { userId: 'u1', username: 'cora', email: null, roles: [], tenant: null, workspaces: [{ id: 'ws-1', name: 'Acme', role: 'client-editor' }] };
    render(<Header me={me} workspaceId="ws-1" pathname="/w/ws-1/surveys/sv-1" />);
    const nav = screen.getByRole('navigation', { name: 'Workspace sections' });
    const links = within(nav).getAllByRole('link');
    // other sections (e.g. the dashboard) may follow; these three are the feedback screens
    expect(links.slice(0, 3).map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Surveys', '/w/ws-1/surveys'],
      ['Responses', '/w/ws-1/responses'],
      ['Cases', '/w/ws-1/cases'],
    ]);
    expect(links[0]!.getAttribute('aria-current')).toBe('page');
    expect(links[1]!.getAttribute('aria-current')).toBeNull();
  });
});

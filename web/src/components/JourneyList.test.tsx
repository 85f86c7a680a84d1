// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Scores } from '../api';
import { JourneyList } from './JourneyList';

function answer(body: unknown, status = 200) {
  return vi.fn().mockImplementation(
    async () =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' },
      }),
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('JourneyList', () => {
  it('lists the workspace journeys as linked cards with their NPS', async () => {
    const fetch = answer({
      items: [
        { id: 'j1', name: 'Buy online, return in store', state: 'current', ownerName: 'Cora', description: 'From cart to refund.' },
        { id: 'j2', name: 'Open an account', state: 'future', ownerName: 'Finn', description: null },
      ],
      nextCursor: null,
    });
    vi.stubGlobal('fetch', fetch);
    const scores = new Map<string, Scores>([
      ['j1', { nps: { value: 24.6, n: 312, ciLow: 15.2, ciHigh: 33.9, enough: true }, csat: null, ces: null, responses: 312 }],
      ['j2', { nps: { value: 80, n: 5, ciLow: null, ciHigh: null, enough: false }, csat: null, ces: null, responses: 5 }],
    ]);

    render(<JourneyList workspaceId="ws-1" scores={scores} />);

    const list = await screen.findByRole('list', { name: 'Journeys' });
    const cards = within(list).getAllByRole('listitem');
    expect(cards).toHaveLength(2);
    expect(within(cards[0]!).getByRole('link', { name: 'Buy online, return in store' }).getAttribute('href')).toBe('/w/ws-1/journeys/j1');
    expect(cards[0]!.textContent).toContain('Current state');
    expect(cards[0]!.textContent).toContain('+25');
    expect(cards[0]!.textContent).toContain('n = 312');
    expect(cards[1]!.textContent).toContain('Future state');
    expect(cards[1]!.textContent).toContain('not enough data (n = 5)');
    expect(cards[1]!.textContent).not.toContain('+80');
    expect(fetch.mock.calls[0]![0]).toBe('/api/workspaces/ws-1/journeys');
  });

  it('shows an empty state when there are no journeys', async () => {
    vi.stubGlobal('fetch', answer({ items: [], nextCursor: null }));

    render(<JourneyList workspaceId="ws-1" />);

    expect(await screen.findByText('No journeys yet')).toBeTruthy();
  });

  it('shows the problem title and detail when the API refuses', async () => {
    vi.stubGlobal('fetch', answer({ type: 'https://waymark.example/problems/forbidden', title: 'Not allowed', status: 403, detail: 'Your role cannot see journeys.' }, 403));

    render(<JourneyList workspaceId="ws-1" />);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Not allowed');
    expect(alert.textContent).toContain('Your role cannot see journeys.');
  });
});

// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NewJourneyForm } from './NewJourneyForm';

function answer(body: unknown, status = 201) {
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
  window.history.replaceState(null, '', '/');
});

describe('NewJourneyForm', () => {
  it('creates the journey with an idempotency key and opens its map', async () => {
    const fetch = answer({ id: 'j-9', name: 'Open an account', state: 'future', ownerName: 'Finn', description: null });
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('scrollTo', vi.fn()); // jsdom has no scrolling
    render(<NewJourneyForm workspaceId="ws-1" onCancel={() => {}} />);

    fireEvent.change(screen.getByLabelText(/Journey name/), { target: { value: '  Open an account ' } });
    fireEvent.change(screen.getByLabelText(/^State/), { target: { value: 'future' } });
    fireEvent.change(screen.getByLabelText(/Owner/), { target: { value: 'Finn' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create journey' }));

    await vi.waitFor(() => expect(window.location.pathname).toBe('/w/ws-1/journeys/j-9'));
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/workspaces/ws-1/journeys');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body)).toEqual({ name: 'Open an account', state: 'future', ownerName: 'Finn', reviewEveryDays: 90 });
    expect(init.headers['Idempotency-Key']).toMatch(/.{8,}/);
  });

  it('refuses an empty name and a nonsense review cadence without calling the API', () => {
    const fetch = answer({});
    vi.stubGlobal('fetch', fetch);
    render(<NewJourneyForm workspaceId="ws-1" onCancel={() => {}} />);

    fireEvent.change(screen.getByLabelText(/Review every/), { target: { value: 'soon' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create journey' }));

    expect(screen.getByText('Required')).toBeTruthy();
    expect(screen.getByText('Enter a number of days from 1 to 3650')).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('puts the service validation message on the field it names', async () => {
    vi.stubGlobal('fetch', answer({
      type: 'https://waymark.dev/problems/validation', title: 'Invalid request', status: 400,
      errors: [{ field: 'name', message: 'size must be between 1 and 200' }],
    }, 400));
    render(<NewJourneyForm workspaceId="ws-1" onCancel={() => {}} />);

    fireEvent.change(screen.getByLabelText(/Journey name/), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create journey' }));

    expect(await screen.findByText('size must be between 1 and 200')).toBeTruthy();
    expect(window.location.pathname).toBe('/');
  });
});

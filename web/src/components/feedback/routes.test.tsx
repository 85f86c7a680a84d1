// @vitest-environment jsdom
import { cleanup, configure, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../App';
import { reply, server } from './testServer';

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 60_000 });

const me = {
  userId: 'u1',
  username: 'cora',
  email: null,
  roles: [],
  tenant: { id: 't-1', name: 'Northwind CX' },
  workspaces: [{ id: 'ws-1', name: 'Contoso Retail', role: 'client-editor' }],
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

function api() {
  return server((url, init) => {
    if ((init.method ?? 'GET') !== 'GET') return undefined;
    if (url === '/api/me') return reply(me);
    if (url.startsWith('/api/workspaces/ws-1/cases?') || url.startsWith('/api/workspaces/ws-1/surveys?')) return reply({ items: [], nextCursor: null });
    return undefined;
  });
}

describe('feedback routes in the app', () => {
  it('opens the case board of a workspace, with its section current in the header', async () => {
    api();
    window.history.replaceState(null, '', '/w/ws-1/cases');
    render(<App />);

    expect(await screen.findByRole('heading', { name: 'Follow-up cases', level: 1 })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Workspace sections' });
    expect(within(nav).getByRole('link', { name: 'Cases' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: 'Surveys' }).getAttribute('aria-current')).toBeNull();
  });

  it('opens the surveys of a workspace and says so when another workspace is asked for', async () => {
    api();
    window.history.replaceState(null, '', '/w/ws-1/surveys');
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Surveys', level: 1 })).toBeTruthy();
    cleanup();

    window.history.replaceState(null, '', '/w/ws-9/surveys');
    render(<App />);
    expect(await screen.findByText('Workspace not found')).toBeTruthy();
  });
});

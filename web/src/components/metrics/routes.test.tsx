// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../App';
import { agencyPortfolioPath, dashboardPath, parseRoute } from '../../router';
import { SLOW, stubApi, TEST_TIMEOUT } from './testApi';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

const nina = {
  userId: 'u1',
  username: 'nina',
  email: 'nina@northwind.test',
  roles: [],
  tenant: { id: 't-1', name: 'Northwind CX', role: 'agency-admin' },
  workspaces: [{ id: 'ws-1', name: 'Contoso Retail', role: 'agency-admin' }],
};
const vic = { ...nina, userId: 'u2', username: 'vic', tenant: { id: 't-1', name: 'Northwind CX' }, workspaces: [{ id: 'ws-1', name: 'Contoso Retail', role: 'client-viewer' }] };

describe('dashboard and portfolio routes', () => {
  it('parses and builds the workspace dashboard and agency portfolio paths', () => {
    expect(parseRoute('/w/ws-1/dashboard')).toEqual({ name: 'dashboard', workspaceId: 'ws-1' });
    expect(parseRoute(dashboardPath('a b'))).toEqual({ name: 'dashboard', workspaceId: 'a b' });
    expect(parseRoute(agencyPortfolioPath)).toEqual({ name: 'agencyPortfolio' });
    expect(parseRoute('/w/ws-1/dashboard/more')).toEqual({ name: 'notFound' });
  });

  it('opens the portfolio from the agency navigation', { timeout: TEST_TIMEOUT }, async () => {
    window.history.replaceState(null, '', '/agency/portfolio');
    stubApi({
      'GET /api/me': () => nina,
      'GET /api/tenants/t-1/portfolio': () => ({ tenantId: 't-1', from: '2026-08-26', to: '2026-11-23', previousFrom: '2026-05-28', previousTo: '2026-08-25', minN: 30, workspaces: [] }),
    });
    render(<App />);

    expect(await screen.findByRole('heading', { name: 'Portfolio', level: 1 }, SLOW)).toBeTruthy();
    const link = within(screen.getByRole('navigation', { name: 'Administration' })).getByRole('link', { name: 'Portfolio' });
    expect(link.getAttribute('aria-current')).toBe('page');
    expect(await screen.findByText('No client workspaces yet', undefined, SLOW)).toBeTruthy();
  });

  it('keeps the portfolio from client roles', { timeout: TEST_TIMEOUT }, async () => {
    window.history.replaceState(null, '', '/agency/portfolio');
    stubApi({ 'GET /api/me': () => vic });
    render(<App />);

    expect(await screen.findByText("You don't have access to this page", undefined, SLOW)).toBeTruthy();
  });

  it('opens a workspace dashboard, with the workspace known to the header', { timeout: TEST_TIMEOUT }, async () => {
    window.history.replaceState(null, '', '/w/ws-1/dashboard');
    stubApi({ 'GET /api/me': () => vic });
    render(<App />);

    expect(await screen.findByRole('heading', { name: 'Dashboard', level: 1 }, SLOW)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Contoso Retail' }).getAttribute('href')).toBe('/w/ws-1');
    expect(document.title).toBe('Dashboard · Contoso Retail · Waymark');
  });
});

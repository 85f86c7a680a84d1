// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SummaryDetail } from '../../apiMetrics';
import { AlertRules } from './AlertRules';
import { AlertsPanel } from './AlertsPanel';
import { scopeNames } from './alertText';
import { calls, json, queries, stubApi } from './testApi';
import { openAlert, rule, workspaceSummary } from './testFixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const summary = workspaceSummary as unknown as SummaryDetail;
const names = scopeNames(summary);

describe('AlertsPanel', () => {
  it('acknowledges an open alert through the API and then shows it as acknowledged', async () => {
    const fetch = stubApi({
      'GET /api/workspaces/ws-1/alerts': () => ({ items: [openAlert], nextCursor: null }),
      'POST /api/workspaces/ws-1/alerts/a1/acknowledge': () => ({ ...openAlert, status: 'acknowledged', acknowledgedAt: '2026-11-23T08:00:00Z', acknowledgedBy: 'u1' }),
    });
    render(<AlertsPanel workspaceId="ws-1" canWrite names={names} />);

    const table = await screen.findByRole('table', { name: 'Alerts, newest first' });
    expect(table.textContent).toContain('Journey Buy online, return in store');
    expect(table.textContent).toContain('NPS below +30');
    expect(table.textContent).toContain('NPS +25 (n = 312)');
    expect(table.textContent).toContain('⚠ Open');
    expect(queries(fetch, '/api/workspaces/ws-1/alerts')[0]!.get('status')).toBe('open');

    fireEvent.click(within(table).getByRole('button', { name: /^Acknowledge alert on NPS, Journey Buy online/ }));

    await waitFor(() => expect(table.textContent).toContain('✓ Acknowledged'));
    expect(calls(fetch, 'POST', '/api/workspaces/ws-1/alerts/a1/acknowledge')).toHaveLength(1);
    expect(within(table).queryByRole('button', { name: /Acknowledge/ })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Alert on NPS acknowledged.');
  });

  it('shows the refusal and keeps the alert open when acknowledging fails', async () => {
    stubApi({
      'GET /api/workspaces/ws-1/alerts': () => ({ items: [openAlert], nextCursor: null }),
      'POST /api/workspaces/ws-1/alerts/a1/acknowledge': () => json({ type: 'https://waymark.example/problems/forbidden', title: 'Not allowed', status: 403, detail: 'Viewers cannot acknowledge.' }, 403),
    });
    render(<AlertsPanel workspaceId="ws-1" canWrite names={names} />);

    const table = await screen.findByRole('table', { name: 'Alerts, newest first' });
    fireEvent.click(within(table).getByRole('button', { name: /^Acknowledge/ }));

    expect((await screen.findByRole('alert')).textContent).toContain('Viewers cannot acknowledge.');
    expect(table.textContent).toContain('⚠ Open');
  });

  it('lists all alerts on request and offers a viewer no acknowledge button', async () => {
    const fetch = stubApi({ 'GET /api/workspaces/ws-1/alerts': () => ({ items: [openAlert], nextCursor: null }) });
    render(<AlertsPanel workspaceId="ws-1" canWrite={false} names={names} />);

    const table = await screen.findByRole('table', { name: 'Alerts, newest first' });
    expect(within(table).queryByRole('button')).toBeNull();
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'all' } });
    await waitFor(() => expect(queries(fetch, '/api/workspaces/ws-1/alerts')).toHaveLength(2));
    expect(queries(fetch, '/api/workspaces/ws-1/alerts')[1]!.get('status')).toBeNull();
  });
});

describe('AlertRules', () => {
  it('lets an editor create a rule and delete one', async () => {
    const created = { ...rule, ruleId: 'r2', metric: 'csat', scope: { type: 'stage', id: 's2' }, condition: { type: 'drop', threshold: 5 }, window: 14, firing: false };
    const fetch = stubApi({
      'GET /api/workspaces/ws-1/alert-rules': () => ({ items: [rule], nextCursor: null }),
      'POST /api/workspaces/ws-1/alert-rules': () => json(created, 201),
      'DELETE /api/workspaces/ws-1/alert-rules/r1': () => new Response(null, { status: 204 }),
    });
    render(<AlertRules workspaceId="ws-1" canWrite names={names} summary={summary} />);

    const table = await screen.findByRole('table', { name: 'Alert rules' });
    expect(table.textContent).toContain('Journey Buy online, return in store');
    expect(table.textContent).toContain('NPS below +30 over 7 days');
    expect(table.textContent).toContain('⚠ Firing');

    fireEvent.change(screen.getByLabelText('Metric'), { target: { value: 'csat' } });
    fireEvent.change(screen.getByLabelText('Scope'), { target: { value: 'stage' } });
    fireEvent.change(screen.getByLabelText('Stage'), { target: { value: 's2' } });
    fireEvent.change(screen.getByLabelText('Condition'), { target: { value: 'drop' } });
    fireEvent.change(screen.getByLabelText('Points dropped'), { target: { value: '5' } });
    fireEvent.change(screen.getByLabelText('Window (days)'), { target: { value: '14' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add rule' }));

    await waitFor(() => expect(table.textContent).toContain('CSAT drops by 5 points or more over 14 days vs the 14 days before'));
    expect(table.textContent).toContain('Stage Checkout');
    const [post] = calls(fetch, 'POST', '/api/workspaces/ws-1/alert-rules');
    expect(JSON.parse(String(post![1]!.body))).toEqual({ metric: 'csat', scope: { type: 'stage', id: 's2' }, condition: { type: 'drop', threshold: 5 }, window: 14 });
    expect(new Headers(post![1]!.headers).get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);

    fireEvent.click(within(table).getByRole('button', { name: /^Delete rule: NPS below/ }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete this alert rule?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete rule' }));
    await waitFor(() => expect(table.textContent).not.toContain('NPS below +30'));
    expect(calls(fetch, 'DELETE', '/api/workspaces/ws-1/alert-rules/r1')).toHaveLength(1);
  });

  it('checks the form before sending and shows the service\'s field errors', async () => {
    const fetch = stubApi({
      'GET /api/workspaces/ws-1/alert-rules': () => ({ items: [], nextCursor: null }),
      'POST /api/workspaces/ws-1/alert-rules': () =>
        json({ type: 'https://waymark.example/problems/validation', title: 'Invalid', status: 400, errors: [{ field: 'condition.threshold', message: 'must be a nps value between -100 and 100' }] }, 400),
    });
    render(<AlertRules workspaceId="ws-1" canWrite names={names} summary={summary} />);
    await screen.findByText('No alert rules yet');

    fireEvent.change(screen.getByLabelText('Scope'), { target: { value: 'journey' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add rule' }));
    expect(screen.getByText('Choose a journey')).toBeTruthy();
    expect(screen.getByText('Enter a number')).toBeTruthy();
    expect(calls(fetch, 'POST', '/api/workspaces/ws-1/alert-rules')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Journey'), { target: { value: 'j1' } });
    fireEvent.change(screen.getByLabelText('NPS value'), { target: { value: '150' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add rule' }));
    expect(await screen.findByText('must be a nps value between -100 and 100')).toBeTruthy();
    expect(screen.getByLabelText('NPS value').getAttribute('aria-invalid')).toBe('true');
  });

  it('shows a viewer the rules without ways to change them', async () => {
    stubApi({ 'GET /api/workspaces/ws-1/alert-rules': () => ({ items: [rule], nextCursor: null }) });
    render(<AlertRules workspaceId="ws-1" canWrite={false} names={names} summary={summary} />);

    const table = await screen.findByRole('table', { name: 'Alert rules' });
    expect(within(table).queryByRole('button')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add rule' })).toBeNull();
  });
});

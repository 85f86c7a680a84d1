// @vitest-environment jsdom
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../App';
import { parseRoute } from '../../router';
import { SIGN_IN_URL } from '../SignIn';
import { AgencyMembers } from './AgencyMembers';
import { AgencyWorkspace } from './AgencyWorkspace';

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 20_000 });

function json(body: unknown, status = 200) {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' },
  });
}

const notFound = () => json({ type: 'about:blank', title: 'Not Found', status: 404 }, 404);

/** Answers by `'<METHOD> <path>'`; anything else is 404 (as the gateway answers for routes it lacks). */
function routes(table: Record<string, () => Response>) {
  const fetch = vi.fn().mockImplementation(async (url: string, init: RequestInit = {}) => {
    const answer = table[`${init.method ?? 'GET'} ${url.split('?')[0]}`];
    return answer ? answer() : notFound();
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

type Call = [string, RequestInit & { headers: Record<string, string> }];
const writes = (fetch: ReturnType<typeof vi.fn>) => fetch.mock.calls.filter(([, init]) => init?.method && init.method !== 'GET') as Call[];

const tenant = { id: 't1', name: 'Acme' };
const ANN = { userId: 'u1', username: 'ann', email: 'ann@x.test', name: 'Ann', role: 'agency-admin' };
const PENDING = { id: 'i1', email: 'cy@x.test', name: 'Cy', role: 'agency-staff', expiresAt: '2026-12-01T10:00:00Z' };

beforeEach(() => {
  document.cookie = 'XSRF-TOKEN=tok-9; path=/';
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  window.history.replaceState(null, '', '/');
});

describe('invitations in the members panels', () => {
  it('invites to the agency and shows the one-time link once, then lists the invitation as pending', async () => {
    const fetch = routes({
      'GET /api/tenants/t1/members': () => json({ items: [ANN], nextCursor: null }),
      'GET /api/tenants/t1/invitations': () => json({ items: [], nextCursor: null }),
      'POST /api/tenants/t1/invitations': () =>
        json({ id: 'i2', email: 'bo@x.test', role: 'agency-admin', expiresAt: '2026-12-01T10:00:00Z', link: 'https://waymark.test/invite/secret-token-42' }, 201),
    });
    render(<AgencyMembers tenant={tenant} role="agency-admin" currentUserId="u1" />);
    expect(await screen.findByText('No pending invitations.')).toBeTruthy();

    const form = screen.getByRole('form', { name: 'Invite someone' });
    fireEvent.click(within(form).getByRole('button', { name: 'Invite' }));
    expect(writes(fetch)).toHaveLength(0); // name and email are required
    fireEvent.change(within(form).getByLabelText("Invitee's name"), { target: { value: 'Bo' } });
    fireEvent.change(within(form).getByLabelText("Invitee's email"), { target: { value: 'bo@x.test' } });
    fireEvent.change(within(form).getByLabelText("Invitee's role"), { target: { value: 'agency-admin' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Invite' }));

    const secret = await screen.findByRole('region', { name: /Invitation link — copy it now, it will not be shown again/ });
    expect(within(secret).getByTestId('temporary-password').textContent).toBe('https://waymark.test/invite/secret-token-42');
    const [url, init] = writes(fetch)[0]!;
    expect(url).toBe('/api/tenants/t1/invitations');
    expect(JSON.parse(init.body as string)).toEqual({ email: 'bo@x.test', name: 'Bo', role: 'agency-admin' });
    expect(init.headers['X-XSRF-TOKEN']).toBe('tok-9');
    expect(init.headers['Idempotency-Key']).toBeTruthy();

    const pending = screen.getByRole('table', { name: 'Pending invitations to Acme' });
    const row = within(pending).getByRole('row', { name: /bo@x\.test/ });
    expect(row.textContent).toContain('Agency admin');
    expect(pending.textContent).not.toContain('secret-token-42');

    fireEvent.click(within(secret).getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByText(/secret-token-42/)).toBeNull();
  });

  it('revokes a pending workspace invitation', async () => {
    const fetch = routes({
      'GET /api/workspaces/w1': () => json({ id: 'w1', tenantId: 't1', name: 'Shop', slug: 'shop', createdAt: 'x' }),
      'GET /api/workspaces/w1/members': () => json({ items: [], nextCursor: null }),
      'GET /api/workspaces/w1/invitations': () => json({ items: [{ ...PENDING, role: 'client-viewer' }], nextCursor: null }),
      'DELETE /api/workspaces/w1/invitations/i1': () => json(null, 204),
    });
    render(<AgencyWorkspace workspaceId="w1" canAdminister={false} canManageMembers currentUserId="u1" />);
    const row = await screen.findByRole('row', { name: /cy@x\.test/ });
    expect(row.textContent).toContain('Client viewer');
    fireEvent.click(within(row).getByRole('button', { name: 'Revoke the invitation for cy@x.test' }));
    await screen.findByText('The invitation for cy@x.test was revoked; its link no longer works.');
    const [url, init] = writes(fetch)[0]!;
    expect(url).toBe('/api/workspaces/w1/invitations/i1');
    expect(init.method).toBe('DELETE');
    expect(screen.queryByRole('row', { name: /cy@x\.test/ })).toBeNull();
  });

  it('says clearly when the server does not offer invitations yet, and keeps the members working', async () => {
    routes({ 'GET /api/tenants/t1/members': () => json({ items: [ANN], nextCursor: null }) });
    render(<AgencyMembers tenant={tenant} role="agency-admin" currentUserId="u1" />);
    expect(await screen.findByText('Invitations are not available on this server yet.')).toBeTruthy();
    expect(screen.getByRole('row', { name: /Ann/ })).toBeTruthy();
  });

  it('offers no invitations to agency staff on the agency team', async () => {
    const fetch = routes({ 'GET /api/tenants/t1/members': () => json({ items: [ANN], nextCursor: null }) });
    render(<AgencyMembers tenant={tenant} role="agency-staff" currentUserId="u2" />);
    await screen.findByRole('row', { name: /Ann/ });
    expect(screen.queryByRole('form', { name: 'Invite someone' })).toBeNull();
    expect(fetch.mock.calls.some(([url]) => String(url).includes('invitations'))).toBe(false);
  });
});

describe('the public invitation page', () => {
  const INVITATION = { email: 'bo@x.test', name: 'Bo', role: 'client-editor', agency: 'Northwind CX', workspace: 'Contoso Retail', expiresAt: '2026-12-01T10:00:00Z' };

  it('routes /invite/<token>', () => {
    expect(parseRoute('/invite/abc%2Fdef')).toEqual({ name: 'invite', token: 'abc/def' });
    expect(parseRoute('/invite')).toEqual({ name: 'notFound' });
  });

  it('opens without a session, checks the password and posts it, then offers to sign in', async () => {
    window.history.replaceState(null, '', '/invite/tok-1');
    const fetch = routes({
      'GET /public/api/invitations/tok-1': () => json(INVITATION),
      'POST /public/api/invitations/tok-1/accept': () => json(null, 204),
    });
    render(<App />);

    expect(await screen.findByRole('heading', { name: 'Join Contoso Retail on Waymark' })).toBeTruthy();
    expect(screen.getByText(/invites/).textContent).toBe('Northwind CX invites Bo (bo@x.test) to the workspace Contoso Retail as Client editor.');
    expect(fetch.mock.calls.map(([url]) => url)).toEqual(['/public/api/invitations/tok-1']); // never /api/me

    const password = screen.getByLabelText('Choose a password');
    const confirm = screen.getByLabelText('Repeat the password');
    const submit = screen.getByRole('button', { name: 'Set password and join' });

    fireEvent.change(password, { target: { value: 'short-pass1' } });
    fireEvent.click(submit);
    expect(screen.getByText('Use at least 12 characters (11 so far)')).toBeTruthy();
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(password);

    fireEvent.change(password, { target: { value: 'correct horse battery' } });
    fireEvent.change(confirm, { target: { value: 'correct horse batterx' } });
    fireEvent.click(submit);
    expect(screen.getByText('The two passwords do not match')).toBeTruthy();
    expect(writes(fetch)).toHaveLength(0);

    fireEvent.change(confirm, { target: { value: 'correct horse battery' } });
    fireEvent.click(submit);
    expect(await screen.findByRole('heading', { name: 'Your account is ready' })).toBeTruthy();
    const [url, init] = writes(fetch)[0]!;
    expect(url).toBe('/public/api/invitations/tok-1/accept');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body as string)).toEqual({ password: 'correct horse battery' });
    expect(screen.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe(SIGN_IN_URL);
  });

  it('explains an expired or used invitation', async () => {
    window.history.replaceState(null, '', '/invite/tok-old');
    routes({ 'GET /public/api/invitations/tok-old': () => json({ type: 'about:blank', title: 'Gone', status: 410 }, 410) });
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'This invitation has expired or was already used' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeTruthy();
  });

  it('explains an unknown link, and an unreachable service with a retry', async () => {
    window.history.replaceState(null, '', '/invite/nope');
    routes({});
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'This invitation link does not work' })).toBeTruthy();
    cleanup();

    window.history.replaceState(null, '', '/invite/tok-1');
    routes({ 'GET /public/api/invitations/tok-1': () => json({ type: 'about:blank', title: 'Service Unavailable', status: 503 }, 503) });
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Your invitation cannot be opened right now' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('shows the identity provider’s refusal of a password next to the field', async () => {
    window.history.replaceState(null, '', '/invite/tok-1');
    routes({
      'GET /public/api/invitations/tok-1': () => json({ ...INVITATION, workspace: null }),
      'POST /public/api/invitations/tok-1/accept': () =>
        json({ type: 'https://waymark.example/problems/validation', title: 'Invalid input', status: 400, errors: [{ field: 'password', message: 'must not contain the email' }] }, 400),
    });
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Join Northwind CX on Waymark' })).toBeTruthy();
    expect(screen.getByText(/invites/).textContent).toContain('to its agency team');
    fireEvent.change(screen.getByLabelText('Choose a password'), { target: { value: 'bo@x.test-and-more' } });
    fireEvent.change(screen.getByLabelText('Repeat the password'), { target: { value: 'bo@x.test-and-more' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set password and join' }));
    expect(await screen.findByText('must not contain the email')).toBeTruthy();
    await waitFor(() => expect(screen.getByLabelText('Choose a password').getAttribute('aria-invalid')).toBe('true'));
  });
});

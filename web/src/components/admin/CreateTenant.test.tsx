// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CreateTenant } from './CreateTenant';

function answer(body: unknown, status: number) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' },
  });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function fill() {
  fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Acme Agency' } });
  fireEvent.change(screen.getByLabelText('Full name'), { target: { value: 'Ann Admin' } });
  fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ann@acme.test' } });
}

describe('CreateTenant', () => {
  it('shows the field errors of a 400 problem next to their fields', async () => {
    const fetch = vi.fn().mockResolvedValue(
      answer(
        {
          type: 'https://waymark.example/problems/validation',
          title: 'Invalid request',
          status: 400,
          errors: [
            { field: 'slug', message: 'is already taken' },
            { field: 'adminEmail', message: 'must be a well-formed email address' },
          ],
        },
        400,
      ),
    );
    vi.stubGlobal('fetch', fetch);
    render(<CreateTenant />);
    fill();
    expect((screen.getByLabelText('Slug') as HTMLInputElement).value).toBe('acme-agency');

    fireEvent.click(screen.getByRole('button', { name: 'Create agency' }));

    const slug = screen.getByLabelText('Slug');
    await vi.waitFor(() => expect(slug.getAttribute('aria-invalid')).toBe('true'));
    const slugError = document.getElementById(slug.getAttribute('aria-describedby')!.split(' ').pop()!)!;
    expect(slugError.textContent).toContain('is already taken');
    const email = screen.getByLabelText('Email');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.closest('.field')!.textContent).toContain('must be a well-formed email address');
    expect(screen.getByRole('alert').textContent).toContain('Please correct the highlighted fields');
    expect(screen.queryByText(/will not be shown again/)).toBeNull();
    expect(JSON.parse(fetch.mock.calls[0]![1].body)).toEqual({
      name: 'Acme Agency',
      slug: 'acme-agency',
      plan: 'starter',
      adminEmail: 'ann@acme.test',
      adminName: 'Ann Admin',
    });
  });

  it('disables the button while saving and shows the temporary password once after 201', async () => {
    let resolve!: (r: Response) => void;
    vi.stubGlobal('fetch', vi.fn().mockReturnValue(new Promise<Response>((r) => (resolve = r))));
    render(<CreateTenant />);
    fill();
    fireEvent.change(screen.getByLabelText('Plan'), { target: { value: 'growth' } });

    fireEvent.click(screen.getByRole('button', { name: 'Create agency' }));

    const saving = await screen.findByRole('button', { name: 'Creating…' });
    expect((saving as HTMLButtonElement).disabled).toBe(true);
    resolve(
      answer(
        {
          id: 't1',
          name: 'Acme Agency',
          slug: 'acme-agency',
          plan: 'growth',
          status: 'active',
          createdAt: '2026-11-23T06:00:00Z',
          admin: { userId: 'u1', username: 'ann@acme.test', email: 'ann@acme.test', temporaryPassword: 'Xq7-temp-Pass' },
        },
        201,
      ),
    );

    const panel = await screen.findByRole('region', { name: /copy it now, it will not be shown again/ });
    expect(within(panel).getByTestId('temporary-password').textContent).toBe('Xq7-temp-Pass');
    expect(screen.getByText('Acme Agency is ready')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the agency' }).getAttribute('href')).toBe('/admin/tenants/t1');
  });

  it('says no password was created when the admin already had an account', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(
        answer({ id: 't1', name: 'Acme Agency', slug: 'acme-agency', plan: 'starter', status: 'active', createdAt: 'x', admin: { userId: 'u1', username: 'ann', email: 'ann@acme.test' } }, 201),
      ),
    );
    render(<CreateTenant />);
    fill();
    fireEvent.click(screen.getByRole('button', { name: 'Create agency' }));

    expect(await screen.findByText(/already had a Waymark account/)).toBeTruthy();
    expect(screen.queryByText(/will not be shown again/)).toBeNull();
  });

  it('checks the fields before sending', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    render(<CreateTenant />);

    fireEvent.click(screen.getByRole('button', { name: 'Create agency' }));

    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Email').closest('.field')!.textContent).toContain('Required');
    expect(fetch).not.toHaveBeenCalled();
  });
});

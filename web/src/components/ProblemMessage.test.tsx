// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { ProblemMessage } from './ProblemMessage';

afterEach(cleanup);

describe('ProblemMessage', () => {
  it('words a quota-exceeded conflict with the quota and suggests a plan change', () => {
    const error = new ApiError({ type: 'https://waymark.example/problems/quota-exceeded/', title: 'Quota exceeded', status: 409, quota: 'members', plan: 'growth', limit: 100 });
    render(<ProblemMessage error={error} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain("Your agency's Growth plan allows 100 members, and they are all in use.");
    expect(alert.textContent).toContain('larger plan');
    expect(alert.textContent).not.toContain('Quota exceeded');
  });

  it('lists only field errors not shown next to a field', () => {
    const error = new ApiError({ type: 'about:blank', title: 'Invalid', status: 400, errors: [{ field: 'slug', message: 'taken' }, { field: 'other', message: 'bad' }] });
    render(<ProblemMessage error={error} shownFields={['slug']} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('other: bad');
    expect(alert.textContent).not.toContain('taken');
  });
});

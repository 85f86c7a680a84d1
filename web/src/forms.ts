import { ApiError } from './api';

export type FieldErrors = Record<string, string>;

/** The problem's `errors` by field (first message wins), e.g. `{slug: "must be …"}`. */
export function fieldErrorsOf(error: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (!(error instanceof ApiError)) return out;
  for (const e of error.problem.errors ?? []) {
    if (!(e.field in out)) out[e.field] = e.message;
  }
  return out;
}

export function asApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError({
    type: 'about:blank',
    title: 'Something went wrong',
    status: 0,
    detail: e instanceof Error ? e.message : undefined,
  });
}

export const SLUG_PATTERN = /^[a-z0-9-]{2,40}$/;
export const SLUG_MESSAGE = 'Use 2 to 40 characters: lowercase letters, digits and -';
export const USERNAME_PATTERN = /^[A-Za-z0-9._@+-]{3,100}$/;
export const USERNAME_MESSAGE = 'Use 3 to 100 characters: letters, digits and . _ @ + -';
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** "Acme Retail GmbH" → "acme-retail-gmbh" */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
}

export function required(value: string, message = 'Required'): string | undefined {
  return value.trim() === '' ? message : undefined;
}

export function validSlug(value: string): string | undefined {
  if (value.trim() === '') return 'Required';
  return SLUG_PATTERN.test(value) ? undefined : SLUG_MESSAGE;
}

export function validEmail(value: string): string | undefined {
  if (value.trim() === '') return 'Required';
  return EMAIL_PATTERN.test(value.trim()) ? undefined : 'Enter an email address like name@example.com';
}

export function validUsername(value: string): string | undefined {
  if (value.trim() === '') return undefined;
  return USERNAME_PATTERN.test(value.trim()) ? undefined : USERNAME_MESSAGE;
}

/** Drops undefined entries, so `Object.keys(result).length === 0` means valid. */
export function compact(errors: Record<string, string | undefined>): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(errors)) if (v) out[k] = v;
  return out;
}

/** An RFC 9457 problem, as every Waymark API answers errors. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  /** On `quota-exceeded`: what ran out (`workspaces`, `members`), on which plan, at which limit. */
  quota?: string;
  plan?: string;
  limit?: number;
}

export interface FieldError {
  field: string;
  message: string;
}

/** Status 0 stands for "no HTTP answer at all" (network down, request blocked). */
const FALLBACK_TITLES: Record<number, string> = {
  0: "Can't reach Waymark",
  400: 'The request was not valid',
  401: 'You are signed out',
  403: "You don't have access to this",
  404: 'Not found',
  409: 'This changed in the meantime',
  410: 'This is no longer available',
  412: 'This changed in the meantime',
  413: 'That is too large',
  429: 'Too many requests',
};

export function fallbackTitle(status: number): string {
  return FALLBACK_TITLES[status] ?? (status >= 500 ? 'Something went wrong on our side' : 'Something went wrong');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * Turns an error answer into a Problem. Accepts any body: a proxy or an unready service may
 * answer with HTML or nothing, and the user still deserves a readable message.
 */
export function parseProblem(status: number, body: string): Problem {
  let json: unknown;
  try {
    json = body.trim() === '' ? undefined : JSON.parse(body);
  } catch {
    json = undefined;
  }
  if (!isRecord(json)) {
    return { type: 'about:blank', title: fallbackTitle(status), status };
  }
  const problem: Problem = {
    type: nonEmptyString(json.type) ?? 'about:blank',
    title: nonEmptyString(json.title) ?? fallbackTitle(status),
    status: typeof json.status === 'number' ? json.status : status,
  };
  const detail = nonEmptyString(json.detail);
  if (detail !== undefined) problem.detail = detail;
  if (Array.isArray(json.errors)) {
    const errors = json.errors.filter(
      (e): e is FieldError => isRecord(e) && typeof e.field === 'string' && typeof e.message === 'string',
    );
    if (errors.length > 0) problem.errors = errors.map(({ field, message }) => ({ field, message }));
  }
  const quota = nonEmptyString(json.quota);
  if (quota !== undefined) problem.quota = quota;
  const plan = nonEmptyString(json.plan);
  if (plan !== undefined) problem.plan = plan;
  if (typeof json.limit === 'number') problem.limit = json.limit;
  return problem;
}

export function isTenantSuspended(problem: Problem): boolean {
  return problem.status === 403 && problem.type.replace(/\/+$/, '').endsWith('tenant-suspended');
}

function typeEndsWith(problem: Problem, suffix: string): boolean {
  return problem.type.replace(/\/+$/, '').endsWith(suffix);
}

export function isQuotaExceeded(problem: Problem): boolean {
  return problem.status === 409 && typeEndsWith(problem, 'quota-exceeded');
}

const QUOTA_NAMES: Record<string, string> = {
  workspaces: 'client workspaces',
  members: 'members',
};

/** "Your Starter plan allows 3 client workspaces, and they are all in use." */
export function quotaMessage(problem: Problem): string {
  const what = (problem.quota && QUOTA_NAMES[problem.quota]) ?? problem.quota ?? 'items';
  const plan = problem.plan ? `${problem.plan.charAt(0).toUpperCase()}${problem.plan.slice(1)} plan` : 'plan';
  const limit = problem.limit !== undefined ? `${problem.limit} ` : '';
  return `Your agency's ${plan} allows ${limit}${what}, and they are all in use.`;
}

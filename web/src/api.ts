/**
 * The one place that talks to the gateway. The browser holds only the gateway's session cookie;
 * tokens stay server-side, so every call is same-origin with credentials.
 */
import { fallbackTitle, isTenantSuspended, parseProblem, type Problem } from './problem';

// ---- bodies -------------------------------------------------------------------------------

export interface WorkspaceAccess {
  id: string;
  name: string;
  role: string;
}

export interface Me {
  userId: string;
  username: string;
  email: string | null;
  roles: string[];
  tenant: { id: string; name: string } | null;
  workspaces: WorkspaceAccess[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type JourneyState = 'current' | 'future';

export interface JourneySummary {
  id: string;
  name: string;
  state: JourneyState;
  ownerName: string | null;
  description: string | null;
  personaId?: string | null;
  reviewEveryDays?: number | null;
}

export interface Touchpoint {
  id: string;
  name: string;
  channelId: string | null;
  expectedEmotion: number | null;
  description?: string | null;
}

export interface Stage {
  id: string;
  name: string;
  position: number;
  touchpoints: Touchpoint[];
}

export interface JourneyMap extends JourneySummary {
  reviewEveryDays: number | null;
  stages: Stage[];
}

export interface Channel {
  id: string;
  name: string;
}

/** One KPI with its sample size and 95% interval; `enough` is false below the minimum n. */
export interface Score {
  value: number | null;
  n: number;
  ciLow: number | null;
  ciHigh: number | null;
  enough: boolean;
}

export interface Scores {
  nps: Score | null;
  csat: Score | null;
  ces: Score | null;
  responses: number | null;
}

export interface TouchpointScores extends Scores {
  touchpointId: string;
}

export interface JourneyScores extends Scores {
  journeyId: string;
}

export interface StageScores extends Scores {
  stageId: string;
}

export interface MetricsSummary {
  workspace: Scores | null;
  touchpoints: TouchpointScores[] | null;
  journeys: JourneyScores[] | null;
  stages: StageScores[] | null;
}

// ---- errors -------------------------------------------------------------------------------

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get signedOut(): boolean {
    return this.problem.status === 401;
  }

  get tenantSuspended(): boolean {
    return isTenantSuspended(this.problem);
  }
}

function networkError(): ApiError {
  return new ApiError({
    type: 'about:blank',
    title: fallbackTitle(0),
    status: 0,
    detail: 'Check your connection and try again.',
  });
}

// ---- transport ----------------------------------------------------------------------------

async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, {
      credentials: 'same-origin',
      // A redirect here means the gateway wants a login; following it cross-origin would only
      // fail opaquely, so it is read as "signed out" below.
      redirect: 'manual',
      ...init,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw networkError();
  }
}

async function failure(res: Response): Promise<ApiError> {
  if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400)) {
    return new ApiError({ type: 'about:blank', title: fallbackTitle(401), status: 401 });
  }
  let body = '';
  try {
    body = await res.text();
  } catch {
    // keep the fallback title
  }
  return new ApiError(parseProblem(res.status, body));
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await send(path, { headers: { Accept: 'application/json' }, signal });
  if (!res.ok || res.type === 'opaqueredirect') throw await failure(res);
  try {
    return (await res.json()) as T;
  } catch {
    throw new ApiError({
      type: 'about:blank',
      title: 'Unexpected answer from the server',
      status: res.status,
      detail: 'Please reload the page.',
    });
  }
}

const seg = encodeURIComponent;

function query(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') q.set(key, String(value));
  }
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
}

// ---- calls --------------------------------------------------------------------------------

export function getMe(signal?: AbortSignal): Promise<Me> {
  return getJson<Me>('/api/me', signal);
}

export function listJourneys(
  workspaceId: string,
  options: { cursor?: string | null; limit?: number; signal?: AbortSignal } = {},
): Promise<Page<JourneySummary>> {
  const q = query({ limit: options.limit, cursor: options.cursor });
  return getJson(`/api/workspaces/${seg(workspaceId)}/journeys${q}`, options.signal);
}

export function getJourney(workspaceId: string, journeyId: string, signal?: AbortSignal): Promise<JourneyMap> {
  return getJson(`/api/workspaces/${seg(workspaceId)}/journeys/${seg(journeyId)}`, signal);
}

export function listChannels(workspaceId: string, signal?: AbortSignal): Promise<Page<Channel>> {
  return getJson(`/api/workspaces/${seg(workspaceId)}/channels${query({ limit: 500 })}`, signal);
}

export function getMetricsSummary(
  workspaceId: string,
  options: { journeyId?: string; signal?: AbortSignal } = {},
): Promise<MetricsSummary> {
  const q = query({ journeyId: options.journeyId });
  return getJson(`/api/workspaces/${seg(workspaceId)}/metrics/summary${q}`, options.signal);
}

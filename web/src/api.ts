/**
 * The one place that talks to the gateway. The browser holds only the gateway's session cookie;
 * tokens stay server-side, so every call is same-origin with credentials.
 */
import { CSRF_HEADER, csrfToken } from './csrf';
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
  tenant: { id: string; name: string; status?: string; role?: string } | null;
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

/** One service-blueprint lane of a touchpoint: what happens there and the team that owns it. */
export interface Lane {
  text: string;
  owningTeam?: string | null;
}

export type LaneKey = 'customerAction' | 'frontstage' | 'backstage' | 'support';
export const LANE_KEYS: LaneKey[] = ['customerAction', 'frontstage', 'backstage', 'support'];

export interface Touchpoint {
  id: string;
  name: string;
  channelId: string | null;
  expectedEmotion: number | null;
  description?: string | null;
  stageId?: string;
  owningTeam?: string | null;
  customerAction?: Lane | null;
  frontstage?: Lane | null;
  backstage?: Lane | null;
  support?: Lane | null;
  position?: number;
  /** A sub-touchpoint's parent (same stage, one level); null or absent at the top level. */
  parentTouchpointId?: string | null;
}

export interface Stage {
  id: string;
  name: string;
  position: number;
  touchpoints: Touchpoint[];
}

export interface PainPoint {
  id: string;
  stageId: string | null;
  touchpointId: string | null;
  title: string;
  description: string | null;
  severity: number;
}

export interface Opportunity {
  id: string;
  painPointId: string | null;
  title: string;
  description: string | null;
  impact: number;
  effort: number;
  status: string;
  owner: string | null;
}

export interface Evidence {
  id: string;
  stageId: string | null;
  touchpointId: string | null;
  kind: string;
  text: string;
  source: string | null;
  link: string | null;
}

export interface JourneyMap extends JourneySummary {
  reviewEveryDays: number | null;
  stages: Stage[];
  version?: number;
  painPoints?: PainPoint[];
  opportunities?: Opportunity[];
  evidence?: Evidence[];
  channels?: Channel[];
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

export async function send(path: string, init: RequestInit): Promise<Response> {
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

export async function failure(res: Response): Promise<ApiError> {
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

/**
 * POST/PATCH/PUT/DELETE: JSON body (if any) and the CSRF token the gateway requires on state changes;
 * `ifMatch` (a map's ETag) makes the write conditional — the service answers 412 when it is stale.
 */
export async function write<T>(
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  options: { ifMatch?: string | null; idempotencyKey?: string } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = csrfToken();
  if (token !== null) headers[CSRF_HEADER] = token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  const res = await send(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok || res.type === 'opaqueredirect') throw await failure(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text().catch(() => '');
  if (text.trim() === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined as T;
  }
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
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

export const seg = encodeURIComponent;

export function query(params: Record<string, string | number | null | undefined>): string {
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

// ---- platform admin: tenants ----------------------------------------------------------------

export type Plan = 'starter' | 'growth' | 'scale';
export const PLANS: Plan[] = ['starter', 'growth', 'scale'];
export type TenantStatus = 'active' | 'suspended' | 'deleting';

export interface Tenant {
  id: string;
  name: string;
  slug: string;
  plan: Plan;
  status: TenantStatus | string;
  createdAt: string;
}

/** `limit` null: the plan sets none. */
export interface Usage {
  inUse: number;
  limit: number | null;
}

export interface TenantDetail extends Tenant {
  workspaces?: Usage | null;
  members?: Usage | null;
}

export interface NewTenant {
  name: string;
  slug: string;
  plan: Plan;
  adminEmail: string;
  adminName: string;
  adminUsername?: string;
}

export interface CreatedTenant extends Tenant {
  admin: { userId: string; username: string; email: string; temporaryPassword?: string | null };
}

export interface TenantChange {
  name?: string;
  plan?: Plan;
  status?: 'active' | 'suspended';
}

export interface ServicePurge {
  service: string;
  completedAt: string | null;
  rowsDeleted: number | null;
}

export interface DeletionProgress {
  tenantId: string;
  requestedAt: string;
  services: ServicePurge[];
  complete: boolean;
}

export function listTenants(
  options: { cursor?: string | null; limit?: number; signal?: AbortSignal } = {},
): Promise<Page<Tenant>> {
  return getJson(`/api/admin/tenants${query({ limit: options.limit, cursor: options.cursor })}`, options.signal);
}

export function createTenant(body: NewTenant): Promise<CreatedTenant> {
  return write('POST', '/api/admin/tenants', body);
}

export function getTenant(tenantId: string, signal?: AbortSignal): Promise<TenantDetail> {
  return getJson(`/api/admin/tenants/${seg(tenantId)}`, signal);
}

export function updateTenant(tenantId: string, change: TenantChange): Promise<Tenant> {
  return write('PATCH', `/api/admin/tenants/${seg(tenantId)}`, change);
}

export function deleteTenant(tenantId: string): Promise<unknown> {
  return write('DELETE', `/api/admin/tenants/${seg(tenantId)}`);
}

export function getTenantDeletion(tenantId: string, signal?: AbortSignal): Promise<DeletionProgress> {
  return getJson(`/api/admin/tenants/${seg(tenantId)}/deletion`, signal);
}

// ---- agency: workspaces, members, audit ------------------------------------------------------

export interface Workspace {
  id: string;
  tenantId?: string;
  name: string;
  slug: string;
  industry?: string | null;
  createdAt?: string;
}

export interface NewWorkspace {
  name: string;
  slug: string;
  industry?: string;
}

export interface WorkspaceChange {
  name?: string;
  slug?: string;
  industry?: string;
}

export type AgencyRole = 'agency-admin' | 'agency-staff';
export const AGENCY_ROLES: AgencyRole[] = ['agency-admin', 'agency-staff'];
export type ClientRole = 'client-admin' | 'client-editor' | 'client-viewer';
export const CLIENT_ROLES: ClientRole[] = ['client-admin', 'client-editor', 'client-viewer'];

export interface Member {
  userId: string;
  username: string;
  email: string | null;
  name: string | null;
  role: string;
  createdAt?: string;
  /** Only in the answer that created the user: shown once, never stored. */
  temporaryPassword?: string | null;
}

export interface NewMember<R extends string = string> {
  email: string;
  name: string;
  username?: string;
  role: R;
}

export interface AuditEvent {
  id: string;
  at: string;
  actor: { userId: string; username: string };
  action: string;
  target: { type: string; id: string };
  tenantId?: string;
  workspaceId?: string | null;
  details: unknown;
  ip: string | null;
  userAgent: string | null;
}

type PageOptions = { cursor?: string | null; limit?: number; signal?: AbortSignal };

const tenantBase = (tenantId: string) => `/api/tenants/${seg(tenantId)}`;

export function listWorkspaces(tenantId: string, options: PageOptions = {}): Promise<Page<Workspace>> {
  return getJson(`${tenantBase(tenantId)}/workspaces${query({ limit: options.limit, cursor: options.cursor })}`, options.signal);
}

export function createWorkspace(tenantId: string, body: NewWorkspace): Promise<Workspace> {
  return write('POST', `${tenantBase(tenantId)}/workspaces`, body);
}

export function updateWorkspace(tenantId: string, workspaceId: string, change: WorkspaceChange): Promise<Workspace> {
  return write('PATCH', `${tenantBase(tenantId)}/workspaces/${seg(workspaceId)}`, change);
}

export function deleteWorkspace(tenantId: string, workspaceId: string): Promise<unknown> {
  return write('DELETE', `${tenantBase(tenantId)}/workspaces/${seg(workspaceId)}`);
}

export function listAgencyMembers(tenantId: string, options: PageOptions = {}): Promise<Page<Member>> {
  return getJson(`${tenantBase(tenantId)}/members${query({ limit: options.limit, cursor: options.cursor })}`, options.signal);
}

export function addAgencyMember(tenantId: string, body: NewMember<AgencyRole>): Promise<Member> {
  return write('POST', `${tenantBase(tenantId)}/members`, body);
}

export function removeAgencyMember(tenantId: string, userId: string): Promise<void> {
  return write('DELETE', `${tenantBase(tenantId)}/members/${seg(userId)}`);
}

export function listWorkspaceMembers(workspaceId: string, options: PageOptions = {}): Promise<Page<Member>> {
  return getJson(
    `/api/workspaces/${seg(workspaceId)}/members${query({ limit: options.limit, cursor: options.cursor })}`,
    options.signal,
  );
}

export function addWorkspaceMember(workspaceId: string, body: NewMember<ClientRole>): Promise<Member> {
  return write('POST', `/api/workspaces/${seg(workspaceId)}/members`, body);
}

export function removeWorkspaceMember(workspaceId: string, userId: string): Promise<void> {
  return write('DELETE', `/api/workspaces/${seg(workspaceId)}/members/${seg(userId)}`);
}

export function listAudit(
  tenantId: string,
  options: PageOptions & { action?: string } = {},
): Promise<Page<AuditEvent>> {
  const q = query({ limit: options.limit, cursor: options.cursor, action: options.action });
  return getJson(`${tenantBase(tenantId)}/audit${q}`, options.signal);
}

export function getWorkspace(workspaceId: string, signal?: AbortSignal): Promise<Workspace> {
  return getJson(`/api/workspaces/${seg(workspaceId)}`, signal);
}

// ---- journey map editor ---------------------------------------------------------------------

/** The map with the ETag its GET answered (the map's version, to send back as `If-Match`). */
export interface VersionedMap {
  map: JourneyMap;
  etag: string | null;
}

const journeyBase = (workspaceId: string, journeyId: string) =>
  `/api/workspaces/${seg(workspaceId)}/journeys/${seg(journeyId)}`;

export async function getJourneyMap(workspaceId: string, journeyId: string, signal?: AbortSignal): Promise<VersionedMap> {
  const res = await send(journeyBase(workspaceId, journeyId), {
    headers: { Accept: 'application/json' },
    cache: 'no-store',
    signal,
  });
  if (!res.ok || res.type === 'opaqueredirect') throw await failure(res);
  let map: JourneyMap;
  try {
    map = (await res.json()) as JourneyMap;
  } catch {
    throw new ApiError({ type: 'about:blank', title: 'Unexpected answer from the server', status: res.status, detail: 'Please reload the page.' });
  }
  const header = res.headers.get('ETag');
  // Without the header (a proxy dropping it) the version in the body is the same value.
  const etag = header ?? (typeof map.version === 'number' ? `"${map.version}"` : null);
  return { map, etag };
}

export interface StageLive {
  stageId: string;
  observedEmotion: number | null;
  nps: Score | null;
  csat: Score | null;
  ces: Score | null;
  responses: number;
}

export interface TouchpointLive extends StageLive {
  touchpointId: string;
  expectedEmotion: number;
}

export interface LiveMap {
  journey: JourneyMap;
  live: { available: boolean; from: string | null; to: string | null; reason: string | null };
  stages: StageLive[];
  touchpoints: TouchpointLive[];
}

export function getLiveMap(workspaceId: string, journeyId: string, signal?: AbortSignal): Promise<LiveMap> {
  return getJson(`${journeyBase(workspaceId, journeyId)}/live`, signal);
}

export interface StageRow {
  id: string;
  journeyId: string;
  name: string;
  position: number;
}

export function createStage(workspaceId: string, journeyId: string, body: { name: string; position?: number }, etag: string | null): Promise<StageRow> {
  return write('POST', `${journeyBase(workspaceId, journeyId)}/stages`, body, { ifMatch: etag });
}

export function renameStage(workspaceId: string, journeyId: string, stageId: string, name: string, etag: string | null): Promise<StageRow> {
  return write('PATCH', `${journeyBase(workspaceId, journeyId)}/stages/${seg(stageId)}`, { name }, { ifMatch: etag });
}

export function deleteStage(workspaceId: string, journeyId: string, stageId: string, etag: string | null): Promise<void> {
  return write('DELETE', `${journeyBase(workspaceId, journeyId)}/stages/${seg(stageId)}`, undefined, { ifMatch: etag });
}

/** `stageIds` must name exactly the journey's stages, each once, in their new order. */
export function reorderStages(workspaceId: string, journeyId: string, stageIds: string[], etag: string | null): Promise<StageRow[]> {
  return write('PUT', `${journeyBase(workspaceId, journeyId)}/stages/order`, { stageIds }, { ifMatch: etag });
}

/** Create body, and (as a JSON merge patch) change body, of a touchpoint; `null` clears. */
export interface TouchpointInput {
  name: string;
  channelId: string | null;
  expectedEmotion: number;
  owningTeam: string | null;
  customerAction: Lane | null;
  frontstage: Lane | null;
  backstage: Lane | null;
  support: Lane | null;
}

export function createTouchpoint(workspaceId: string, journeyId: string, stageId: string, body: TouchpointInput, etag: string | null): Promise<Touchpoint> {
  return write('POST', `${journeyBase(workspaceId, journeyId)}/stages/${seg(stageId)}/touchpoints`, body, { ifMatch: etag });
}

export function updateTouchpoint(
  workspaceId: string,
  journeyId: string,
  stageId: string,
  touchpointId: string,
  patch: Partial<TouchpointInput>,
  etag: string | null,
): Promise<Touchpoint> {
  return write('PATCH', `${journeyBase(workspaceId, journeyId)}/stages/${seg(stageId)}/touchpoints/${seg(touchpointId)}`, patch, { ifMatch: etag });
}

export function deleteTouchpoint(workspaceId: string, journeyId: string, stageId: string, touchpointId: string, etag: string | null): Promise<void> {
  return write('DELETE', `${journeyBase(workspaceId, journeyId)}/stages/${seg(stageId)}/touchpoints/${seg(touchpointId)}`, undefined, { ifMatch: etag });
}

export interface JourneyVersion {
  number: number;
  label: string;
  createdAt: string;
  createdBy: string;
}

export function listVersions(workspaceId: string, journeyId: string, signal?: AbortSignal): Promise<Page<JourneyVersion>> {
  return getJson(`${journeyBase(workspaceId, journeyId)}/versions`, signal);
}

/** Snapshots the map; the service ignores `If-Match` here (a snapshot does not change the map) but it is sent like on every write. */
export function createVersion(workspaceId: string, journeyId: string, label: string, etag: string | null): Promise<JourneyVersion> {
  return write('POST', `${journeyBase(workspaceId, journeyId)}/versions`, { label }, { ifMatch: etag });
}

export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

export type ChangeKind = 'added' | 'removed' | 'changed' | 'unchanged';

export interface NoteChange {
  kind: 'painPoint' | 'opportunity' | 'evidence' | string;
  id: string;
  title: string;
  change: ChangeKind | string;
  fields: FieldChange[];
}

export interface TouchpointChange {
  touchpointId: string;
  name: string;
  change: ChangeKind | string;
  fields: FieldChange[];
}

export interface StageChange {
  stageId: string;
  name: string;
  change: ChangeKind | string;
  fields: FieldChange[];
  touchpoints: TouchpointChange[];
  notes: NoteChange[];
}

export interface VersionDiff {
  from: JourneyVersion;
  to: JourneyVersion;
  changes: { journey: FieldChange[]; stages: StageChange[]; notes: NoteChange[]; summary: string[] };
}

export function getVersionDiff(workspaceId: string, journeyId: string, a: number, b: number, signal?: AbortSignal): Promise<VersionDiff> {
  return getJson(`${journeyBase(workspaceId, journeyId)}/versions/${a}/diff/${b}`, signal);
}

/** `filename="Buy online.csv"` (or RFC 5987 `filename*=UTF-8''…`) → the name; null when absent. */
export function attachmentName(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim().replace(/^"(.*)"$/, '$1'));
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(disposition);
  if (!plain) return null;
  return (plain[2] ?? plain[1]!).trim() || null;
}

/** The map as CSV (content negotiation on the map's own URL); a plain link could not ask for it. */
export async function downloadJourneyCsv(workspaceId: string, journeyId: string): Promise<{ blob: Blob; filename: string }> {
  const res = await send(journeyBase(workspaceId, journeyId), { headers: { Accept: 'text/csv' }, cache: 'no-store' });
  if (!res.ok || res.type === 'opaqueredirect') throw await failure(res);
  const blob = await res.blob();
  return { blob, filename: attachmentName(res.headers.get('Content-Disposition')) ?? 'journey.csv' };
}

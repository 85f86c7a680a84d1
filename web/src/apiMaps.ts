/**
 * Journey-map editor calls added beside those in `api.ts`: touchpoint order and moves, sub-touchpoints,
 * personas and the journey's own fields. Same transport (CSRF, If-Match, problem+json) as `api.ts`.
 */
import { getJson, query, seg, write, type JourneyMap, type Page, type Touchpoint, type TouchpointInput } from './api';

const journeyBase = (workspaceId: string, journeyId: string) => `/api/workspaces/${seg(workspaceId)}/journeys/${seg(journeyId)}`;
const stageTouchpoints = (workspaceId: string, journeyId: string, stageId: string) =>
  `${journeyBase(workspaceId, journeyId)}/stages/${seg(stageId)}/touchpoints`;

/** A fresh key per user action, so a retried create is stored once. */
export function idempotencyKey(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `${Date.now().toString(16)}-${Math.random().toString(16).slice(2)}-${Math.random().toString(16).slice(2)}`;
}

/** `touchpointIds` must name exactly the stage's touchpoints, each once, in their new order. */
export function reorderTouchpoints(workspaceId: string, journeyId: string, stageId: string, touchpointIds: string[], etag: string | null): Promise<Touchpoint[]> {
  return write('PUT', `${stageTouchpoints(workspaceId, journeyId, stageId)}/order`, { touchpointIds }, { ifMatch: etag });
}

/**
 * Moves a touchpoint to another stage of the journey (at its end); `detach` also makes a sub-touchpoint
 * top-level, since a sub-touchpoint must stay in its parent's stage.
 */
export function moveTouchpointToStage(
  workspaceId: string,
  journeyId: string,
  fromStageId: string,
  touchpointId: string,
  toStageId: string,
  etag: string | null,
  options: { detach?: boolean } = {},
): Promise<Touchpoint> {
  const body: Record<string, unknown> = { stageId: toStageId };
  if (options.detach) body.parentTouchpointId = null;
  return write('PATCH', `${stageTouchpoints(workspaceId, journeyId, fromStageId)}/${seg(touchpointId)}`, body, { ifMatch: etag });
}

/** A touchpoint under `parentTouchpointId` (a top-level touchpoint of the same stage). */
export function createSubTouchpoint(
  workspaceId: string,
  journeyId: string,
  stageId: string,
  parentTouchpointId: string,
  body: TouchpointInput,
  etag: string | null,
): Promise<Touchpoint> {
  return write('POST', stageTouchpoints(workspaceId, journeyId, stageId), { ...body, parentTouchpointId }, { ifMatch: etag });
}

export interface Persona {
  id: string;
  name: string;
  description: string | null;
}

export function listPersonas(workspaceId: string, signal?: AbortSignal): Promise<Page<Persona>> {
  return getJson(`/api/workspaces/${seg(workspaceId)}/personas${query({ limit: 500 })}`, signal);
}

export function createPersona(workspaceId: string, body: { name: string; description?: string | null }, key: string = idempotencyKey()): Promise<Persona> {
  return write('POST', `/api/workspaces/${seg(workspaceId)}/personas`, body, { idempotencyKey: key });
}

/** The journey's own fields (JSON merge patch); answers the whole map. */
export interface JourneyChange {
  personaId?: string | null;
  name?: string;
  ownerName?: string | null;
  description?: string | null;
  reviewEveryDays?: number | null;
}

export function updateJourney(workspaceId: string, journeyId: string, change: JourneyChange, etag: string | null): Promise<JourneyMap> {
  return write('PATCH', journeyBase(workspaceId, journeyId), change, { ifMatch: etag });
}

/** Pure logic of the journey-map editor: ordering, grouping, the emotion chart's geometry, roles. */
import type { Channel, JourneyMap, LiveMap, Opportunity, PainPoint, Stage, Touchpoint } from './api';

export const EMOTION_MIN = -2;
export const EMOTION_MAX = 2;
export const EMOTION_LEVELS = [2, 1, 0, -1, -2] as const;

/** Only `client-viewer` reads maps without changing them; every other role of a workspace may edit. */
export function canEditMaps(role: string | null | undefined): boolean {
  return role !== 'client-viewer' && role != null && role !== '';
}

export function sortedStages(map: Pick<JourneyMap, 'stages'>): Stage[] {
  return [...(map.stages ?? [])].sort((a, b) => a.position - b.position);
}

/**
 * The stage ids after moving the stage at `index` by `delta` places (−1 left, +1 right), for
 * `PUT …/stages/order`. Null when it cannot move (already first/last, or unknown index).
 */
export function movedStageIds(stageIds: readonly string[], index: number, delta: number): string[] | null {
  const target = index + delta;
  if (index < 0 || index >= stageIds.length || target < 0 || target >= stageIds.length || delta === 0) return null;
  const ids = [...stageIds];
  const [moved] = ids.splice(index, 1);
  ids.splice(target, 0, moved!);
  return ids;
}

export interface ChannelGroup {
  channelId: string | null;
  name: string;
  touchpoints: Touchpoint[];
}

/** A stage's touchpoints grouped by channel, groups in order of first appearance; no channel last. */
export function groupByChannel(touchpoints: readonly Touchpoint[], channelNames: ReadonlyMap<string, string>): ChannelGroup[] {
  const groups = new Map<string, ChannelGroup>();
  const sorted = [...touchpoints].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  for (const tp of sorted) {
    const key = tp.channelId ?? '';
    let group = groups.get(key);
    if (!group) {
      group = {
        channelId: tp.channelId,
        name: tp.channelId ? (channelNames.get(tp.channelId) ?? 'Unknown channel') : 'No channel',
        touchpoints: [],
      };
      groups.set(key, group);
    }
    group.touchpoints.push(tp);
  }
  const list = [...groups.values()];
  return [...list.filter((g) => g.channelId !== null), ...list.filter((g) => g.channelId === null)];
}

/** Channel names from the workspace's list, completed by those the map itself carries. */
export function channelNameMap(...lists: (readonly Channel[] | null | undefined)[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const list of lists) for (const c of list ?? []) if (!names.has(c.id)) names.set(c.id, c.name);
  return names;
}

export interface StageNotes {
  painPoints: PainPoint[];
  opportunities: Opportunity[];
}

/**
 * Pain points by stage (a touchpoint's pain point counts at the touchpoint's stage) and opportunities
 * at the stage of the pain point they address. `null` collects what is at no stage.
 */
export function notesByStage(map: JourneyMap): Map<string | null, StageNotes> {
  const stageOfTouchpoint = new Map<string, string>();
  for (const stage of map.stages ?? []) for (const tp of stage.touchpoints ?? []) stageOfTouchpoint.set(tp.id, stage.id);
  const out = new Map<string | null, StageNotes>();
  const at = (key: string | null) => {
    let notes = out.get(key);
    if (!notes) {
      notes = { painPoints: [], opportunities: [] };
      out.set(key, notes);
    }
    return notes;
  };
  const painStage = new Map<string, string | null>();
  for (const p of map.painPoints ?? []) {
    const stageId = p.stageId ?? (p.touchpointId ? (stageOfTouchpoint.get(p.touchpointId) ?? null) : null);
    painStage.set(p.id, stageId);
    at(stageId).painPoints.push(p);
  }
  for (const o of map.opportunities ?? []) {
    const stageId = o.painPointId ? (painStage.get(o.painPointId) ?? null) : null;
    at(stageId).opportunities.push(o);
  }
  return out;
}

// ---- the emotion chart ---------------------------------------------------------------------------

export interface ChartBox {
  /** y of +2 */
  top: number;
  /** distance from +2 to −2 */
  height: number;
}

/** −2 … +2 → y (SVG, downwards): +2 at `top`, 0 in the middle, −2 at `top + height`. Clamped. */
export function emotionY(value: number, box: ChartBox): number {
  const v = Math.max(EMOTION_MIN, Math.min(EMOTION_MAX, value));
  return box.top + ((EMOTION_MAX - v) / (EMOTION_MAX - EMOTION_MIN)) * box.height;
}

/** The x of the centre of stage column `index`. */
export function stageX(index: number, columnWidth: number): number {
  return index * columnWidth + columnWidth / 2;
}

export interface EmotionPoint {
  stageId: string;
  index: number;
  value: number;
  x: number;
  y: number;
}

/** Mean expected emotion of a stage's touchpoints; null without touchpoints. */
export function expectedStageEmotion(stage: Stage): number | null {
  const values = (stage.touchpoints ?? []).map((t) => t.expectedEmotion).filter((v): v is number => v != null && Number.isFinite(v));
  if (values.length === 0) return null;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Points for the present values only; a missing value leaves a gap. */
export function chartPoints(values: readonly (number | null | undefined)[], stageIds: readonly string[], columnWidth: number, box: ChartBox): EmotionPoint[] {
  const points: EmotionPoint[] = [];
  values.forEach((value, index) => {
    if (value == null || !Number.isFinite(value)) return;
    points.push({ stageId: stageIds[index] ?? String(index), index, value, x: stageX(index, columnWidth), y: emotionY(value, box) });
  });
  return points;
}

/** Polyline point lists, split where stages have no value (no line across a gap). */
export function lineSegments(points: readonly EmotionPoint[]): EmotionPoint[][] {
  const segments: EmotionPoint[][] = [];
  let current: EmotionPoint[] = [];
  for (const p of points) {
    const last = current[current.length - 1];
    if (last && p.index !== last.index + 1) {
      segments.push(current);
      current = [];
    }
    current.push(p);
  }
  if (current.length > 0) segments.push(current);
  return segments;
}

export function polylinePoints(segment: readonly EmotionPoint[]): string {
  return segment.map((p) => `${round(p.x)},${round(p.y)}`).join(' ');
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Observed emotion per stage from the live map (null: no value — too few answers or no data). */
export function observedStageEmotions(stages: readonly Stage[], live: LiveMap | null): (number | null)[] {
  if (!live || !live.live.available) return stages.map(() => null);
  const byId = new Map(live.stages.map((s) => [s.stageId, s.observedEmotion]));
  return stages.map((s) => byId.get(s.id) ?? null);
}

// ---- touchpoint form -----------------------------------------------------------------------------

export interface LaneDraft {
  text: string;
  owningTeam: string;
}

export interface TouchpointDraft {
  name: string;
  channelId: string;
  expectedEmotion: number;
  owningTeam: string;
  customerAction: LaneDraft;
  frontstage: LaneDraft;
  backstage: LaneDraft;
  support: LaneDraft;
}

export const LANE_NAMES = {
  customerAction: 'Customer action',
  frontstage: 'Frontstage',
  backstage: 'Backstage',
  support: 'Support processes',
} as const;

export function draftOf(tp: Touchpoint | null): TouchpointDraft {
  const lane = (l: Touchpoint['customerAction']): LaneDraft => ({ text: l?.text ?? '', owningTeam: l?.owningTeam ?? '' });
  return {
    name: tp?.name ?? '',
    channelId: tp?.channelId ?? '',
    expectedEmotion: tp?.expectedEmotion ?? 0,
    owningTeam: tp?.owningTeam ?? '',
    customerAction: lane(tp?.customerAction),
    frontstage: lane(tp?.frontstage),
    backstage: lane(tp?.backstage),
    support: lane(tp?.support),
  };
}

const blankToNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The API body; an empty lane is `null` (cleared), a lane's team travels with its text. */
export function inputOf(draft: TouchpointDraft) {
  const lane = (l: LaneDraft) => (l.text.trim() === '' ? null : { text: l.text.trim(), owningTeam: blankToNull(l.owningTeam) });
  return {
    name: draft.name.trim(),
    channelId: draft.channelId === '' ? null : draft.channelId,
    expectedEmotion: Math.max(EMOTION_MIN, Math.min(EMOTION_MAX, Math.round(draft.expectedEmotion))),
    owningTeam: blankToNull(draft.owningTeam),
    customerAction: lane(draft.customerAction),
    frontstage: lane(draft.frontstage),
    backstage: lane(draft.backstage),
    support: lane(draft.support),
  };
}

/** Client-side checks mirroring the service (name 1…200, lane text ≤ 2000, teams ≤ 200). */
export function validateDraft(draft: TouchpointDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (draft.name.trim() === '') errors.name = 'Give the touchpoint a name';
  else if (draft.name.trim().length > 200) errors.name = 'Use at most 200 characters';
  if (draft.owningTeam.trim().length > 200) errors.owningTeam = 'Use at most 200 characters';
  for (const key of ['customerAction', 'frontstage', 'backstage', 'support'] as const) {
    const l = draft[key];
    if (l.text.trim().length > 2000) errors[`${key}.text`] = 'Use at most 2000 characters';
    if (l.owningTeam.trim().length > 200) errors[`${key}.owningTeam`] = 'Use at most 200 characters';
    if (l.text.trim() === '' && l.owningTeam.trim() !== '') errors[`${key}.text`] = 'Describe what happens in this lane before naming its team';
  }
  return errors;
}

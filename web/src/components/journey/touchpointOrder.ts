/**
 * Pure ordering logic of a stage's touchpoints: top-level touchpoints with their sub-touchpoints under
 * them (one level), and the flat id lists `PUT …/touchpoints/order` takes after a move.
 */
import type { Touchpoint } from '../../api';

export interface TouchpointNode {
  touchpoint: Touchpoint;
  children: Touchpoint[];
}

const byPosition = (a: Touchpoint, b: Touchpoint) => (a.position ?? 0) - (b.position ?? 0);

/**
 * Top-level touchpoints in order, each with its sub-touchpoints in order. A sub-touchpoint whose parent
 * is not in this stage (not expected from the service) is shown at the top level rather than lost.
 */
export function touchpointTree(touchpoints: readonly Touchpoint[]): TouchpointNode[] {
  const sorted = [...touchpoints].sort(byPosition);
  const ids = new Set(sorted.map((t) => t.id));
  const hasParent = (t: Touchpoint) => !!t.parentTouchpointId && t.parentTouchpointId !== t.id && ids.has(t.parentTouchpointId);
  const topLevel = new Set(sorted.filter((t) => !hasParent(t)).map((t) => t.id));
  const nodes = new Map<string, TouchpointNode>();
  const roots: TouchpointNode[] = [];
  for (const tp of sorted) {
    // Under a top-level parent; anything deeper (not expected: one level only) shows at the top level.
    if (hasParent(tp) && topLevel.has(tp.parentTouchpointId!)) continue;
    const node = { touchpoint: tp, children: [] };
    nodes.set(tp.id, node);
    roots.push(node);
  }
  for (const tp of sorted) {
    if (hasParent(tp) && topLevel.has(tp.parentTouchpointId!)) nodes.get(tp.parentTouchpointId!)!.children.push(tp);
  }
  return roots;
}

/** Parents first, each followed by its sub-touchpoints: the order sent to the service. */
export function flatIds(tree: readonly TouchpointNode[]): string[] {
  return tree.flatMap((n) => [n.touchpoint.id, ...n.children.map((c) => c.id)]);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** The stage's current order as the canvas shows it (parents, each followed by its sub-touchpoints). */
export function currentIds(touchpoints: readonly Touchpoint[]): string[] {
  return flatIds(touchpointTree(touchpoints));
}

function changedOrNull(touchpoints: readonly Touchpoint[], next: string[]): string[] | null {
  return sameList(next, currentIds(touchpoints)) ? null : next;
}

export function isSub(tp: Touchpoint, touchpoints: readonly Touchpoint[]): boolean {
  return !!tp.parentTouchpointId && touchpoints.some((t) => t.id === tp.parentTouchpointId && t.id !== tp.id);
}

/**
 * The stage's order after moving `touchpointId` one place up (−1) or down (+1) among the touchpoints
 * shown next to it: a top-level one among the top-level ones of its channel (the canvas groups by
 * channel), a sub-touchpoint among its parent's. Its sub-touchpoints travel with it. Null: cannot move.
 */
export function movedWithinStage(touchpoints: readonly Touchpoint[], touchpointId: string, delta: -1 | 1): string[] | null {
  const tree = touchpointTree(touchpoints);
  const rootIndex = tree.findIndex((n) => n.touchpoint.id === touchpointId);
  if (rootIndex >= 0) {
    const channel = tree[rootIndex]!.touchpoint.channelId ?? null;
    const peers = tree.map((n, i) => ({ n, i })).filter(({ n }) => (n.touchpoint.channelId ?? null) === channel);
    const at = peers.findIndex(({ i }) => i === rootIndex);
    const other = peers[at + delta];
    if (!other) return null;
    const next = [...tree];
    next[rootIndex] = other.n;
    next[other.i] = tree[rootIndex]!;
    return changedOrNull(touchpoints, flatIds(next));
  }
  const parent = tree.find((n) => n.children.some((c) => c.id === touchpointId));
  if (!parent) return null;
  const i = parent.children.findIndex((c) => c.id === touchpointId);
  const j = i + delta;
  if (j < 0 || j >= parent.children.length) return null;
  const children = [...parent.children];
  [children[i], children[j]] = [children[j]!, children[i]!];
  return changedOrNull(
    touchpoints,
    flatIds(tree.map((n) => (n === parent ? { ...n, children } : n))),
  );
}

/** Can `touchpointId` move up/down (for the buttons' disabled state)? */
export function canMoveWithinStage(touchpoints: readonly Touchpoint[], touchpointId: string, delta: -1 | 1): boolean {
  return movedWithinStage(touchpoints, touchpointId, delta) !== null;
}

/**
 * The stage's order with `draggedId` placed just before `beforeId` (null: at the end). A top-level
 * touchpoint goes before the top-level touchpoint of `beforeId` (or its parent) and takes its
 * sub-touchpoints along; a sub-touchpoint only moves among its siblings. Null when nothing changes or
 * the drop is not allowed. `touchpoints` must already hold `draggedId` (after a move between stages).
 */
export function placedBefore(touchpoints: readonly Touchpoint[], draggedId: string, beforeId: string | null): string[] | null {
  if (draggedId === beforeId) return null;
  const tree = touchpointTree(touchpoints);
  const root = tree.find((n) => n.touchpoint.id === draggedId);
  if (root) {
    const rest = tree.filter((n) => n !== root);
    let index = rest.length;
    if (beforeId !== null) {
      const target = rest.findIndex((n) => n.touchpoint.id === beforeId || n.children.some((c) => c.id === beforeId));
      if (target < 0) return null;
      index = target;
    }
    rest.splice(index, 0, root);
    return changedOrNull(touchpoints, flatIds(rest));
  }
  const parent = tree.find((n) => n.children.some((c) => c.id === draggedId));
  if (!parent) return null;
  const dragged = parent.children.find((c) => c.id === draggedId)!;
  const rest = parent.children.filter((c) => c.id !== draggedId);
  let index = rest.length;
  if (beforeId !== null) {
    index = rest.findIndex((c) => c.id === beforeId);
    if (index < 0) return null;
  }
  rest.splice(index, 0, dragged);
  return changedOrNull(
    touchpoints,
    flatIds(tree.map((n) => (n === parent ? { ...n, children: rest } : n))),
  );
}

/** A touchpoint being dragged: `parentId` is its parent when it is shown as a sub-touchpoint. */
export interface DragItem {
  id: string;
  stageId: string;
  parentId: string | null;
}

/**
 * Where a dragged touchpoint may be dropped (`target` null: the end of a stage). A top-level one
 * anywhere but on itself; a sub-touchpoint only before a sibling under the same parent.
 */
export function canDropOn(drag: DragItem, targetStageId: string, target: Touchpoint | null): boolean {
  if (drag.parentId === null) return target === null || (target.id !== drag.id && target.parentTouchpointId !== drag.id);
  return drag.stageId === targetStageId && target !== null && target.id !== drag.id && target.parentTouchpointId === drag.parentId;
}

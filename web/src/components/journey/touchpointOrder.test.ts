import { describe, expect, it } from 'vitest';
import type { Touchpoint } from '../../api';
import { BAND_LIMITS, liveBand, liveText } from './liveBands';
import { canDropOn, movedWithinStage, placedBefore, touchpointTree } from './touchpointOrder';

const tp = (id: string, position: number, extra: Partial<Touchpoint> = {}): Touchpoint => ({
  id,
  name: id,
  channelId: 'web',
  expectedEmotion: 0,
  position,
  parentTouchpointId: null,
  ...extra,
});

// a, b (web) with a1, a2 under a; c on the phone channel.
const STAGE = [tp('a', 0), tp('a1', 1, { parentTouchpointId: 'a' }), tp('b', 2), tp('c', 3, { channelId: 'phone' }), tp('a2', 4, { parentTouchpointId: 'a' })];

describe('touchpoint tree and order', () => {
  it('nests sub-touchpoints under their parent, in order', () => {
    const tree = touchpointTree(STAGE);
    expect(tree.map((n) => [n.touchpoint.id, n.children.map((c) => c.id)])).toEqual([
      ['a', ['a1', 'a2']],
      ['b', []],
      ['c', []],
    ]);
  });

  it('keeps a sub-touchpoint whose parent is elsewhere (or is a sub-touchpoint itself) at the top level', () => {
    expect(touchpointTree([tp('x', 0, { parentTouchpointId: 'gone' })]).map((n) => n.touchpoint.id)).toEqual(['x']);
    const deep = touchpointTree([tp('p', 0), tp('q', 1, { parentTouchpointId: 'p' }), tp('r', 2, { parentTouchpointId: 'q' })]);
    expect(deep.map((n) => [n.touchpoint.id, n.children.map((c) => c.id)])).toEqual([
      ['p', ['q']],
      ['r', []],
    ]);
  });

  it('moves a top-level touchpoint among those of its channel, with its sub-touchpoints', () => {
    expect(movedWithinStage(STAGE, 'b', -1)).toEqual(['b', 'a', 'a1', 'a2', 'c']);
    expect(movedWithinStage(STAGE, 'a', 1)).toEqual(['b', 'a', 'a1', 'a2', 'c']);
    expect(movedWithinStage(STAGE, 'b', 1)).toBeNull(); // c is another channel: b is last of web
    expect(movedWithinStage(STAGE, 'c', -1)).toBeNull();
  });

  it('moves a sub-touchpoint among its siblings only', () => {
    expect(movedWithinStage(STAGE, 'a2', -1)).toEqual(['a', 'a2', 'a1', 'b', 'c']);
    expect(movedWithinStage(STAGE, 'a1', -1)).toBeNull();
  });

  it('places a dragged touchpoint before another, or at the end', () => {
    expect(placedBefore(STAGE, 'c', 'a')).toEqual(['c', 'a', 'a1', 'a2', 'b']);
    expect(placedBefore(STAGE, 'a', null)).toEqual(['b', 'c', 'a', 'a1', 'a2']);
    // onto a sub-touchpoint: before its parent
    expect(placedBefore(STAGE, 'b', 'a2')).toEqual(['b', 'a', 'a1', 'a2', 'c']);
    expect(placedBefore(STAGE, 'a2', 'a1')).toEqual(['a', 'a2', 'a1', 'b', 'c']);
    expect(placedBefore(STAGE, 'a1', 'b')).toBeNull();
    expect(placedBefore(STAGE, 'b', 'c')).toBeNull(); // already there
  });

  it('lets sub-touchpoints be dropped only next to their siblings', () => {
    const sub = { id: 'a1', stageId: 's1', parentId: 'a' };
    expect(canDropOn(sub, 's1', STAGE[4]!)).toBe(true);
    expect(canDropOn(sub, 's1', STAGE[2]!)).toBe(false);
    expect(canDropOn(sub, 's2', null)).toBe(false);
    const top = { id: 'a', stageId: 's1', parentId: null };
    expect(canDropOn(top, 's2', null)).toBe(true);
    expect(canDropOn(top, 's1', STAGE[1]!)).toBe(false); // onto its own sub-touchpoint
  });
});

describe('live bands', () => {
  const s = (value: number | null, enough = true) => ({ value, n: 50, ciLow: null, ciHigh: null, enough });

  it('bands by the metric’s limits and never colours too few answers', () => {
    expect(liveBand('nps', s(BAND_LIMITS.nps.good))).toBe('good');
    expect(liveBand('nps', s(29))).toBe('fair');
    expect(liveBand('nps', s(-1))).toBe('poor');
    expect(liveBand('nps', s(80, false))).toBe('none');
    expect(liveBand('ces', s(5.2))).toBe('good');
    expect(liveBand('csat', null)).toBe('none');
  });

  it('writes the value, n and band beside the colour', () => {
    expect(liveText('ces', s(4.5))).toBe('CES 4.5 · n = 50 · Fair');
    expect(liveText('nps', s(10, false))).toBe('NPS: not enough data (n = 50)');
    expect(liveText('nps', null)).toBe('NPS: not enough data (no answers yet)');
  });
});

import { describe, expect, it } from 'vitest';
import type { JourneyMap, LiveMap, Stage, Touchpoint } from './api';
import {
  canEditMaps,
  chartPoints,
  emotionY,
  expectedStageEmotion,
  groupByChannel,
  inputOf,
  lineSegments,
  movedStageIds,
  notesByStage,
  observedStageEmotions,
  draftOf,
  validateDraft,
} from './journeyMap';

const tp = (id: string, channelId: string | null, expectedEmotion = 0, position = 0): Touchpoint => ({ id, name: id, channelId, expectedEmotion, position });
const stage = (id: string, position: number, touchpoints: Touchpoint[] = []): Stage => ({ id, name: id, position, touchpoints });

describe('stage reorder', () => {
  const ids = ['a', 'b', 'c', 'd'];
  it('moves a stage right by swapping it with its neighbour', () => {
    expect(movedStageIds(ids, 1, 1)).toEqual(['a', 'c', 'b', 'd']);
  });
  it('moves a stage left', () => {
    expect(movedStageIds(ids, 3, -1)).toEqual(['a', 'b', 'd', 'c']);
  });
  it('keeps every id exactly once and does not touch the input', () => {
    const out = movedStageIds(ids, 0, 1)!;
    expect([...out].sort()).toEqual([...ids].sort());
    expect(ids).toEqual(['a', 'b', 'c', 'd']);
  });
  it('refuses moves past either end', () => {
    expect(movedStageIds(ids, 0, -1)).toBeNull();
    expect(movedStageIds(ids, 3, 1)).toBeNull();
    expect(movedStageIds(ids, 7, -1)).toBeNull();
  });
});

describe('emotion chart geometry', () => {
  const box = { top: 10, height: 120 };
  it('maps +2 to the top, 0 to the middle and −2 to the bottom', () => {
    expect(emotionY(2, box)).toBe(10);
    expect(emotionY(1, box)).toBe(40);
    expect(emotionY(0, box)).toBe(70);
    expect(emotionY(-1, box)).toBe(100);
    expect(emotionY(-2, box)).toBe(130);
  });
  it('clamps values outside −2 … +2', () => {
    expect(emotionY(5, box)).toBe(10);
    expect(emotionY(-9, box)).toBe(130);
  });
  it('places points at the stage column centres and omits missing values', () => {
    const points = chartPoints([1, null, -2, undefined, 0], ['s1', 's2', 's3', 's4', 's5'], 200, box);
    expect(points.map((p) => p.stageId)).toEqual(['s1', 's3', 's5']);
    expect(points.map((p) => p.x)).toEqual([100, 500, 900]);
    expect(points.map((p) => p.y)).toEqual([40, 130, 70]);
  });
  it('breaks the line where a stage has no value', () => {
    const points = chartPoints([1, 2, null, 0, -1], ['a', 'b', 'c', 'd', 'e'], 100, box);
    expect(lineSegments(points).map((seg) => seg.map((p) => p.stageId))).toEqual([
      ['a', 'b'],
      ['d', 'e'],
    ]);
  });
  it('averages the expected emotion of a stage’s touchpoints', () => {
    expect(expectedStageEmotion(stage('s', 0, [tp('a', null, 2), tp('b', null, -1)]))).toBe(0.5);
    expect(expectedStageEmotion(stage('s', 0))).toBeNull();
  });
  it('has no observed values when live scores are unavailable', () => {
    const stages = [stage('s1', 0), stage('s2', 1)];
    const live = { live: { available: false }, stages: [], touchpoints: [] } as unknown as LiveMap;
    expect(observedStageEmotions(stages, live)).toEqual([null, null]);
    const ok = {
      live: { available: true },
      stages: [{ stageId: 's2', observedEmotion: -1 }, { stageId: 's1', observedEmotion: null }],
      touchpoints: [],
    } as unknown as LiveMap;
    expect(observedStageEmotions(stages, ok)).toEqual([null, -1]);
  });
});

describe('roles', () => {
  it('lets everyone but client viewers edit maps', () => {
    expect(canEditMaps('client-viewer')).toBe(false);
    expect(canEditMaps(undefined)).toBe(false);
    expect(canEditMaps('client-editor')).toBe(true);
    expect(canEditMaps('client-admin')).toBe(true);
    expect(canEditMaps('agency-staff')).toBe(true);
  });
});

describe('grouping', () => {
  it('groups touchpoints by channel, touchpoints without a channel last', () => {
    const names = new Map([
      ['web', 'Online'],
      ['shop', 'Store'],
    ]);
    const groups = groupByChannel([tp('x', null, 0, 0), tp('y', 'web', 0, 1), tp('z', 'shop', 0, 2), tp('w', 'web', 0, 3)], names);
    expect(groups.map((g) => [g.name, g.touchpoints.map((t) => t.id)])).toEqual([
      ['Online', ['y', 'w']],
      ['Store', ['z']],
      ['No channel', ['x']],
    ]);
  });
  it('puts pain points at their stage (or their touchpoint’s) and opportunities at their pain point’s stage', () => {
    const map = {
      id: 'j',
      stages: [stage('s1', 0, [tp('t1', null)]), stage('s2', 1)],
      painPoints: [
        { id: 'p1', stageId: null, touchpointId: 't1', title: 'Slow', description: null, severity: 3 },
        { id: 'p2', stageId: 's2', touchpointId: null, title: 'Lost', description: null, severity: 2 },
        { id: 'p3', stageId: null, touchpointId: null, title: 'General', description: null, severity: 1 },
      ],
      opportunities: [
        { id: 'o1', painPointId: 'p2', title: 'Map', description: null, impact: 3, effort: 2, status: 'idea', owner: null },
        { id: 'o2', painPointId: null, title: 'Loose', description: null, impact: 1, effort: 1, status: 'idea', owner: null },
      ],
    } as unknown as JourneyMap;
    const notes = notesByStage(map);
    expect(notes.get('s1')!.painPoints.map((p) => p.id)).toEqual(['p1']);
    expect(notes.get('s2')!.painPoints.map((p) => p.id)).toEqual(['p2']);
    expect(notes.get('s2')!.opportunities.map((o) => o.id)).toEqual(['o1']);
    expect(notes.get(null)!.painPoints.map((p) => p.id)).toEqual(['p3']);
    expect(notes.get(null)!.opportunities.map((o) => o.id)).toEqual(['o2']);
  });
});

describe('touchpoint form', () => {
  it('sends empty lanes as null and keeps each lane’s team', () => {
    const draft = draftOf(null);
    draft.name = ' Checkout page ';
    draft.channelId = 'web';
    draft.expectedEmotion = -1;
    draft.frontstage = { text: 'Agent answers chat', owningTeam: 'Service' };
    expect(inputOf(draft)).toEqual({
      name: 'Checkout page',
      channelId: 'web',
      expectedEmotion: -1,
      owningTeam: null,
      customerAction: null,
      frontstage: { text: 'Agent answers chat', owningTeam: 'Service' },
      backstage: null,
      support: null,
    });
  });
  it('asks for a name and for a lane text before its team', () => {
    const draft = draftOf(null);
    draft.backstage.owningTeam = 'Warehouse';
    expect(validateDraft(draft)).toEqual({
      name: 'Give the touchpoint a name',
      'backstage.text': 'Describe what happens in this lane before naming its team',
    });
  });
});

import type { DragEvent } from 'react';
import type { Stage, Touchpoint, TouchpointLive } from '../../api';
import { emotionLabel, type MetricKind } from '../../format';
import { groupByChannel } from '../../journeyMap';
import { ScoreBadge } from '../ScoreBadge';
import { liveBand, liveText } from './liveBands';
import { canDropOn, movedWithinStage, touchpointTree, type DragItem } from './touchpointOrder';

export type MoveDirection = 'up' | 'down' | 'left' | 'right';

/** What is being dragged on the canvas right now, and where it would land. */
export type Drag = { kind: 'stage'; stageId: string; name: string } | { kind: 'touchpoint'; item: DragItem; name: string };

export interface DragControl {
  drag: Drag | null;
  /** Key of the drop target under the pointer: `<stageId>:<touchpointId|end>` or `stage:<stageId>`. */
  over: string | null;
  setOver: (key: string | null) => void;
  start: (drag: Drag, event: DragEvent<HTMLElement>) => void;
  end: () => void;
}

export interface LiveView {
  on: boolean;
  metric: MetricKind;
}

interface CellProps {
  stage: Stage;
  previous: Stage | null;
  next: Stage | null;
  channelNames: ReadonlyMap<string, string>;
  live: ReadonlyMap<string, TouchpointLive>;
  liveAvailable: boolean;
  liveLoading: boolean;
  liveView: LiveView;
  canEdit: boolean;
  disabled: boolean;
  dnd: DragControl;
  /** Opens the side panel: a touchpoint (with its parent when it is a sub-touchpoint), or a new one. */
  onOpen: (tp: Touchpoint | null, parentId: string | null) => void;
  onMove: (tp: Touchpoint, direction: MoveDirection) => void;
  onDrop: (before: Touchpoint | null) => void;
}

/**
 * One stage's touchpoints: grouped by channel, sub-touchpoints nested under their parent. Editors
 * reorder them by dragging, or with the move buttons on each card (the keyboard way).
 */
export function TouchpointCell({ stage, previous, next, channelNames, live, liveAvailable, liveLoading, liveView, canEdit, disabled, dnd, onOpen, onMove, onDrop }: CellProps) {
  const all = stage.touchpoints ?? [];
  const tree = touchpointTree(all);
  const childrenOf = new Map(tree.map((n) => [n.touchpoint.id, n.children]));
  const groups = groupByChannel(
    tree.map((n) => n.touchpoint),
    channelNames,
  );
  const editable = canEdit && !disabled;
  const dragging = dnd.drag?.kind === 'touchpoint' ? dnd.drag.item : null;
  const endKey = `${stage.id}:end`;

  function accepts(target: Touchpoint | null): boolean {
    return editable && dragging !== null && canDropOn(dragging, stage.id, target);
  }

  function card(tp: Touchpoint, parent: Touchpoint | null) {
    const key = `${stage.id}:${tp.id}`;
    const isSub = parent !== null;
    const otherChannel = isSub && tp.channelId && tp.channelId !== parent.channelId ? (channelNames.get(tp.channelId) ?? 'Unknown channel') : null;
    return (
      <TouchpointCard
        touchpoint={tp}
        sub={isSub}
        channelName={otherChannel}
        live={live.get(tp.id) ?? null}
        liveAvailable={liveAvailable}
        liveLoading={liveLoading}
        liveView={liveView}
        canEdit={canEdit}
        disabled={disabled}
        moves={{
          up: movedWithinStage(all, tp.id, -1) !== null,
          down: movedWithinStage(all, tp.id, 1) !== null,
          left: !isSub && previous !== null,
          right: !isSub && next !== null,
        }}
        previousName={previous?.name ?? null}
        nextName={next?.name ?? null}
        dropBefore={dnd.over === key}
        dragging={dragging?.id === tp.id}
        onOpen={() => onOpen(tp, parent?.id ?? null)}
        onAddSub={isSub ? null : () => onOpen(null, tp.id)}
        onMove={(direction) => onMove(tp, direction)}
        dragProps={
          editable
            ? {
                draggable: true,
                onDragStart: (e) => {
                  e.stopPropagation();
                  dnd.start({ kind: 'touchpoint', item: { id: tp.id, stageId: stage.id, parentId: parent?.id ?? null }, name: tp.name }, e);
                },
                onDragEnd: () => dnd.end(),
                onDragOver: (e) => {
                  if (!accepts(tp)) return;
                  e.preventDefault();
                  e.stopPropagation();
                  if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
                  if (dnd.over !== key) dnd.setOver(key);
                },
                onDrop: (e) => {
                  if (!accepts(tp)) return;
                  e.preventDefault();
                  e.stopPropagation();
                  onDrop(tp);
                },
              }
            : null
        }
      />
    );
  }

  return (
    <div
      className={`tp-cell${dnd.over === endKey ? ' drop-end-active' : ''}`}
      onDragOver={(e) => {
        if (!accepts(null)) return;
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
        if (dnd.over !== endKey) dnd.setOver(endKey);
      }}
      onDrop={(e) => {
        if (!accepts(null)) return;
        e.preventDefault();
        onDrop(null);
      }}
      data-drop-stage={stage.id}
    >
      {groups.length === 0 && <p className="stage-empty">No touchpoints yet.</p>}
      {groups.map((group) => (
        <div key={group.channelId ?? 'none'} className="channel-group">
          <span className={group.channelId ? 'tag tag-channel' : 'tag tag-channel tag-nochannel'}>{group.name}</span>
          <ul className="touchpoints">
            {group.touchpoints.map((tp) => {
              const children = childrenOf.get(tp.id) ?? [];
              return (
                <li key={tp.id}>
                  {card(tp, null)}
                  {children.length > 0 && (
                    <ul className="sub-touchpoints" aria-label={`Sub-touchpoints of ${tp.name}`}>
                      {children.map((child) => (
                        <li key={child.id}>{card(child, tp)}</li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      {dragging && accepts(null) && (
        <p className="drop-hint" data-export="skip" aria-hidden="true">
          Drop here to move it to the end of {stage.name}
        </p>
      )}
      {canEdit && (
        <button type="button" className="button button-quiet button-small add-tp" disabled={disabled} onClick={() => onOpen(null, null)} data-export="skip">
          + Add touchpoint<span className="visually-hidden"> to {stage.name}</span>
        </button>
      )}
    </div>
  );
}

interface CardProps {
  touchpoint: Touchpoint;
  sub: boolean;
  /** A sub-touchpoint's own channel when it differs from its parent's. */
  channelName: string | null;
  live: TouchpointLive | null;
  liveAvailable: boolean;
  liveLoading: boolean;
  liveView: LiveView;
  canEdit: boolean;
  disabled: boolean;
  moves: Record<MoveDirection, boolean>;
  previousName: string | null;
  nextName: string | null;
  dropBefore: boolean;
  dragging: boolean;
  onOpen: () => void;
  onAddSub: (() => void) | null;
  onMove: (direction: MoveDirection) => void;
  dragProps: {
    draggable: true;
    onDragStart: (e: DragEvent<HTMLElement>) => void;
    onDragEnd: () => void;
    onDragOver: (e: DragEvent<HTMLElement>) => void;
    onDrop: (e: DragEvent<HTMLElement>) => void;
  } | null;
}

function TouchpointCard({
  touchpoint,
  sub,
  channelName,
  live,
  liveAvailable,
  liveLoading,
  liveView,
  canEdit,
  disabled,
  moves,
  previousName,
  nextName,
  dropBefore,
  dragging,
  onOpen,
  onAddSub,
  onMove,
  dragProps,
}: CardProps) {
  const expected = emotionLabel(touchpoint.expectedEmotion);
  const observed = live?.observedEmotion;
  const showLive = liveView.on && liveAvailable && !liveLoading;
  const score = live?.[liveView.metric] ?? null;
  const band = showLive ? liveBand(liveView.metric, score) : null;
  const name = touchpoint.name;
  const classes = ['card', 'touchpoint', sub ? 'touchpoint-sub' : '', band ? `tp-live live-${band}` : '', dropBefore ? 'drop-before' : '', dragging ? 'is-dragging' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <article className={classes} data-tpcard={touchpoint.id} data-live-band={band ?? undefined} {...(dragProps ?? {})}>
      <h4 className="touchpoint-name">
        {dragProps && (
          <span className="drag-grip" aria-hidden="true" title="Drag to move" data-export="skip">
            ⠿
          </span>
        )}
        {sub && <span className="visually-hidden">Sub-touchpoint: </span>}
        {canEdit ? (
          <button type="button" className="link-button" onClick={onOpen} disabled={disabled} aria-label={`Edit touchpoint ${name}`}>
            {name}
          </button>
        ) : (
          name
        )}
      </h4>
      {channelName && <span className="tag tag-channel">{channelName}</span>}
      {touchpoint.owningTeam && <span className="small muted">Owned by {touchpoint.owningTeam}</span>}
      {band && (
        <p className="live-value" data-live-value={touchpoint.id}>
          <span className={`legend-swatch live-${band}`} aria-hidden="true" />
          {liveText(liveView.metric, score)}
        </p>
      )}
      {expected && (
        <p className="emotion">
          <span className="muted">Expected</span>
          <EmotionScale value={touchpoint.expectedEmotion!} />
          <span>{expected}</span>
        </p>
      )}
      {liveAvailable && !liveLoading && (
        <p className="emotion">
          <span className="muted">Observed</span>
          {observed != null ? (
            <>
              <EmotionScale value={observed} />
              <span>{emotionLabel(observed)}</span>
            </>
          ) : (
            <span className="hint">too few answers yet</span>
          )}
        </p>
      )}
      {!showLive && <NpsLine live={live} liveAvailable={liveAvailable} liveLoading={liveLoading} />}
      {canEdit && (
        <div className="tp-tools" role="group" aria-label={`Move or extend ${name}`} data-export="skip">
          <MoveButton dir="up" id={touchpoint.id} enabled={!disabled && moves.up} label={`Move touchpoint ${name} up`} onMove={onMove} text="↑" />
          <MoveButton dir="down" id={touchpoint.id} enabled={!disabled && moves.down} label={`Move touchpoint ${name} down`} onMove={onMove} text="↓" />
          {!sub && (
            <>
              <MoveButton
                dir="left"
                id={touchpoint.id}
                enabled={!disabled && moves.left}
                label={previousName ? `Move touchpoint ${name} to the previous stage, ${previousName}` : `Move touchpoint ${name} to the previous stage`}
                onMove={onMove}
                text="←"
              />
              <MoveButton
                dir="right"
                id={touchpoint.id}
                enabled={!disabled && moves.right}
                label={nextName ? `Move touchpoint ${name} to the next stage, ${nextName}` : `Move touchpoint ${name} to the next stage`}
                onMove={onMove}
                text="→"
              />
            </>
          )}
          {onAddSub && (
            <button type="button" className="button button-quiet button-small tp-add-sub" disabled={disabled} onClick={onAddSub} aria-label={`Add a sub-touchpoint under ${name}`}>
              + Sub
            </button>
          )}
        </div>
      )}
    </article>
  );
}

function MoveButton({ dir, id, enabled, label, text, onMove }: { dir: MoveDirection; id: string; enabled: boolean; label: string; text: string; onMove: (d: MoveDirection) => void }) {
  return (
    <button type="button" className="button button-quiet button-small tp-move" disabled={!enabled} onClick={() => onMove(dir)} aria-label={label} title={label} data-tpmove={`${id}:${dir}`}>
      <span aria-hidden="true">{text}</span>
    </button>
  );
}

function NpsLine({ live, liveAvailable, liveLoading }: { live: TouchpointLive | null; liveAvailable: boolean; liveLoading: boolean }) {
  if (liveLoading || !liveAvailable) return null;
  if (!live?.nps || live.nps.n <= 0) return <p className="small muted">NPS: not enough data (no answers yet)</p>;
  return <ScoreBadge kind="nps" score={live.nps} />;
}

export function EmotionScale({ value }: { value: number }) {
  const level = Math.max(-2, Math.min(2, Math.round(value)));
  return (
    <span className="emotion-scale" aria-hidden="true">
      {[-2, -1, 0, 1, 2].map((step) => (
        <span key={step} className={`emotion-dot ${step === level ? `emotion-on emotion-${step < 0 ? 'neg' : step > 0 ? 'pos' : 'zero'}` : ''}`} />
      ))}
    </span>
  );
}

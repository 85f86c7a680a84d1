import { useCallback, useContext, useEffect, useId, useMemo, useRef, useState, type DragEvent, type ReactNode } from 'react';
import {
  createStage,
  createTouchpoint,
  createVersion,
  deleteStage,
  deleteTouchpoint,
  downloadJourneyCsv,
  getJourneyMap,
  getLiveMap,
  listChannels,
  renameStage,
  reorderStages,
  updateTouchpoint,
  type ApiError,
  type Channel,
  type LaneKey,
  type LiveMap,
  type MetricsSummary,
  type Scores,
  type Stage,
  type Touchpoint,
  type VersionedMap,
} from '../api';
import { createSubTouchpoint, moveTouchpointToStage as patchTouchpointStage, reorderTouchpoints, updateJourney } from '../apiMaps';
import type { MetricKind } from '../format';
import { asApiError } from '../forms';
import {
  canEditMaps,
  channelNameMap,
  expectedStageEmotion,
  LANE_NAMES,
  movedStageIds,
  notesByStage,
  observedStageEmotions,
  sortedStages,
  type StageNotes,
} from '../journeyMap';
import { onLinkClick, workspacePath } from '../router';
import { SessionContext, useApi, type Loadable } from '../session';
import { ConfirmDialog } from './ConfirmDialog';
import { EmotionChart } from './journey/EmotionChart';
import { ExportPngButton } from './journey/ExportPng';
import { LiveControls } from './journey/LiveControls';
import { PersonaPicker } from './journey/PersonaPicker';
import { TouchpointCell, type Drag, type DragControl, type MoveDirection } from './journey/TouchpointCell';
import { canDropOn, movedWithinStage, placedBefore, touchpointTree } from './journey/touchpointOrder';
import { TouchpointPanel, type WriteResult } from './journey/TouchpointPanel';
import { VersionsPanel } from './journey/VersionsPanel';
import { Loading } from './Loading';
import { ProblemMessage } from './ProblemMessage';
import { ScoreBadge } from './ScoreBadge';
import { StateTag } from './StateTag';
import './journey/editor.css';

/** Width of one stage column in px; the emotion chart's x positions use the same width. */
export const STAGE_COLUMN = 248;
/** Narrow columns, to see more of a long (e.g. 12-stage) map on a laptop screen. */
export const NARROW_STAGE_COLUMN = 196;

export const CONFLICT_MESSAGE = 'Someone else changed this map — reload to see their changes';

interface Props {
  workspaceId: string;
  workspaceName: string;
  journeyId: string;
  summary: Loadable<MetricsSummary>;
  /** The user's role in this workspace (`/api/me`); `client-viewer` sees the map read-only. */
  role?: string;
}

function byId<T extends Scores>(rows: T[] | null | undefined, id: (row: T) => string): Map<string, Scores> {
  return new Map((rows ?? []).map((row) => [id(row), row]));
}

/** The journey page: the map canvas (editable unless the user is a viewer), versions and CSV export. */
export function JourneyView({ workspaceId, workspaceName, journeyId, summary, role }: Props) {
  const key = `${workspaceId}/${journeyId}`;
  const [loaded, reloadLoaded] = useApi((signal) => getJourneyMap(workspaceId, journeyId, signal), key);
  const [liveRound, setLiveRound] = useState(0);
  const [live] = useApi((signal) => getLiveMap(workspaceId, journeyId, signal), `${key}/live/${liveRound}`);
  const [channels] = useApi((signal) => listChannels(workspaceId, signal), workspaceId);
  const [current, setCurrent] = useState<VersionedMap | null>(null);
  const canEdit = canEditMaps(role);

  useEffect(() => {
    if (loaded.status === 'ok') setCurrent(loaded.data);
  }, [loaded]);

  const name = current?.map.name ?? null;
  useEffect(() => {
    if (name) document.title = `${name} · ${workspaceName} · Waymark`;
  }, [name, workspaceName]);

  const back = workspacePath(workspaceId);
  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <a href={back} onClick={(e) => onLinkClick(e, back)}>
          {workspaceName}
        </a>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{name ?? 'Journey'}</span>
      </nav>
      {!current && loaded.status === 'loading' && <Loading label="Loading the journey map…" />}
      {!current && loaded.status === 'error' && <ProblemMessage error={loaded.error} onRetry={reloadLoaded} />}
      {current && (
        <Editor
          workspaceId={workspaceId}
          journeyId={journeyId}
          current={current}
          setCurrent={setCurrent}
          live={live}
          reloadLive={() => setLiveRound((r) => r + 1)}
          channels={channels.status === 'ok' ? channels.data.items : []}
          summary={summary}
          canEdit={canEdit}
        />
      )}
    </div>
  );
}

/** The side panel: a touchpoint (null: a new one), and the parent of a sub-touchpoint. */
type PanelState = { stage: Stage; touchpoint: Touchpoint | null; parentId: string | null } | null;

interface EditorProps {
  workspaceId: string;
  journeyId: string;
  current: VersionedMap;
  setCurrent: (v: VersionedMap) => void;
  live: Loadable<LiveMap>;
  reloadLive: () => void;
  channels: Channel[];
  summary: Loadable<MetricsSummary>;
  canEdit: boolean;
}

function Editor({ workspaceId, journeyId, current, setCurrent, live, reloadLive, channels, summary, canEdit }: EditorProps) {
  const session = useContext(SessionContext);
  const map = current.map;
  const stages = useMemo(() => sortedStages(map), [map]);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState('');
  const [panel, setPanel] = useState<PanelState>(null);
  const [deleting, setDeleting] = useState<Stage | null>(null);
  const [deleteError, setDeleteError] = useState<ApiError | null>(null);
  const [liveOn, setLiveOn] = useState(false);
  const [liveMetric, setLiveMetric] = useState<MetricKind>('nps');
  const [narrow, setNarrow] = useState(false);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [dropOver, setDropOver] = useState<string | null>(null);
  const etagRef = useRef(current.etag);
  etagRef.current = current.etag;
  const canvasRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const column = narrow ? NARROW_STAGE_COLUMN : STAGE_COLUMN;

  const liveMap = live.status === 'ok' ? live.data : null;
  const liveAvailable = live.status === 'ok' ? live.data.live.available : live.status === 'loading';
  const liveTouchpoints = useMemo(() => new Map((liveMap?.touchpoints ?? []).map((t) => [t.touchpointId, t])), [liveMap]);
  const liveStages = useMemo(() => new Map((liveMap?.stages ?? []).map((s) => [s.stageId, s])), [liveMap]);
  const metrics = summary.status === 'ok' ? summary.data : null;
  const journeyScores = useMemo(() => byId(metrics?.journeys, (r) => r.journeyId), [metrics]).get(map.id);
  const summaryStages = useMemo(() => byId(metrics?.stages, (r) => r.stageId), [metrics]);
  const channelNames = useMemo(() => channelNameMap(channels, map.channels), [channels, map.channels]);
  const notes = useMemo(() => notesByStage(map), [map]);

  /**
   * Runs one write with the map's current ETag as If-Match, then re-reads the map (new ETag). One at a
   * time: a second write with the same ETag would only meet our own change as a 412.
   */
  const run = useCallback(
    async (action: (etag: string | null) => Promise<unknown>, done: string): Promise<WriteResult> => {
      if (conflict) return { ok: false, error: null };
      setBusy(true);
      setError(null);
      setStatus('');
      try {
        await action(etagRef.current);
      } catch (e) {
        const err = asApiError(e);
        setBusy(false);
        if (err.status === 412) {
          setConflict(true);
          return { ok: false, error: err };
        }
        if (err.signedOut) session.signedOut();
        else if (err.tenantSuspended) session.suspended(err.problem);
        return { ok: false, error: err };
      }
      try {
        const fresh = await getJourneyMap(workspaceId, journeyId);
        setCurrent(fresh);
        setStatus(done);
      } catch (e) {
        setError(asApiError(e));
      } finally {
        setBusy(false);
      }
      return { ok: true };
    },
    [conflict, journeyId, session, setCurrent, workspaceId],
  );

  /** A write started from the canvas itself: its problem is shown above the map. */
  const runHere = async (action: (etag: string | null) => Promise<unknown>, done: string) => {
    const result = await run(action, done);
    if (!result.ok && result.error && result.error.status !== 412) setError(result.error);
    return result;
  };

  async function reload() {
    setReloading(true);
    try {
      const fresh = await getJourneyMap(workspaceId, journeyId);
      setCurrent(fresh);
      setConflict(false);
      setError(null);
      setStatus('Map reloaded with the latest changes.');
      reloadLive();
      // A touchpoint open in the panel may have been changed or removed by the other person.
      setPanel((p) => {
        if (!p) return p;
        const stage = sortedStages(fresh.map).find((s) => s.id === p.stage.id);
        if (!stage) return null;
        if (!p.touchpoint) return { ...p, stage };
        const tp = stage.touchpoints.find((t) => t.id === p.touchpoint!.id);
        return tp ? { stage, touchpoint: tp, parentId: p.parentId } : null;
      });
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setReloading(false);
    }
  }

  const conflictNotice = conflict ? <ConflictNotice onReload={() => void reload()} reloading={reloading} /> : null;
  const blocked = busy || conflict || !canEdit;

  const ids = stages.map((s) => s.id);
  async function move(index: number, delta: number) {
    const order = movedStageIds(ids, index, delta);
    if (!order) return;
    const stage = stages[index]!;
    await runHere((etag) => reorderStages(workspaceId, journeyId, order, etag), `Moved “${stage.name}” to position ${index + delta + 1}.`);
    // Keep the keyboard where it was: on the same button of the moved stage, if it can still move.
    requestAnimationFrame(() => {
      const dir = delta < 0 ? 'left' : 'right';
      const btn = canvasRef.current?.querySelector<HTMLButtonElement>(`[data-move="${stage.id}:${dir}"]`);
      if (btn && !btn.disabled) btn.focus();
      else canvasRef.current?.querySelector<HTMLButtonElement>(`[data-move="${stage.id}:${dir === 'left' ? 'right' : 'left'}"]`)?.focus();
    });
  }

  /** Keeps the keyboard on the moved touchpoint: the same move button, else its first enabled button. */
  function focusTouchpoint(id: string, dir: MoveDirection) {
    requestAnimationFrame(() => {
      const root = canvasRef.current;
      const btn = root?.querySelector<HTMLButtonElement>(`[data-tpmove="${id}:${dir}"]`);
      if (btn && !btn.disabled) btn.focus();
      else root?.querySelector<HTMLButtonElement>(`[data-tpcard="${id}"] button:not(:disabled)`)?.focus();
    });
  }

  /** Within a stage: one `PUT …/touchpoints/order` with the stage's whole new order. */
  function reorderIn(stage: Stage, order: string[], done: string) {
    return runHere((etag) => reorderTouchpoints(workspaceId, journeyId, stage.id, order, etag), done);
  }

  /**
   * To another stage: PATCH its `stageId` (it lands at the end there), then — with the ETag that move
   * produced — put it before `beforeId` in the new stage's order when that differs.
   */
  function moveAcross(from: Stage, tp: Touchpoint, to: Stage, beforeId: string | null) {
    return runHere(async (etag) => {
      await patchTouchpointStage(workspaceId, journeyId, from.id, tp.id, to.id, etag);
      const fresh = await getJourneyMap(workspaceId, journeyId);
      const target = (fresh.map.stages ?? []).find((s) => s.id === to.id);
      const order = target ? placedBefore(target.touchpoints ?? [], tp.id, beforeId) : null;
      if (!order) return;
      try {
        await reorderTouchpoints(workspaceId, journeyId, to.id, order, fresh.etag);
      } catch (e) {
        // The move itself is saved: show the map as it now is, with the problem of the second step.
        setCurrent(fresh);
        throw e;
      }
    }, `Moved “${tp.name}” to ${to.name}.`);
  }

  async function moveTouchpoint(stageIndex: number, tp: Touchpoint, direction: MoveDirection) {
    const stage = stages[stageIndex]!;
    if (direction === 'up' || direction === 'down') {
      const order = movedWithinStage(stage.touchpoints ?? [], tp.id, direction === 'up' ? -1 : 1);
      if (!order) return;
      await reorderIn(stage, order, `Moved “${tp.name}” ${direction}.`);
    } else {
      const to = stages[stageIndex + (direction === 'left' ? -1 : 1)];
      if (!to) return;
      await moveAcross(stage, tp, to, null);
    }
    focusTouchpoint(tp.id, direction);
  }

  async function dropTouchpoint(target: Stage, before: Touchpoint | null) {
    const d = drag;
    setDrag(null);
    setDropOver(null);
    if (!d || d.kind !== 'touchpoint' || blocked || !canDropOn(d.item, target.id, before)) return;
    const beforeId = before?.id ?? null;
    if (d.item.stageId === target.id) {
      const order = placedBefore(target.touchpoints ?? [], d.item.id, beforeId);
      if (order) await reorderIn(target, order, before ? `Moved “${d.name}” before “${before.name}”.` : `Moved “${d.name}” to the end of ${target.name}.`);
      return;
    }
    const from = stages.find((s) => s.id === d.item.stageId);
    const tp = from?.touchpoints.find((t) => t.id === d.item.id);
    if (from && tp) await moveAcross(from, tp, target, beforeId);
  }

  async function dropStage(targetIndex: number) {
    const d = drag;
    setDrag(null);
    setDropOver(null);
    if (!d || d.kind !== 'stage' || blocked) return;
    const from = ids.indexOf(d.stageId);
    const order = movedStageIds(ids, from, targetIndex - from);
    if (!order) return;
    await runHere((etag) => reorderStages(workspaceId, journeyId, order, etag), `Moved “${d.name}” to position ${targetIndex + 1}.`);
  }

  const dnd: DragControl = {
    drag,
    over: dropOver,
    setOver: setDropOver,
    start(next: Drag, event: DragEvent<HTMLElement>) {
      // Firefox starts a drag only with data set; the id stays in state, since drag-over cannot read it.
      try {
        event.dataTransfer?.setData('text/plain', next.name);
        if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
      } catch {
        // some test or legacy environments have no writable dataTransfer
      }
      setDrag(next);
    },
    end() {
      setDrag(null);
      setDropOver(null);
    },
  };

  const expected = stages.map(expectedStageEmotion);
  const observed = observedStageEmotions(stages, liveMap);
  const openTouchpoint = (stage: Stage, touchpoint: Touchpoint | null, parentId: string | null = null) => setPanel({ stage, touchpoint, parentId });
  const panelTree = panel ? touchpointTree(panel.stage.touchpoints ?? []) : [];
  const panelSubs = panel?.touchpoint ? (panelTree.find((n) => n.touchpoint.id === panel.touchpoint!.id)?.children ?? []) : [];

  return (
    <>
      <header className="journey-head">
        <div>
          <StateTag state={map.state} />
          <h1 className="page-title">{map.name}</h1>
          <p className="journey-meta">
            {map.ownerName && (
              <span>
                <span className="muted">Owner</span> {map.ownerName}
              </span>
            )}
            {map.reviewEveryDays != null && (
              <span>
                <span className="muted">Review every</span> {map.reviewEveryDays} days
              </span>
            )}
            {!canEdit && <span className="tag tag-readonly">View only</span>}
          </p>
          {map.description && <p className="journey-desc">{map.description}</p>}
          <PersonaPicker
            workspaceId={workspaceId}
            personaId={map.personaId}
            canEdit={canEdit}
            disabled={blocked}
            onChange={(personaId, personaName) =>
              runHere(
                (etag) => updateJourney(workspaceId, journeyId, { personaId }, etag),
                personaId ? `Persona set to “${personaName}”.` : 'Persona removed from the journey.',
              )
            }
          />
        </div>
        <div className="journey-head-side">
          <ScoreBadge kind="nps" score={journeyScores?.nps} />
          <CsvButton workspaceId={workspaceId} journeyId={journeyId} />
          <ExportPngButton target={() => tableRef.current} journeyName={map.name} />
        </div>
      </header>

      {conflictNotice}
      {error && <ProblemMessage error={error} />}
      <p className="form-status" role="status" aria-live="polite">
        {busy ? 'Saving…' : status}
      </p>

      <section aria-labelledby="map-title" className="map-section">
        <h2 id="map-title" className="visually-hidden">
          Journey map
        </h2>
        {stages.length > 0 && (
          <div className="map-toolbar">
            <LiveControls
              on={liveOn}
              metric={liveMetric}
              available={live.status === 'ok' && live.data.live.available}
              loading={live.status === 'loading'}
              period={liveMap?.live ?? null}
              onToggle={setLiveOn}
              onMetric={setLiveMetric}
            />
            <label className="live-switch">
              <input type="checkbox" checked={narrow} onChange={(e) => setNarrow(e.target.checked)} />
              <span>Narrow columns</span>
            </label>
            {canEdit && (
              <p className="muted small map-help" id="map-move-help">
                Drag stages and touchpoints to reorder them, or use their arrow buttons.
              </p>
            )}
          </div>
        )}
        {stages.length === 0 ? (
          <div className="empty map-empty">
            <p className="empty-title">No stages yet</p>
            <p className="empty-text">
              {canEdit
                ? 'Add stages such as Awareness, Purchase and Support to start mapping this journey.'
                : 'Nobody has mapped the stages of this journey yet.'}
            </p>
          </div>
        ) : (
          <div className="map-scroll map-scroll-tall" ref={canvasRef} tabIndex={0} role="region" aria-label="Journey map, scroll sideways for more stages">
            <table ref={tableRef} className={`map-canvas${narrow ? ' map-narrow' : ''}`} style={{ width: `calc(var(--lane-head) + ${stages.length * column}px)` }}>
              <caption className="visually-hidden">
                {map.name}: stages as columns; customer actions, touchpoints by channel, service blueprint lanes, emotion,
                pain points and opportunities as rows
              </caption>
              <colgroup>
                <col className="lane-col" />
                {stages.map((s) => (
                  <col key={s.id} style={{ width: column }} />
                ))}
              </colgroup>
              <thead>
                <tr>
                  <th scope="col" className="lane-head corner">
                    <span className="visually-hidden">Lane</span>
                  </th>
                  {stages.map((stage, index) => (
                    <StageHead
                      key={stage.id}
                      stage={stage}
                      index={index}
                      count={stages.length}
                      scores={liveStages.get(stage.id)?.nps ?? summaryStages.get(stage.id)?.nps}
                      canEdit={canEdit}
                      disabled={blocked}
                      onRename={(name) => runHere((etag) => renameStage(workspaceId, journeyId, stage.id, name, etag), `Stage renamed to “${name}”.`)}
                      onMove={(delta) => void move(index, delta)}
                      dnd={dnd}
                      onDrop={() => void dropStage(index)}
                      onDelete={() => {
                        setDeleteError(null);
                        setDeleting(stage);
                      }}
                    />
                  ))}
                </tr>
              </thead>
              <tbody>
                <LaneRow lane="customerAction" title="Customer actions" stages={stages} />
                <tr className="row-touchpoints">
                  <th scope="row" className="lane-head">
                    Touchpoints
                    <span className="lane-sub">by channel</span>
                  </th>
                  {stages.map((stage, index) => (
                    <td key={stage.id}>
                      <TouchpointCell
                        stage={stage}
                        previous={stages[index - 1] ?? null}
                        next={stages[index + 1] ?? null}
                        channelNames={channelNames}
                        live={liveTouchpoints}
                        liveAvailable={liveAvailable}
                        liveLoading={live.status === 'loading'}
                        liveView={{ on: liveOn, metric: liveMetric }}
                        canEdit={canEdit}
                        disabled={blocked}
                        dnd={dnd}
                        onOpen={(tp, parentId) => openTouchpoint(stage, tp, parentId)}
                        onMove={(tp, direction) => void moveTouchpoint(index, tp, direction)}
                        onDrop={(before) => void dropTouchpoint(stage, before)}
                      />
                    </td>
                  ))}
                </tr>
                <LaneRow lane="frontstage" title="Frontstage" stages={stages} />
                <LaneRow lane="backstage" title="Backstage" stages={stages} />
                <LaneRow lane="support" title="Support" stages={stages} />
                <tr className="row-emotion">
                  <th scope="row" className="lane-head">
                    Emotion
                    <span className="lane-sub">−2 … +2</span>
                  </th>
                  <td colSpan={stages.length} className="emotion-cell">
                    <EmotionChart
                      stages={stages}
                      expected={expected}
                      observed={observed}
                      liveAvailable={liveAvailable}
                      liveLoading={live.status === 'loading'}
                      columnWidth={column}
                    />
                  </td>
                </tr>
                <tr className="row-notes">
                  <th scope="row" className="lane-head">
                    Pain points
                  </th>
                  {stages.map((stage) => (
                    <td key={stage.id}>
                      <PainPoints notes={notes.get(stage.id)} />
                    </td>
                  ))}
                </tr>
                <tr className="row-notes">
                  <th scope="row" className="lane-head">
                    Opportunities
                  </th>
                  {stages.map((stage) => (
                    <td key={stage.id}>
                      <Opportunities notes={notes.get(stage.id)} />
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
        )}
        {canEdit && (
          <AddStage
            disabled={blocked}
            onAdd={(name) => runHere((etag) => createStage(workspaceId, journeyId, { name }, etag), `Stage “${name}” added.`)}
          />
        )}
        <LooseNotes notes={notes.get(null)} />
      </section>

      <VersionsPanel
        workspaceId={workspaceId}
        journeyId={journeyId}
        canEdit={canEdit}
        writeBlocked={busy || conflict}
        // The panel announces the save itself, next to its button.
        onSave={(label) => runHere((etag) => createVersion(workspaceId, journeyId, label, etag), '')}
      />

      {panel && canEdit && (
        <TouchpointPanel
          key={`${panel.stage.id}/${panel.touchpoint?.id ?? 'new'}/${panel.parentId ?? ''}`}
          stage={panel.stage}
          touchpoint={panel.touchpoint}
          parentId={panel.parentId}
          parentOptions={panelTree.map((n) => n.touchpoint)}
          subTouchpoints={panelSubs}
          onOpenSub={(sub) => setPanel({ stage: panel.stage, touchpoint: sub, parentId: panel.touchpoint!.id })}
          channels={channels.length > 0 ? channels : (map.channels ?? [])}
          live={panel.touchpoint ? (liveTouchpoints.get(panel.touchpoint.id) ?? null) : null}
          liveAvailable={liveAvailable}
          conflict={conflictNotice}
          onClose={() => setPanel(null)}
          onSave={async (body) => {
            const tp = panel.touchpoint;
            const { parentTouchpointId, ...fields } = body;
            const result = tp
              ? await run((etag) => updateTouchpoint(workspaceId, journeyId, panel.stage.id, tp.id, body, etag), `Touchpoint “${body.name}” saved.`)
              : parentTouchpointId
                ? await run(
                    (etag) => createSubTouchpoint(workspaceId, journeyId, panel.stage.id, parentTouchpointId, fields, etag),
                    `Sub-touchpoint “${body.name}” added.`,
                  )
                : await run((etag) => createTouchpoint(workspaceId, journeyId, panel.stage.id, fields, etag), `Touchpoint “${body.name}” added.`);
            if (result.ok) setPanel(null);
            return result;
          }}
          onDelete={async () => {
            const tp = panel.touchpoint!;
            const result = await run((etag) => deleteTouchpoint(workspaceId, journeyId, panel.stage.id, tp.id, etag), `Touchpoint “${tp.name}” deleted.`);
            if (result.ok) setPanel(null);
            return result;
          }}
        />
      )}

      {deleting && (
        <ConfirmDialog
          title={`Delete the stage “${deleting.name}”?`}
          confirmLabel="Delete stage"
          busyLabel="Deleting…"
          danger
          busy={busy}
          error={deleteError}
          onCancel={() => setDeleting(null)}
          onConfirm={async () => {
            const stage = deleting;
            const result = await run((etag) => deleteStage(workspaceId, journeyId, stage.id, etag), `Stage “${stage.name}” deleted.`);
            if (result.ok || result.error?.status === 412) setDeleting(null);
            else setDeleteError(result.error);
          }}
        >
          <p>
            {stageDeleteText(deleting)} Notes placed at it stay on the journey; later stages move up. You can get it back only from a saved
            version.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}

function stageDeleteText(stage: Stage): string {
  const n = stage.touchpoints?.length ?? 0;
  if (n === 0) return 'It has no touchpoints.';
  return `Its ${n} touchpoint${n === 1 ? '' : 's'} (with their blueprint lanes) will be deleted too.`;
}

export function ConflictNotice({ onReload, reloading }: { onReload: () => void; reloading: boolean }) {
  return (
    <div className="notice notice-warning conflict" role="alert">
      <p className="notice-title">{CONFLICT_MESSAGE}</p>
      <p className="notice-detail">Your last change was not saved, so nothing of theirs was overwritten.</p>
      <button type="button" className="button button-primary button-small" onClick={onReload} disabled={reloading}>
        {reloading ? 'Reloading…' : 'Reload'}
      </button>
    </div>
  );
}

function StageHead({
  stage,
  index,
  count,
  scores,
  canEdit,
  disabled,
  onRename,
  onMove,
  onDelete,
  dnd,
  onDrop,
}: {
  stage: Stage;
  index: number;
  count: number;
  scores: Scores['nps'] | undefined;
  canEdit: boolean;
  disabled: boolean;
  onRename: (name: string) => Promise<WriteResult>;
  onMove: (delta: number) => void;
  onDelete: () => void;
  dnd: DragControl;
  onDrop: () => void;
}) {
  const inputId = useId();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(stage.name);
  const [error, setError] = useState<string | null>(null);
  const renameButton = useRef<HTMLButtonElement>(null);

  function cancel() {
    setEditing(false);
    setError(null);
    requestAnimationFrame(() => renameButton.current?.focus());
  }

  async function save() {
    const name = value.trim();
    if (name === '' || name.length > 200) {
      setError(name === '' ? 'Give the stage a name' : 'Use at most 200 characters');
      return;
    }
    if (name === stage.name) {
      cancel();
      return;
    }
    const result = await onRename(name);
    if (result.ok) cancel();
    else if (result.error && result.error.status !== 412) setError(result.error.problem.errors?.[0]?.message ?? result.error.problem.title);
  }

  const dropKey = `stage:${stage.id}`;
  const draggable = canEdit && !disabled && !editing;
  const accepts = draggable && dnd.drag?.kind === 'stage' && dnd.drag.stageId !== stage.id;
  return (
    <th
      scope="col"
      className={`stage-col${draggable ? ' stage-draggable' : ''}${dnd.over === dropKey ? ' drop-stage-active' : ''}${dnd.drag?.kind === 'stage' && dnd.drag.stageId === stage.id ? ' is-dragging' : ''}`}
      data-stage-head={stage.id}
      draggable={draggable || undefined}
      onDragStart={draggable ? (e) => dnd.start({ kind: 'stage', stageId: stage.id, name: stage.name }, e) : undefined}
      onDragEnd={draggable ? () => dnd.end() : undefined}
      onDragOver={(e) => {
        if (!accepts) return;
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
        if (dnd.over !== dropKey) dnd.setOver(dropKey);
      }}
      onDrop={(e) => {
        if (!accepts) return;
        e.preventDefault();
        onDrop();
      }}
    >
      <div className="stage-col-head">
        {editing ? (
          <form
            className="rename-form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <label htmlFor={inputId} className="visually-hidden">
              Stage name
            </label>
            <input
              id={inputId}
              value={value}
              autoFocus
              autoComplete="off"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${inputId}-error` : undefined}
              onChange={(e) => setValue(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.preventDefault();
                  cancel();
                }
              }}
            />
            {error && (
              <p id={`${inputId}-error`} className="field-error">
                {error}
              </p>
            )}
            <div className="stage-actions">
              <button type="submit" className="button button-primary button-small" disabled={disabled}>
                Save
              </button>
              <button type="button" className="button button-secondary button-small" onClick={cancel}>
                Cancel
              </button>
            </div>
          </form>
        ) : (
          <h3 className="stage-title">
            <span className="stage-number" aria-hidden="true">
              {index + 1}
            </span>
            <span>{stage.name}</span>
          </h3>
        )}
        <ScoreBadge kind="nps" score={scores} />
        {canEdit && !editing && (
          <div className="stage-actions" role="group" aria-label={`Stage ${stage.name}`} data-export="skip">
            <button
              ref={renameButton}
              type="button"
              className="button button-quiet button-small"
              disabled={disabled}
              onClick={() => {
                setValue(stage.name);
                setEditing(true);
              }}
              aria-label={`Rename stage ${stage.name}`}
            >
              Rename
            </button>
            <button
              type="button"
              className="button button-quiet button-small"
              disabled={disabled || index === 0}
              onClick={() => onMove(-1)}
              aria-label={`Move stage ${stage.name} left`}
              data-move={`${stage.id}:left`}
            >
              ←
            </button>
            <button
              type="button"
              className="button button-quiet button-small"
              disabled={disabled || index === count - 1}
              onClick={() => onMove(1)}
              aria-label={`Move stage ${stage.name} right`}
              data-move={`${stage.id}:right`}
            >
              →
            </button>
            <button
              type="button"
              className="button button-quiet button-small button-danger-text"
              disabled={disabled}
              onClick={onDelete}
              aria-label={`Delete stage ${stage.name}`}
            >
              Delete
            </button>
          </div>
        )}
      </div>
    </th>
  );
}

function LaneRow({ lane, title, stages }: { lane: LaneKey; title: string; stages: Stage[] }) {
  return (
    <tr className={`row-lane row-${lane}`}>
      <th scope="row" className="lane-head">
        {title}
        <span className="lane-sub">{lane === 'support' ? `${LANE_NAMES.support}, ` : ''}with owning team</span>
      </th>
      {stages.map((stage) => {
        // In the canvas's order: each touchpoint, then its sub-touchpoints (marked as such).
        const tree = touchpointTree(stage.touchpoints ?? []);
        const subs = new Set(tree.flatMap((n) => n.children.map((c) => c.id)));
        const entries = tree.flatMap((n) => [n.touchpoint, ...n.children]).filter((tp) => tp[lane]?.text);
        return (
          <td key={stage.id}>
            {entries.length === 0 ? (
              <Empty />
            ) : (
              <ul className="lane-list">
                {entries.map((tp) => (
                  <li key={tp.id} className={subs.has(tp.id) ? 'lane-entry lane-entry-sub' : 'lane-entry'}>
                    <span className="lane-touchpoint">
                      {subs.has(tp.id) && <span className="visually-hidden">Sub-touchpoint: </span>}
                      {tp.name}
                    </span>
                    <span className="lane-text">{tp[lane]!.text}</span>
                    {tp[lane]!.owningTeam && <span className="tag tag-team">Team: {tp[lane]!.owningTeam}</span>}
                  </li>
                ))}
              </ul>
            )}
          </td>
        );
      })}
    </tr>
  );
}

function Empty() {
  return (
    <span className="lane-empty">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">none</span>
    </span>
  );
}

function PainPoints({ notes }: { notes: StageNotes | undefined }) {
  const items = notes?.painPoints ?? [];
  if (items.length === 0) return <Empty />;
  return (
    <ul className="note-list">
      {items.map((p) => (
        <li key={p.id} className="note note-pain">
          <span className="note-title">{p.title}</span>
          <span className="small muted">Severity {p.severity} of 5</span>
        </li>
      ))}
    </ul>
  );
}

function Opportunities({ notes }: { notes: StageNotes | undefined }) {
  const items = notes?.opportunities ?? [];
  if (items.length === 0) return <Empty />;
  return (
    <ul className="note-list">
      {items.map((o) => (
        <li key={o.id} className="note note-opportunity">
          <span className="note-title">{o.title}</span>
          <span className="small muted">
            {o.status} · impact {o.impact}, effort {o.effort}
            {o.owner ? ` · ${o.owner}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

function LooseNotes({ notes }: { notes: StageNotes | undefined }) {
  if (!notes || (notes.painPoints.length === 0 && notes.opportunities.length === 0)) return null;
  return (
    <div className="panel loose-notes">
      <h3 className="panel-sub">Across the whole journey</h3>
      <div className="loose-grid">
        {notes.painPoints.length > 0 && (
          <div>
            <h4>Pain points</h4>
            <PainPoints notes={notes} />
          </div>
        )}
        {notes.opportunities.length > 0 && (
          <div>
            <h4>Opportunities</h4>
            <Opportunities notes={notes} />
          </div>
        )}
      </div>
    </div>
  );
}

function AddStage({ disabled, onAdd }: { disabled: boolean; onAdd: (name: string) => Promise<WriteResult> }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);

  function close() {
    setOpen(false);
    setName('');
    setError(null);
    requestAnimationFrame(() => opener.current?.focus());
  }

  if (!open) {
    return (
      <p className="add-stage">
        <button ref={opener} type="button" className="button button-secondary" disabled={disabled} onClick={() => setOpen(true)}>
          + Add stage
        </button>
      </p>
    );
  }
  return (
    <form
      className="inline-form add-stage"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const trimmed = name.trim();
        if (trimmed === '' || trimmed.length > 200) {
          setError(trimmed === '' ? 'Give the stage a name, e.g. Awareness' : 'Use at most 200 characters');
          return;
        }
        const result = await onAdd(trimmed);
        if (result.ok) close();
        else if (result.error && result.error.status !== 412) setError(result.error.problem.errors?.[0]?.message ?? result.error.problem.title);
      }}
    >
      <div className={error ? 'field field-invalid' : 'field'}>
        <label htmlFor={id} className="field-label">
          New stage name
        </label>
        <input
          id={id}
          value={name}
          autoFocus
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              close();
            }
          }}
        />
        {error && (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        )}
      </div>
      <button type="submit" className="button button-primary" disabled={disabled}>
        Add stage
      </button>
      <button type="button" className="button button-secondary" onClick={close}>
        Cancel
      </button>
    </form>
  );
}

function CsvButton({ workspaceId, journeyId }: { workspaceId: string; journeyId: string }): ReactNode {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  async function download() {
    setBusy(true);
    setError(null);
    try {
      const { blob, filename } = await downloadJourneyCsv(workspaceId, journeyId);
      if (typeof URL.createObjectURL === 'function') {
        const url = URL.createObjectURL(blob);
        const a = document.createElement('a');
        a.href = url;
        a.download = filename;
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      }
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="csv">
      <button type="button" className="button button-secondary" onClick={() => void download()} disabled={busy}>
        {busy ? 'Preparing…' : 'Download CSV'}
      </button>
      {error && <ProblemMessage error={error} />}
    </div>
  );
}


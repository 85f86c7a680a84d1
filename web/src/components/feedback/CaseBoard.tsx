import { useEffect, useMemo, useState } from 'react';
import type { ApiError, WorkspaceAccess } from '../../api';
import { CASE_STATUSES, listCases, listSurveys, updateCase, type CaseStatus, type FollowUpCase } from '../../apiFeedback';
import { formatDate, formatDateTime } from '../../dates';
import { asApiError } from '../../forms';
import { usePaged, type Paged } from '../../paged';
import { journeyPath, onLinkClick, responsesPath } from '../../router';
import { useApi } from '../../session';
import { LoadMore } from '../LoadMore';
import { Loading } from '../Loading';
import { ProblemMessage } from '../ProblemMessage';
import { catalogOf, useCatalog, type Catalog } from './catalog';
import { CasePanel } from './CasePanel';
import { canEditFeedback } from './roles';

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = { open: 'Open', 'in-progress': 'In progress', closed: 'Closed' };

const PAGE = 50;

/** Follow-up cases in three columns by status; moving a case is a status change (closing asks for a resolution). */
export function CaseBoard({ workspace }: { workspace: WorkspaceAccess }) {
  const canEdit = canEditFeedback(workspace.role);
  const [catalogState] = useCatalog(workspace.id);
  const catalog = catalogOf(catalogState);
  const [surveysState] = useApi((signal) => listSurveys(workspace.id, { limit: 200, signal }), `case-surveys:${workspace.id}`);
  const surveyNames = useMemo(
    () => new Map(surveysState.status === 'ok' ? surveysState.data.items.map((s) => [s.id, s.name]) : []),
    [surveysState],
  );
  const open = usePaged<FollowUpCase>((cursor, signal) => listCases(workspace.id, { status: 'open', cursor, signal, limit: PAGE }), `cases:${workspace.id}:open`);
  const progress = usePaged<FollowUpCase>(
    (cursor, signal) => listCases(workspace.id, { status: 'in-progress', cursor, signal, limit: PAGE }),
    `cases:${workspace.id}:in-progress`,
  );
  const closed = usePaged<FollowUpCase>((cursor, signal) => listCases(workspace.id, { status: 'closed', cursor, signal, limit: PAGE }), `cases:${workspace.id}:closed`);
  const columns: Record<CaseStatus, Paged<FollowUpCase>> = { open, 'in-progress': progress, closed };
  const [panel, setPanel] = useState<{ followUp: FollowUpCase; closing: boolean } | null>(null);
  const [moving, setMoving] = useState<string | null>(null);
  const [moveError, setMoveError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    document.title = `Follow-up cases · ${workspace.name} · Waymark`;
  }, [workspace.name]);

  const owners = useMemo(() => {
    const all = [...open.items, ...progress.items, ...closed.items].map((c) => c.owner).filter((o): o is string => !!o);
    return [...new Set(all)].sort((a, b) => a.localeCompare(b));
  }, [open.items, progress.items, closed.items]);

  /** Puts the saved case in its column (moving it when its status changed). */
  function place(before: FollowUpCase, after: FollowUpCase) {
    if (before.status === after.status) {
      columns[after.status].update((items) => items.map((c) => (c.id === after.id ? after : c)));
    } else {
      columns[before.status].update((items) => items.filter((c) => c.id !== after.id));
      columns[after.status].update((items) => [after, ...items.filter((c) => c.id !== after.id)]);
    }
  }

  async function move(followUp: FollowUpCase, to: CaseStatus) {
    if (to === 'closed') {
      // Closing needs a resolution: the panel asks for it.
      setPanel({ followUp, closing: true });
      return;
    }
    setMoving(followUp.id);
    setMoveError(null);
    try {
      const saved = await updateCase(workspace.id, followUp.id, { status: to }, followUp.version);
      place(followUp, saved);
      setStatus(`“${saved.title}” moved to ${CASE_STATUS_LABELS[to]}.`);
    } catch (e) {
      setMoveError(asApiError(e));
    } finally {
      setMoving(null);
    }
  }

  return (
    <div className="page">
      <div className="page-head">
        <p className="breadcrumb">{workspace.name}</p>
        <h1 className="page-title">
          Follow-up cases
          {!canEdit && <span className="tag tag-readonly">View only</span>}
        </h1>
        <p className="page-sub">Closing the loop with unhappy respondents: who calls back, by when, and how it ended.</p>
      </div>
      <p className="form-status" role="status" aria-live="polite">
        {status}
      </p>
      {moveError && <ProblemMessage error={moveError} />}
      <div className="fb-board">
        {CASE_STATUSES.map((s) => (
          <section key={s} className={`fb-column fb-column-${s}`} aria-labelledby={`cases-${s}-title`}>
            <h2 id={`cases-${s}-title`} className="fb-column-title">
              {CASE_STATUS_LABELS[s]}
              {columns[s].first.status === 'ok' && (
                <span className="fb-count">
                  {columns[s].items.length}
                  {columns[s].nextCursor ? '+' : ''}
                  <span className="visually-hidden"> cases</span>
                </span>
              )}
            </h2>
            {columns[s].first.status === 'loading' && <Loading label="Loading cases…" />}
            {columns[s].first.status === 'error' && <ProblemMessage error={(columns[s].first as { error: ApiError }).error} onRetry={columns[s].reload} />}
            {columns[s].first.status === 'ok' && columns[s].items.length === 0 && <p className="muted fb-column-empty">No cases.</p>}
            <ul className="fb-cards">
              {columns[s].items.map((c) => (
                <li key={c.id}>
                  <CaseCard
                    followUp={c}
                    workspaceId={workspace.id}
                    catalog={catalog}
                    surveyName={c.surveyId ? surveyNames.get(c.surveyId) : undefined}
                    canEdit={canEdit}
                    busy={moving === c.id}
                    onOpen={() => setPanel({ followUp: c, closing: false })}
                    onMove={(to) => void move(c, to)}
                  />
                </li>
              ))}
            </ul>
            <LoadMore list={columns[s]} label="Load more cases" />
          </section>
        ))}
      </div>
      {panel && (
        <CasePanel
          key={panel.followUp.id}
          workspaceId={workspace.id}
          followUp={panel.followUp}
          closing={panel.closing}
          canEdit={canEdit}
          owners={owners}
          catalog={catalog}
          surveyName={panel.followUp.surveyId ? surveyNames.get(panel.followUp.surveyId) : undefined}
          onSaved={(saved) => {
            place(panel.followUp, saved);
            setPanel({ followUp: saved, closing: false });
            setStatus(`“${saved.title}” saved.`);
          }}
          onClose={() => setPanel(null)}
        />
      )}
    </div>
  );
}

interface CardProps {
  followUp: FollowUpCase;
  workspaceId: string;
  catalog: Catalog | null;
  surveyName: string | undefined;
  canEdit: boolean;
  busy: boolean;
  onOpen: () => void;
  onMove: (to: CaseStatus) => void;
}

function CaseCard({ followUp: c, workspaceId, catalog, surveyName, canEdit, busy, onOpen, onMove }: CardProps) {
  const touchpoint = c.touchpointId ? catalog?.touchpoints.get(c.touchpointId) : undefined;
  const titleId = `case-${c.id}-title`;
  return (
    <article className={c.overdue ? 'fb-card fb-card-overdue' : 'fb-card'} aria-labelledby={titleId}>
      <h3 id={titleId} className="fb-card-title">
        <button type="button" className="link-button" onClick={onOpen}>
          {c.title}
        </button>
      </h3>
      <p className="fb-card-meta">
        {c.origin === 'detractor' && <span className="tag fb-tag-detractor">Detractor</span>}
        {c.overdue && <span className="tag fb-tag-overdue">Overdue</span>}
        <span>{c.owner ? `Owner: ${c.owner}` : 'No owner'}</span>
      </p>
      <p className="fb-card-meta">
        {c.status === 'closed' ? (
          <span>Closed {formatDate(c.closedAt)}</span>
        ) : (
          <span>
            Due <time dateTime={c.dueAt}>{formatDateTime(c.dueAt)}</time>
          </span>
        )}
      </p>
      <p className="fb-card-links">
        {c.responseId && (
          <a href={responsesPath(workspaceId, c.responseId)} onClick={(e) => onLinkClick(e, responsesPath(workspaceId, c.responseId))}>
            Response<span className="visually-hidden"> of case {c.title}</span>
          </a>
        )}
        {touchpoint && (
          <a href={journeyPath(workspaceId, touchpoint.journeyId)} onClick={(e) => onLinkClick(e, journeyPath(workspaceId, touchpoint.journeyId))}>
            {touchpoint.name}
          </a>
        )}
        {surveyName && <span className="muted">{surveyName}</span>}
      </p>
      {canEdit && (
        <div className="fb-card-actions" role="group" aria-label={`Move case ${c.title}`}>
          {c.status === 'open' && (
            <button type="button" className="button button-secondary button-small" disabled={busy} aria-label={`Start case ${c.title}`} onClick={() => onMove('in-progress')}>
              Start
            </button>
          )}
          {c.status !== 'closed' && (
            <button type="button" className="button button-secondary button-small" disabled={busy} aria-label={`Close case ${c.title}…`} onClick={() => onMove('closed')}>
              Close…
            </button>
          )}
          {c.status === 'closed' && (
            <button type="button" className="button button-secondary button-small" disabled={busy} aria-label={`Reopen case ${c.title}`} onClick={() => onMove('open')}>
              Reopen
            </button>
          )}
        </div>
      )}
    </article>
  );
}

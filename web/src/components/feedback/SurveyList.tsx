import { useEffect, useState } from 'react';
import type { WorkspaceAccess } from '../../api';
import { listSurveys, type Survey, type SurveyStatus } from '../../apiFeedback';
import { formatDateTime } from '../../dates';
import { usePaged } from '../../paged';
import { onLinkClick, responsesPath, surveyPath } from '../../router';
import { EmptyState } from '../EmptyState';
import { LoadMore } from '../LoadMore';
import { Loading } from '../Loading';
import { ProblemMessage } from '../ProblemMessage';
import { catalogOf, journeyLabel, touchpointLabel, useCatalog } from './catalog';
import { canEditFeedback } from './roles';
import { languageName } from './surveyDraft';

const STATUS_LABELS: Record<SurveyStatus, string> = { draft: 'Draft', active: 'Live', closed: 'Closed' };

export function StatusTag({ status }: { status: SurveyStatus }) {
  return <span className={`tag fb-status fb-status-${status}`}>{STATUS_LABELS[status] ?? status}</span>;
}

const PAGE = 50;

/** The workspace's surveys, newest first, with a status filter. */
export function SurveyList({ workspace }: { workspace: WorkspaceAccess }) {
  const [status, setStatus] = useState<SurveyStatus | ''>('');
  const [catalogState] = useCatalog(workspace.id);
  const catalog = catalogOf(catalogState);
  const canEdit = canEditFeedback(workspace.role);
  const list = usePaged<Survey>(
    (cursor, signal) => listSurveys(workspace.id, { cursor, signal, limit: PAGE, status: status || undefined }),
    `surveys:${workspace.id}:${status}`,
  );

  useEffect(() => {
    document.title = `Surveys · ${workspace.name} · Waymark`;
  }, [workspace.name]);

  const newPath = surveyPath(workspace.id, 'new');
  return (
    <div className="page">
      <div className="page-head page-head-row">
        <div>
          <p className="breadcrumb">{workspace.name}</p>
          <h1 className="page-title">Surveys</h1>
          <p className="page-sub">Questions you ask at a touchpoint, in your customers’ languages.</p>
        </div>
        {canEdit && (
          <a className="button button-primary" href={newPath} onClick={(e) => onLinkClick(e, newPath)}>
            New survey
          </a>
        )}
      </div>
      <section className="panel" aria-labelledby="surveys-title">
        <div className="panel-head">
          <h2 id="surveys-title">All surveys</h2>
        </div>
        <div className="filter-row">
          <div className="field">
            <label htmlFor="surveys-status" className="field-label">
              Status
            </label>
            <select id="surveys-status" value={status} onChange={(e) => setStatus(e.target.value as SurveyStatus | '')}>
              <option value="">All</option>
              <option value="draft">Drafts</option>
              <option value="active">Live</option>
              <option value="closed">Closed</option>
            </select>
          </div>
        </div>
        {list.first.status === 'loading' && <Loading label="Loading surveys…" />}
        {list.first.status === 'error' && <ProblemMessage error={list.first.error} onRetry={list.reload} />}
        {list.first.status === 'ok' && list.items.length === 0 && (
          <EmptyState title={status ? 'No surveys with this status' : 'No surveys yet'}>
            <p>{canEdit ? 'Create one, pick its touchpoint and publish it as a link, a QR code or a website widget.' : 'Surveys your team creates will be listed here.'}</p>
          </EmptyState>
        )}
        {list.items.length > 0 && (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Surveys</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Status</th>
                  <th scope="col">About</th>
                  <th scope="col">Languages</th>
                  <th scope="col">Questions</th>
                  <th scope="col">Updated</th>
                  <th scope="col">
                    <span className="visually-hidden">Responses</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((s) => {
                  const path = surveyPath(workspace.id, s.id);
                  const answers = `${responsesPath(workspace.id)}?survey=${encodeURIComponent(s.id)}`;
                  return (
                    <tr key={s.id}>
                      <th scope="row">
                        <a href={path} onClick={(e) => onLinkClick(e, path)}>
                          {s.name}
                        </a>
                      </th>
                      <td>
                        <StatusTag status={s.status} />
                      </td>
                      <td>{s.touchpointId ? touchpointLabel(catalog, s.touchpointId) : s.journeyId ? journeyLabel(catalog, s.journeyId) : <span className="muted">Workspace</span>}</td>
                      <td>
                        {s.languages.map((l, i) => (
                          <span key={l} title={languageName(l)} className="mono">
                            {i > 0 ? ', ' : ''}
                            {l}
                          </span>
                        ))}
                      </td>
                      <td>{s.questions.length}</td>
                      <td className="nowrap">
                        <time dateTime={s.updatedAt}>{formatDateTime(s.updatedAt)}</time>
                      </td>
                      <td className="nowrap">
                        {s.status !== 'draft' && (
                          <a href={answers} onClick={(e) => onLinkClick(e, answers)}>
                            Responses<span className="visually-hidden"> to {s.name}</span>
                          </a>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <LoadMore list={list} label="Load more surveys" />
      </section>
    </div>
  );
}

import { useEffect, useState, type FormEvent } from 'react';
import { listAudit, type AuditEvent } from '../../api';
import { formatDateTime } from '../../dates';
import { usePaged } from '../../paged';
import { EmptyState } from '../EmptyState';
import { LoadMore } from '../LoadMore';
import { Loading } from '../Loading';
import { ProblemMessage } from '../ProblemMessage';

const PAGE = 50;

/** "member.role-changed" → "Member role changed" */
export function actionLabel(action: string): string {
  const words = action.replace(/[._-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function scalar(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The event's details as "key: value" pairs; nested values stay compact JSON. */
export function detailPairs(details: unknown): [string, string][] {
  if (details === null || details === undefined) return [];
  if (typeof details !== 'object' || Array.isArray(details)) return [['', scalar(details)]];
  return Object.entries(details as Record<string, unknown>).map(([k, v]) => [k, scalar(v)]);
}

export function AuditLog({ tenant }: { tenant: { id: string; name: string } }) {
  useEffect(() => {
    document.title = `Audit log · ${tenant.name} · Waymark`;
  }, [tenant.name]);
  const [draft, setDraft] = useState('');
  const [action, setAction] = useState('');
  const list = usePaged<AuditEvent>(
    (cursor, signal) => listAudit(tenant.id, { cursor, signal, limit: PAGE, action: action || undefined }),
    `audit:${tenant.id}:${action}`,
  );

  function apply(event: FormEvent) {
    event.preventDefault();
    setAction(draft.trim());
  }

  return (
    <div className="page">
      <div className="page-head">
        <p className="breadcrumb">{tenant.name}</p>
        <h1 className="page-title">Audit log</h1>
        <p className="page-sub">Who changed the agency, its workspaces and its members — newest first.</p>
      </div>
      <section className="panel" aria-labelledby="audit-title">
        <div className="panel-head">
          <h2 id="audit-title">Events</h2>
        </div>
        <form className="filter-row" onSubmit={apply} role="search" aria-label="Filter the audit log">
          <div className="field">
            <label htmlFor="audit-action" className="field-label">
              Action
            </label>
            <input
              id="audit-action"
              value={draft}
              placeholder="e.g. member.removed"
              spellCheck={false}
              list="audit-actions"
              aria-describedby="audit-action-hint"
              onChange={(e) => setDraft(e.target.value)}
            />
            <datalist id="audit-actions">
              {['tenant.updated', 'tenant.suspended', 'workspace.created', 'workspace.updated', 'workspace.deleted', 'member.added', 'member.role-changed', 'member.removed'].map((a) => (
                <option key={a} value={a} />
              ))}
            </datalist>
            <p id="audit-action-hint" className="field-hint">
              Exact action name; leave empty for all.
            </p>
          </div>
          <div className="filter-actions">
            <button type="submit" className="button button-secondary">
              Apply
            </button>
            {action && (
              <button
                type="button"
                className="button button-quiet"
                onClick={() => {
                  setDraft('');
                  setAction('');
                }}
              >
                Clear
              </button>
            )}
          </div>
        </form>
        {list.first.status === 'loading' && <Loading label="Loading the audit log…" />}
        {list.first.status === 'error' && <ProblemMessage error={list.first.error} onRetry={list.reload} />}
        {list.first.status === 'ok' && list.items.length === 0 && (
          <EmptyState title={action ? `No “${action}” events` : 'No events yet'}>
            <p>{action ? 'Try another action or clear the filter.' : 'Changes to the agency, its workspaces and members will be listed here.'}</p>
          </EmptyState>
        )}
        {list.items.length > 0 && (
          <div className="table-wrap">
            <table className="table table-audit">
              <caption className="visually-hidden">Audit events{action ? `, action ${action}` : ''}</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">Target</th>
                  <th scope="col">Details</th>
                  <th scope="col">From</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((e) => (
                  <tr key={e.id}>
                    <td className="nowrap">
                      <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                    </td>
                    <td>{e.actor?.username ?? e.actor?.userId ?? '—'}</td>
                    <td>
                      <span className="action-name">{actionLabel(e.action)}</span>
                      <span className="mono muted small"> {e.action}</span>
                    </td>
                    <td>
                      <span>{e.target?.type}</span>
                      <span className="mono muted small" title={e.target?.id}>
                        {' '}
                        {e.target?.id?.slice(0, 8)}
                      </span>
                      {e.workspaceId && e.target?.type !== 'workspace' && (
                        <span className="muted small" title={e.workspaceId}>
                          {' '}
                          in workspace {e.workspaceId.slice(0, 8)}
                        </span>
                      )}
                    </td>
                    <td>
                      <dl className="details">
                        {detailPairs(e.details).map(([k, v]) => (
                          <div key={k}>
                            {k && <dt>{k}</dt>}
                            <dd>{v}</dd>
                          </div>
                        ))}
                      </dl>
                    </td>
                    <td className="small">
                      <span className="mono">{e.ip ?? '—'}</span>
                      {e.userAgent && (
                        <span className="muted ua" title={e.userAgent}>
                          {' '}
                          {e.userAgent.length > 40 ? `${e.userAgent.slice(0, 40)}…` : e.userAgent}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <LoadMore list={list} label="Load older events" />
      </section>
    </div>
  );
}

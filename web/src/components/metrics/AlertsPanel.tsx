import { useState } from 'react';
import { ApiError } from '../../api';
import { acknowledgeAlert, listAlerts, type Alert, type AlertStatus } from '../../apiMetrics';
import { formatDateTime } from '../../dates';
import { asApiError } from '../../forms';
import { formatCount, formatValue, METRIC_NAMES } from '../../format';
import { usePaged } from '../../paged';
import { EmptyState } from '../EmptyState';
import { LoadMore } from '../LoadMore';
import { Loading } from '../Loading';
import { ProblemMessage } from '../ProblemMessage';
import { conditionText, scopeText } from './alertText';

interface Props {
  workspaceId: string;
  canWrite: boolean;
  names: Map<string, string>;
}

type Show = AlertStatus | 'all';

/** Alerts the rules raised, newest first; writers acknowledge them. */
export function AlertsPanel({ workspaceId, canWrite, names }: Props) {
  const [show, setShow] = useState<Show>('open');
  const list = usePaged<Alert>(
    (cursor, signal) => listAlerts(workspaceId, { status: show === 'all' ? null : show, cursor, signal }),
    `alerts:${workspaceId}:${show}`,
  );
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState('');

  async function acknowledge(alert: Alert) {
    setBusy(alert.alertId);
    setError(null);
    setStatus('');
    try {
      const updated = await acknowledgeAlert(workspaceId, alert.alertId);
      const next: Alert = updated && updated.alertId ? updated : { ...alert, status: 'acknowledged', acknowledgedAt: new Date().toISOString() };
      list.update((items) => items.map((a) => (a.alertId === alert.alertId ? next : a)));
      setStatus(`Alert on ${METRIC_NAMES[alert.metric]} acknowledged.`);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="panel" aria-labelledby="alerts-title">
      <div className="panel-head">
        <h2 id="alerts-title">Alerts</h2>
        <div className="field mx-field-inline">
          <label htmlFor="alerts-show" className="field-label">
            Show
          </label>
          <select id="alerts-show" value={show} onChange={(e) => setShow(e.target.value as Show)}>
            <option value="open">Open</option>
            <option value="acknowledged">Acknowledged</option>
            <option value="all">All</option>
          </select>
        </div>
      </div>
      {error && <ProblemMessage error={error} />}
      <p className="form-status" role="status" aria-live="polite">
        {status}
      </p>
      {list.first.status === 'loading' && <Loading label="Loading alerts…" />}
      {list.first.status === 'error' && <ProblemMessage error={list.first.error} onRetry={list.reload} />}
      {list.first.status === 'ok' && list.items.length === 0 && (
        <EmptyState title={show === 'open' ? 'No open alerts' : 'No alerts'}>
          <p>An alert appears here when one of the rules below fires.</p>
        </EmptyState>
      )}
      {list.items.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Alerts, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Raised</th>
                <th scope="col">Scope</th>
                <th scope="col">Rule</th>
                <th scope="col">What happened</th>
                <th scope="col">Status</th>
                {canWrite && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {list.items.map((a) => {
                const open = a.status === 'open';
                return (
                  <tr key={a.alertId}>
                    <td className="nowrap">{formatDateTime(a.raisedAt)}</td>
                    <td>{scopeText(a.scope, names)}</td>
                    <td>{conditionText(a.metric, a.condition)}</td>
                    <td>
                      {a.value != null && (
                        <span className="alert-value">
                          {METRIC_NAMES[a.metric]} {formatValue(a.metric, a.value)} (n = {formatCount(a.n)})
                          {a.previousValue != null && <> from {formatValue(a.metric, a.previousValue)}</>}
                        </span>
                      )}
                      <span className="alert-reason">{a.reason}</span>
                    </td>
                    <td>
                      <span className={open ? 'tag tag-alert-open' : 'tag tag-alert-done'}>{open ? '⚠ Open' : '✓ Acknowledged'}</span>
                      {!open && a.acknowledgedAt && <span className="small muted mx-block">{formatDateTime(a.acknowledgedAt)}</span>}
                    </td>
                    {canWrite && (
                      <td className="actions">
                        {open && (
                          <button
                            type="button"
                            className="button button-secondary button-small"
                            disabled={busy === a.alertId}
                            onClick={() => void acknowledge(a)}
                          >
                            {busy === a.alertId ? 'Acknowledging…' : 'Acknowledge'}
                            <span className="visually-hidden">
                              {' '}
                              alert on {METRIC_NAMES[a.metric]}, {scopeText(a.scope, names)}
                            </span>
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore list={list} label="Load more alerts" />
    </section>
  );
}

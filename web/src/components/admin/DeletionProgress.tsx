import { useContext, useEffect, useState } from 'react';
import { getTenantDeletion, type DeletionProgress as Progress } from '../../api';
import { formatDateTime } from '../../dates';
import { asApiError } from '../../forms';
import { adminTenantsPath, onLinkClick } from '../../router';
import { SessionContext, type Loadable } from '../../session';
import { Loading } from '../Loading';
import { ProblemMessage } from '../ProblemMessage';

export const POLL_MS = 3000;

/** Polls the deletion status until every service has reported its purge. */
export function DeletionProgress({ tenantId, pollMs = POLL_MS }: { tenantId: string; pollMs?: number }) {
  const [state, setState] = useState<Loadable<Progress>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const session = useContext(SessionContext);

  useEffect(() => {
    document.title = 'Deleting an agency · Waymark';
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function poll() {
      try {
        const progress = await getTenantDeletion(tenantId, controller.signal);
        if (controller.signal.aborted) return;
        setState({ status: 'ok', data: progress });
        if (!progress.complete) timer = setTimeout(poll, pollMs);
      } catch (e) {
        if (controller.signal.aborted) return;
        const error = asApiError(e);
        if (error.signedOut) session.signedOut();
        setState({ status: 'error', error });
        // Keep trying through passing trouble (restarts, network); stop on a definite answer.
        if (error.status === 0 || error.status >= 500 || error.status === 429) timer = setTimeout(poll, pollMs * 2);
      }
    }
    void poll();
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tenantId, pollMs, attempt]);

  const back = (
    <p className="breadcrumb">
      <a href={adminTenantsPath} onClick={(e) => onLinkClick(e, adminTenantsPath)}>
        Agencies
      </a>{' '}
      / Deletion
    </p>
  );

  if (state.status === 'loading') return <Loading label="Loading the deletion status…" />;
  if (state.status === 'error') {
    return (
      <div className="page">
        {back}
        {state.error.status === 404 ? (
          <div className="notice notice-error" role="alert">
            <p className="notice-title">No deletion was requested for this agency</p>
          </div>
        ) : (
          <ProblemMessage error={state.error} onRetry={() => setAttempt((a) => a + 1)} />
        )}
      </div>
    );
  }
  const progress = state.data;
  const done = progress.services.filter((s) => s.completedAt !== null).length;
  const total = progress.services.length;
  return (
    <div className="page">
      <div className="page-head">
        {back}
        <h1 className="page-title">{progress.complete ? 'Agency deleted' : 'Deleting the agency…'}</h1>
        <p className="page-sub">Requested {formatDateTime(progress.requestedAt)}. Its users were locked out at once.</p>
      </div>
      <section className="panel" aria-labelledby="purge-title">
        <div className="panel-head">
          <h2 id="purge-title">Data purge by service</h2>
          <p className="panel-note" role="status" aria-live="polite">
            {progress.complete ? 'Every service has purged the agency’s data.' : `${done} of ${total} services done — checking again shortly…`}
          </p>
        </div>
        <progress className="progress" max={Math.max(total, 1)} value={done} aria-label="Services done">
          {done} of {total}
        </progress>
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Purge progress by service</caption>
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col">Status</th>
                <th scope="col">Finished</th>
                <th scope="col" className="num">
                  Rows deleted
                </th>
              </tr>
            </thead>
            <tbody>
              {progress.services.map((s) => (
                <tr key={s.service}>
                  <th scope="row" className="mono">
                    {s.service}
                  </th>
                  <td>{s.completedAt ? <span className="tag tag-done">Done</span> : <span className="tag tag-pending">Pending</span>}</td>
                  <td>{s.completedAt ? formatDateTime(s.completedAt) : '—'}</td>
                  <td className="num">{s.rowsDeleted ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

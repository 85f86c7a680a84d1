import { useEffect } from 'react';
import { listTenants, type Tenant } from '../../api';
import { formatDate } from '../../dates';
import { usePaged } from '../../paged';
import { adminNewTenantPath, adminTenantPath, onLinkClick } from '../../router';
import { EmptyState } from '../EmptyState';
import { LoadMore } from '../LoadMore';
import { Loading } from '../Loading';
import { ProblemMessage } from '../ProblemMessage';
import { planLabel, StatusTag } from '../StatusTag';

export function TenantList() {
  useEffect(() => {
    document.title = 'Agencies · Waymark';
  }, []);
  const list = usePaged<Tenant>((cursor, signal) => listTenants({ cursor, signal }), 'tenants');

  return (
    <div className="page">
      <div className="page-head page-head-row">
        <div>
          <p className="breadcrumb">Platform admin</p>
          <h1 className="page-title">Agencies</h1>
          <p className="page-sub">Every agency (tenant) on Waymark, oldest first.</p>
        </div>
        <a className="button button-primary" href={adminNewTenantPath} onClick={(e) => onLinkClick(e, adminNewTenantPath)}>
          New agency
        </a>
      </div>
      <section className="panel" aria-label="Agencies">
        {list.first.status === 'loading' && <Loading label="Loading agencies…" />}
        {list.first.status === 'error' && <ProblemMessage error={list.first.error} onRetry={list.reload} />}
        {list.first.status === 'ok' && list.items.length === 0 && (
          <EmptyState title="No agencies yet">
            <p>Create the first agency to give its team a place to map journeys.</p>
          </EmptyState>
        )}
        {list.items.length > 0 && (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Agencies</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Slug</th>
                  <th scope="col">Plan</th>
                  <th scope="col">Status</th>
                  <th scope="col">Created</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((t) => {
                  const href = adminTenantPath(t.id);
                  return (
                    <tr key={t.id}>
                      <th scope="row">
                        <a href={href} onClick={(e) => onLinkClick(e, href)}>
                          {t.name}
                        </a>
                      </th>
                      <td className="mono">{t.slug}</td>
                      <td>{planLabel(t.plan)}</td>
                      <td>
                        <StatusTag status={t.status} />
                      </td>
                      <td>{formatDate(t.createdAt)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <LoadMore list={list} />
      </section>
    </div>
  );
}

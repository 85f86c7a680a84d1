import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, deleteTenant, getTenant, updateTenant, type Plan, type TenantChange, type TenantDetail as Detail, type Usage } from '../../api';
import { formatDateTime } from '../../dates';
import { asApiError, compact, fieldErrorsOf, required, type FieldErrors } from '../../forms';
import { adminDeletionPath, adminTenantsPath, navigate, onLinkClick } from '../../router';
import { useApi } from '../../session';
import { SelectField, TextField } from '../Field';
import { ConfirmDialog } from '../ConfirmDialog';
import { DangerDeletePanel } from '../DangerDeletePanel';
import { Loading } from '../Loading';
import { ProblemMessage } from '../ProblemMessage';
import { planLabel, StatusTag } from '../StatusTag';
import { PLAN_OPTIONS } from './CreateTenant';

export function TenantDetail({ tenantId }: { tenantId: string }) {
  const [loaded, reload] = useApi((signal) => getTenant(tenantId, signal), tenantId);
  const [tenant, setTenant] = useState<Detail | null>(null);

  useEffect(() => {
    if (loaded.status === 'ok') setTenant(loaded.data);
  }, [loaded]);
  useEffect(() => {
    if (tenant) document.title = `${tenant.name} · Agencies · Waymark`;
  }, [tenant]);

  const crumbs = (
    <p className="breadcrumb">
      <a href={adminTenantsPath} onClick={(e) => onLinkClick(e, adminTenantsPath)}>
        Agencies
      </a>
      {tenant ? ` / ${tenant.name}` : ''}
    </p>
  );

  if (loaded.status === 'loading' || (loaded.status === 'ok' && !tenant)) return <Loading label="Loading the agency…" />;
  if (loaded.status === 'error' || !tenant) {
    return (
      <div className="page">
        {crumbs}
        {loaded.status === 'error' && <ProblemMessage error={loaded.error} onRetry={reload} />}
      </div>
    );
  }

  const merge = (changed: Partial<Detail>) => setTenant((t) => (t ? { ...t, ...changed } : t));
  const deleting = tenant.status === 'deleting';

  return (
    <div className="page">
      <div className="page-head">
        {crumbs}
        <h1 className="page-title">
          {tenant.name} <StatusTag status={tenant.status} />
        </h1>
        <p className="page-sub">
          <span className="mono">{tenant.slug}</span> · {planLabel(tenant.plan)} plan · created {formatDateTime(tenant.createdAt)}
        </p>
      </div>
      <section className="panel" aria-labelledby="usage-title">
        <div className="panel-head">
          <h2 id="usage-title">Usage</h2>
        </div>
        <dl className="facts">
          <UsageFact label="Client workspaces" usage={tenant.workspaces} />
          <UsageFact label="Members" usage={tenant.members} />
        </dl>
      </section>
      {deleting ? (
        <section className="panel">
          <p>This agency is being deleted.</p>
          <p>
            <a href={adminDeletionPath(tenant.id)} onClick={(e) => onLinkClick(e, adminDeletionPath(tenant.id))}>
              Follow the deletion
            </a>
          </p>
        </section>
      ) : (
        <>
          <SettingsForm tenant={tenant} onSaved={merge} />
          <StatusPanel tenant={tenant} onSaved={merge} />
          <DeletePanel tenant={tenant} />
        </>
      )}
    </div>
  );
}

function UsageFact({ label, usage }: { label: string; usage: Usage | null | undefined }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{usage ? `${usage.inUse} of ${usage.limit ?? 'unlimited'}` : '—'}</dd>
    </div>
  );
}

const SETTINGS_FIELDS = ['name', 'plan'];

function SettingsForm({ tenant, onSaved }: { tenant: Detail; onSaved: (t: Partial<Detail>) => void }) {
  const [name, setName] = useState(tenant.name);
  const [plan, setPlan] = useState<Plan>(tenant.plan);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  const change: TenantChange = {};
  if (name.trim() !== tenant.name) change.name = name.trim();
  if (plan !== tenant.plan) change.plan = plan;
  const dirty = Object.keys(change).length > 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local = compact({ name: required(name) });
    setErrors(local);
    setProblem(null);
    setSaved(false);
    if (Object.keys(local).length > 0 || !dirty) return;
    setSaving(true);
    try {
      const updated = await updateTenant(tenant.id, change);
      onSaved({ name: updated?.name ?? change.name ?? tenant.name, plan: updated?.plan ?? change.plan ?? tenant.plan });
      setSaved(true);
    } catch (e) {
      const error = asApiError(e);
      setErrors(fieldErrorsOf(error));
      setProblem(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="panel form" onSubmit={submit} noValidate aria-labelledby="settings-title">
      <div className="panel-head">
        <h2 id="settings-title">Name and plan</h2>
      </div>
      <fieldset className="form-section" disabled={saving}>
        <legend className="visually-hidden">Name and plan</legend>
        <TextField id="tenant-name" label="Name" required value={name} error={errors.name} onChange={(v) => { setName(v); setSaved(false); }} />
        <SelectField
          id="tenant-plan"
          label="Plan"
          required
          value={plan}
          error={errors.plan}
          options={PLAN_OPTIONS}
          hint="A smaller plan does not remove anything, but nothing new can be added beyond its limits."
          onChange={(v) => { setPlan(v as Plan); setSaved(false); }}
        />
      </fieldset>
      {problem && <ProblemMessage error={problem} shownFields={SETTINGS_FIELDS} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving || !dirty}>
          {saving ? 'Saving…' : 'Save changes'}
        </button>
        <p className="form-status" role="status" aria-live="polite">
          {saved ? 'Saved.' : ''}
        </p>
      </div>
    </form>
  );
}

function StatusPanel({ tenant, onSaved }: { tenant: Detail; onSaved: (t: Partial<Detail>) => void }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const suspended = tenant.status === 'suspended';
  const target = suspended ? 'active' : 'suspended';

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      const updated = await updateTenant(tenant.id, { status: target });
      onSaved({ status: updated?.status ?? target });
      setDone(suspended ? `${tenant.name} is active again.` : `${tenant.name} is suspended.`);
      setOpen(false);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="status-title">
      <div className="panel-head">
        <h2 id="status-title">Access</h2>
      </div>
      <p className="panel-text">
        {suspended
          ? 'The agency is suspended: nobody in it can sign in to its workspaces and its survey links accept no answers.'
          : 'The agency is active.'}
      </p>
      <div className="form-actions">
        <button
          type="button"
          className={suspended ? 'button button-primary' : 'button button-danger-outline'}
          onClick={() => {
            setError(null);
            setDone(null);
            setOpen(true);
          }}
        >
          {suspended ? 'Reactivate agency' : 'Suspend agency'}
        </button>
        <p className="form-status" role="status" aria-live="polite">
          {done ?? ''}
        </p>
      </div>
      {open && (
        <ConfirmDialog
          title={suspended ? `Reactivate ${tenant.name}?` : `Suspend ${tenant.name}?`}
          confirmLabel={suspended ? 'Reactivate' : 'Suspend'}
          busyLabel={suspended ? 'Reactivating…' : 'Suspending…'}
          danger={!suspended}
          busy={busy}
          error={error}
          onConfirm={confirm}
          onCancel={() => setOpen(false)}
        >
          {suspended ? (
            <p>Its users can sign in again at once, and its survey links accept answers again.</p>
          ) : (
            <>
              <p>
                <strong>Every user of the agency loses access at once</strong> — agency staff and client users alike
                get a "suspended" page instead of their workspaces.
              </p>
              <p>Its survey links stop accepting answers. Nothing is deleted; you can reactivate it later.</p>
            </>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}

function plural(n: number | undefined, one: string, many: string): string {
  if (n === undefined) return many;
  return `${n} ${n === 1 ? one : many}`;
}

export function DeletePanel({ tenant }: { tenant: Detail }) {
  const workspaces = tenant.workspaces?.inUse;
  const members = tenant.members?.inUse;

  return (
    <DangerDeletePanel
      headingId="delete-title"
      heading="Delete agency"
      text="Deletes the agency and everything in it, for good. This cannot be undone."
      buttonLabel="Delete agency…"
      dialogTitle={`Delete ${tenant.name} for good?`}
      confirmText={tenant.slug}
      onDelete={async () => {
        await deleteTenant(tenant.id);
        navigate(adminDeletionPath(tenant.id));
      }}
    >
      <p>This permanently deletes:</p>
      <ul className="dialog-list">
        <li>
          the agency <strong>{tenant.name}</strong> and its sign-in organization;
        </li>
        <li>its {workspaces === undefined ? 'client workspaces' : plural(workspaces, 'client workspace', 'client workspaces')};</li>
        <li>
          its members' accounts{members === undefined ? '' : ` (${plural(members, 'member', 'members')})`} — except users who
          also belong to another agency;
        </li>
        <li>all journeys, surveys, responses and metrics.</li>
      </ul>
      <p>Its users are locked out at once. This cannot be undone.</p>
    </DangerDeletePanel>
  );
}

import { useContext, useEffect, useState, type FormEvent } from 'react';
import { ApiError, createWorkspace, listWorkspaces, type AgencyRole, type NewWorkspace, type Workspace } from '../../api';
import { formatDate } from '../../dates';
import { asApiError, compact, fieldErrorsOf, required, slugify, validSlug, type FieldErrors } from '../../forms';
import { usePaged } from '../../paged';
import { agencyWorkspacePath, onLinkClick, workspacePath } from '../../router';
import { RefreshMeContext } from '../../session';
import { EmptyState } from '../EmptyState';
import { TextField } from '../Field';
import { LoadMore } from '../LoadMore';
import { Loading } from '../Loading';
import { ProblemMessage } from '../ProblemMessage';

interface Props {
  tenant: { id: string; name: string };
  role: AgencyRole;
}

export function AgencyWorkspaces({ tenant }: Props) {
  useEffect(() => {
    document.title = `Workspaces · ${tenant.name} · Waymark`;
  }, [tenant.name]);
  const list = usePaged<Workspace>((cursor, signal) => listWorkspaces(tenant.id, { cursor, signal }), `workspaces:${tenant.id}`);
  const refreshMe = useContext(RefreshMeContext);

  return (
    <div className="page">
      <div className="page-head">
        <p className="breadcrumb">{tenant.name}</p>
        <h1 className="page-title">Client workspaces</h1>
        <p className="page-sub">One workspace per client business: its journeys, surveys and results.</p>
      </div>
      <CreateWorkspaceForm
        tenantId={tenant.id}
        onCreated={(w) => {
          list.update((items) => [...items, w]);
          refreshMe();
        }}
      />
      <section className="panel" aria-labelledby="ws-list-title">
        <div className="panel-head">
          <h2 id="ws-list-title">Workspaces</h2>
        </div>
        {list.first.status === 'loading' && <Loading label="Loading workspaces…" />}
        {list.first.status === 'error' && <ProblemMessage error={list.first.error} onRetry={list.reload} />}
        {list.first.status === 'ok' && list.items.length === 0 && (
          <EmptyState title="No client workspaces yet">
            <p>Create one above for each client business you map journeys for.</p>
          </EmptyState>
        )}
        {list.items.length > 0 && (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Client workspaces</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Slug</th>
                  <th scope="col">Industry</th>
                  <th scope="col">Created</th>
                  <th scope="col">
                    <span className="visually-hidden">Open</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((w) => {
                  const manage = agencyWorkspacePath(w.id);
                  const open = workspacePath(w.id);
                  return (
                    <tr key={w.id}>
                      <th scope="row">
                        <a href={manage} onClick={(e) => onLinkClick(e, manage)}>
                          {w.name}
                        </a>
                      </th>
                      <td className="mono">{w.slug}</td>
                      <td>{w.industry || '—'}</td>
                      <td>{formatDate(w.createdAt)}</td>
                      <td className="actions">
                        <a href={open} onClick={(e) => onLinkClick(e, open)}>
                          Open<span className="visually-hidden"> {w.name}</span>
                        </a>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <LoadMore list={list} label="Load more workspaces" />
      </section>
    </div>
  );
}

const FIELDS = ['name', 'slug', 'industry'];

function CreateWorkspaceForm({ tenantId, onCreated }: { tenantId: string; onCreated: (w: Workspace) => void }) {
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugTouched, setSlugTouched] = useState(false);
  const [industry, setIndustry] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [created, setCreated] = useState<Workspace | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local = compact({ name: required(name), slug: validSlug(slug) });
    setErrors(local);
    setProblem(null);
    setCreated(null);
    if (Object.keys(local).length > 0) return;
    const body: NewWorkspace = { name: name.trim(), slug };
    if (industry.trim() !== '') body.industry = industry.trim();
    setSaving(true);
    try {
      const workspace = await createWorkspace(tenantId, body);
      setCreated(workspace);
      onCreated(workspace);
      setName('');
      setSlug('');
      setSlugTouched(false);
      setIndustry('');
    } catch (e) {
      const error = asApiError(e);
      setErrors(fieldErrorsOf(error));
      setProblem(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="panel form" onSubmit={submit} noValidate aria-labelledby="ws-new-title">
      <div className="panel-head">
        <h2 id="ws-new-title">New workspace</h2>
      </div>
      <fieldset className="form-section form-grid" disabled={saving}>
        <legend className="visually-hidden">New workspace</legend>
        <TextField
          id="ws-name"
          label="Client name"
          required
          value={name}
          error={errors.name}
          onChange={(v) => {
            setName(v);
            if (!slugTouched) setSlug(slugify(v));
          }}
        />
        <TextField
          id="ws-slug"
          label="Slug"
          required
          spellCheck={false}
          value={slug}
          error={errors.slug}
          hint="Lowercase letters, digits and -."
          onChange={(v) => {
            setSlugTouched(true);
            setSlug(v);
          }}
        />
        <TextField id="ws-industry" label="Industry" value={industry} error={errors.industry} onChange={setIndustry} />
      </fieldset>
      {problem && <ProblemMessage error={problem} shownFields={FIELDS} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Creating…' : 'Create workspace'}
        </button>
        <p className="form-status" role="status" aria-live="polite">
          {created ? `${created.name} was created.` : ''}
        </p>
      </div>
    </form>
  );
}

import { useContext, useEffect, useState, type FormEvent } from 'react';
import {
  ApiError,
  addWorkspaceMember,
  CLIENT_ROLES,
  deleteWorkspace,
  getWorkspace,
  listWorkspaceMembers,
  removeWorkspaceMember,
  updateWorkspace,
  type ClientRole,
  type Workspace,
  type WorkspaceChange,
} from '../../api';
import { asApiError, compact, fieldErrorsOf, required, type FieldErrors } from '../../forms';
import { agencyWorkspacesPath, onLinkClick, workspacePath } from '../../router';
import { RefreshMeContext, useApi } from '../../session';
import { DangerDeletePanel } from '../DangerDeletePanel';
import { EmptyState } from '../EmptyState';
import { TextField } from '../Field';
import { Loading } from '../Loading';
import { ProblemMessage } from '../ProblemMessage';
import { MembersPanel } from './MembersPanel';

interface Props {
  workspaceId: string;
  /** agency-admin may rename and delete; agency-staff and client-admin manage members. */
  canAdminister: boolean;
  canManageMembers: boolean;
  currentUserId: string;
  /** The caller's agency, when the workspace answer does not name its tenant. */
  tenantId?: string | null;
}

export function AgencyWorkspace({ workspaceId, canAdminister, canManageMembers, currentUserId, tenantId }: Props) {
  const [loaded, reload] = useApi((signal) => getWorkspace(workspaceId, signal), workspaceId);
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const [deleted, setDeleted] = useState(false);

  useEffect(() => {
    if (loaded.status === 'ok') setWorkspace({ ...loaded.data, tenantId: loaded.data.tenantId ?? tenantId ?? undefined });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded]);
  useEffect(() => {
    if (workspace) document.title = `${workspace.name} · Settings · Waymark`;
  }, [workspace]);

  const crumbs = (
    <p className="breadcrumb">
      <a href={agencyWorkspacesPath} onClick={(e) => onLinkClick(e, agencyWorkspacesPath)}>
        Workspaces
      </a>
      {workspace ? ` / ${workspace.name}` : ''}
    </p>
  );

  if (deleted && workspace) {
    return (
      <div className="page">
        {crumbs}
        <EmptyState title={`${workspace.name} is being deleted`}>
          <p>Its members lost access; every service is purging its journeys, surveys, responses and metrics.</p>
          <p>
            <a href={agencyWorkspacesPath} onClick={(e) => onLinkClick(e, agencyWorkspacesPath)}>
              Back to workspaces
            </a>
          </p>
        </EmptyState>
      </div>
    );
  }
  if (loaded.status === 'loading' || (loaded.status === 'ok' && !workspace)) return <Loading label="Loading the workspace…" />;
  if (loaded.status === 'error' || !workspace) {
    return (
      <div className="page">
        {crumbs}
        {loaded.status === 'error' && <ProblemMessage error={loaded.error} onRetry={reload} />}
      </div>
    );
  }
  const open = workspacePath(workspace.id);
  return (
    <div className="page">
      <div className="page-head page-head-row">
        <div>
          {crumbs}
          <h1 className="page-title">{workspace.name}</h1>
          <p className="page-sub">
            <span className="mono">{workspace.slug}</span>
            {workspace.industry ? ` · ${workspace.industry}` : ''}
          </p>
        </div>
        <a className="button button-secondary" href={open} onClick={(e) => onLinkClick(e, open)}>
          Open workspace
        </a>
      </div>
      {canAdminister && workspace.tenantId && <RenameForm workspace={workspace} onSaved={setWorkspace} />}
      <MembersPanel
        listKey={`workspace-members:${workspace.id}`}
        idPrefix="ws-member"
        title="Client members"
        intro="People of the client business and their role in this workspace only. Agency staff reach every workspace without being listed here."
        where={workspace.name}
        roles={CLIENT_ROLES}
        canManage={canManageMembers}
        currentUserId={currentUserId}
        list={(cursor, signal) => listWorkspaceMembers(workspace.id, { cursor, signal })}
        add={(body) => addWorkspaceMember(workspace.id, { ...body, role: body.role as ClientRole })}
        remove={(userId) => removeWorkspaceMember(workspace.id, userId)}
        invitations={{ kind: 'workspace', workspaceId: workspace.id }}
      />
      {canAdminister && workspace.tenantId && <DeleteWorkspacePanel workspace={workspace} onDeleted={() => setDeleted(true)} />}
    </div>
  );
}

const FIELDS = ['name', 'industry'];

function RenameForm({ workspace, onSaved }: { workspace: Workspace; onSaved: (w: Workspace) => void }) {
  const refreshMe = useContext(RefreshMeContext);
  const [name, setName] = useState(workspace.name);
  const [industry, setIndustry] = useState(workspace.industry ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  const change: WorkspaceChange = {};
  if (name.trim() !== workspace.name) change.name = name.trim();
  if (industry.trim() !== (workspace.industry ?? '')) change.industry = industry.trim();
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
      const updated = await updateWorkspace(workspace.tenantId!, workspace.id, change);
      onSaved(updated ?? { ...workspace, ...change });
      setSaved(true);
      if (change.name) refreshMe();
    } catch (e) {
      const error = asApiError(e);
      setErrors(fieldErrorsOf(error));
      setProblem(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="panel form" onSubmit={submit} noValidate aria-labelledby="ws-rename-title">
      <div className="panel-head">
        <h2 id="ws-rename-title">Name and industry</h2>
      </div>
      <fieldset className="form-section form-grid" disabled={saving}>
        <legend className="visually-hidden">Name and industry</legend>
        <TextField id="ws-edit-name" label="Client name" required value={name} error={errors.name} onChange={(v) => { setName(v); setSaved(false); }} />
        <TextField id="ws-edit-industry" label="Industry" value={industry} error={errors.industry} onChange={(v) => { setIndustry(v); setSaved(false); }} />
      </fieldset>
      {problem && <ProblemMessage error={problem} shownFields={FIELDS} />}
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

function DeleteWorkspacePanel({ workspace, onDeleted }: { workspace: Workspace; onDeleted: () => void }) {
  const refreshMe = useContext(RefreshMeContext);

  return (
    <DangerDeletePanel
      headingId="ws-delete-title"
      heading="Delete workspace"
      text="Deletes this client workspace and all its data, for good."
      buttonLabel="Delete workspace…"
      dialogTitle={`Delete ${workspace.name} for good?`}
      confirmText={workspace.slug}
      onDelete={async () => {
        await deleteWorkspace(workspace.tenantId!, workspace.id);
        onDeleted();
        refreshMe();
      }}
    >
      <p>This permanently deletes:</p>
      <ul className="dialog-list">
        <li>
          the workspace <strong>{workspace.name}</strong>;
        </li>
        <li>its client members' access to it (their accounts stay);</li>
        <li>all its journeys, personas, surveys, survey links, responses and metrics.</li>
      </ul>
      <p>This cannot be undone.</p>
    </DangerDeletePanel>
  );
}

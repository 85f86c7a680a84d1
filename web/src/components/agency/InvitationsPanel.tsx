import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../api';
import { createInvitation, listInvitations, revokeInvitation, type CreatedInvitation, type Invitation, type InvitationScope } from '../../apiInvitations';
import { idempotencyKey } from '../../apiMaps';
import { formatDateTime } from '../../dates';
import { asApiError, compact, fieldErrorsOf, required, validEmail, type FieldErrors } from '../../forms';
import { usePaged } from '../../paged';
import { SelectField, TextField } from '../Field';
import { LoadMore } from '../LoadMore';
import { Loading } from '../Loading';
import { OneTimeSecret } from '../OneTimeSecret';
import { ProblemMessage } from '../ProblemMessage';
import { roleLabel } from '../WorkspaceHome';
import '../invite/invite.css';

interface Props {
  scope: InvitationScope;
  idPrefix: string;
  roles: readonly string[];
  /** "Acme" or the workspace's name, for the texts. */
  where: string;
}

/** The tenant-service answers these while invitations are not deployed on it yet. */
function notOffered(error: ApiError): boolean {
  return error.status === 404 || error.status === 405 || error.status === 501;
}

function scopeKey(scope: InvitationScope): string {
  return scope.kind === 'tenant' ? `tenant:${scope.tenantId}` : `workspace:${scope.workspaceId}`;
}

/**
 * Invite by email: the person gets a one-time link (shown here once) to choose their own password.
 * Pending invitations are listed and can be revoked.
 */
export function InvitationsPanel({ scope, idPrefix, roles, where }: Props) {
  const list = usePaged<Invitation>((cursor, signal) => listInvitations(scope, { cursor, signal }), `invitations:${scopeKey(scope)}`);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const [notice, setNotice] = useState('');
  const [revoking, setRevoking] = useState<string | null>(null);
  const [revokeError, setRevokeError] = useState<ApiError | null>(null);
  const titleId = `${idPrefix}-invitations-title`;

  async function revoke(invitation: Invitation) {
    setRevoking(invitation.id);
    setRevokeError(null);
    setNotice('');
    try {
      await revokeInvitation(scope, invitation.id);
      list.update((items) => items.filter((i) => i.id !== invitation.id));
      setNotice(`The invitation for ${invitation.email} was revoked; its link no longer works.`);
    } catch (e) {
      setRevokeError(asApiError(e));
    } finally {
      setRevoking(null);
    }
  }

  const unavailable = list.first.status === 'error' && notOffered(list.first.error);
  return (
    <section className="invitations" aria-labelledby={titleId}>
      <h3 id={titleId} className="invitations-title">
        Invitations
      </h3>
      <p className="panel-text">Invite someone to {where} by email: they get a one-time link and choose their own password.</p>
      <InviteForm
        idPrefix={idPrefix}
        roles={roles}
        scope={scope}
        onCreated={(invitation) => {
          setNotice('');
          setCreated(invitation);
          const { link: _link, ...pending } = invitation;
          list.update((items) => [...items.filter((i) => i.id !== invitation.id), pending]);
        }}
      />
      {created && (
        <OneTimeSecret
          username={created.email}
          password={created.link}
          title="Invitation link — copy it now, it will not be shown again"
          onDone={() => setCreated(null)}
        >
          <p className="secret-text">
            Send it to <strong>{created.email}</strong> yourself, through a channel you trust. It works once, until{' '}
            {formatDateTime(created.expiresAt)}; only a fingerprint of it is stored, so nobody can show it again.
          </p>
        </OneTimeSecret>
      )}
      <p className="form-status" role="status" aria-live="polite">
        {notice}
      </p>
      {revokeError && <ProblemMessage error={revokeError} />}
      {list.first.status === 'loading' && <Loading label="Loading invitations…" />}
      {unavailable && (
        <div className="notice notice-warning" role="status">
          <p className="notice-title">Invitations are not available on this server yet.</p>
          <p className="notice-detail">Until they are, add people with “Add member” above (they get a temporary password).</p>
        </div>
      )}
      {list.first.status === 'error' && !unavailable && <ProblemMessage error={list.first.error} onRetry={list.reload} />}
      {list.first.status === 'ok' && list.items.length === 0 && <p className="muted">No pending invitations.</p>}
      {list.items.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Pending invitations to {where}</caption>
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Link valid until</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((i) => (
                <tr key={i.id}>
                  <th scope="row">{i.email}</th>
                  <td>{i.name ?? '—'}</td>
                  <td>{roleLabel(i.role)}</td>
                  <td>{formatDateTime(i.expiresAt)}</td>
                  <td className="actions">
                    <button type="button" className="button button-quiet button-small" disabled={revoking !== null} onClick={() => void revoke(i)}>
                      {revoking === i.id ? 'Revoking…' : 'Revoke'}
                      <span className="visually-hidden"> the invitation for {i.email}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore list={list} label="Load more invitations" />
    </section>
  );
}

const FIELDS = ['email', 'name', 'role'];

function InviteForm({ idPrefix, roles, scope, onCreated }: { idPrefix: string; roles: readonly string[]; scope: InvitationScope; onCreated: (i: CreatedInvitation) => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState(roles[roles.length - 1] ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  // One key per invitation being sent: a retry after a lost answer does not invite twice.
  const [key, setKey] = useState(idempotencyKey);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local = compact({ name: required(name), email: validEmail(email) });
    setErrors(local);
    setProblem(null);
    if (Object.keys(local).length > 0) {
      document.getElementById(`${idPrefix}-invite-${Object.keys(local)[0]}`)?.focus();
      return;
    }
    setSaving(true);
    try {
      const invitation = await createInvitation(scope, { email: email.trim(), name: name.trim(), role }, key);
      onCreated(invitation);
      setEmail('');
      setName('');
      setKey(idempotencyKey());
    } catch (e) {
      const error = asApiError(e);
      setErrors(fieldErrorsOf(error));
      setProblem(error);
    } finally {
      setSaving(false);
    }
  }

  const id = (f: string) => `${idPrefix}-invite-${f}`;
  const offline = problem !== null && notOffered(problem) && Object.keys(fieldErrorsOf(problem)).length === 0;
  return (
    <form className="form form-inline-panel" onSubmit={submit} noValidate aria-label="Invite someone">
      <fieldset className="form-section form-grid" disabled={saving}>
        <legend>Invite someone</legend>
        <TextField id={id('name')} label="Invitee's name" required value={name} error={errors.name} onChange={setName} />
        <TextField id={id('email')} label="Invitee's email" type="email" required value={email} error={errors.email} onChange={setEmail} />
        <SelectField
          id={id('role')}
          label="Invitee's role"
          required
          value={role}
          error={errors.role}
          options={roles.map((r) => ({ value: r, label: roleLabel(r) }))}
          onChange={setRole}
        />
      </fieldset>
      {offline ? (
        <div className="notice notice-error" role="alert">
          <p className="notice-title">Invitations are not available on this server yet.</p>
          <p className="notice-detail">Nothing was sent. Use “Add member” instead for now.</p>
        </div>
      ) : (
        problem && <ProblemMessage error={problem} shownFields={Object.keys(errors).filter((f) => FIELDS.includes(f))} />
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Inviting…' : 'Invite'}
        </button>
      </div>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { ApiError, type Member, type NewMember, type Page } from '../../api';
import type { InvitationScope } from '../../apiInvitations';
import { formatDate } from '../../dates';
import { asApiError, compact, fieldErrorsOf, required, validEmail, validUsername, type FieldErrors } from '../../forms';
import { usePaged } from '../../paged';
import { ConfirmDialog } from '../ConfirmDialog';
import { EmptyState } from '../EmptyState';
import { InvitationsPanel } from './InvitationsPanel';
import { SelectField, TextField } from '../Field';
import { LoadMore } from '../LoadMore';
import { Loading } from '../Loading';
import { OneTimeSecret } from '../OneTimeSecret';
import { ProblemMessage } from '../ProblemMessage';
import { roleLabel } from '../WorkspaceHome';

interface Props {
  /** Unique per list, e.g. "agency:<tenantId>" — also prefixes the form's ids. */
  listKey: string;
  idPrefix: string;
  title: string;
  intro: string;
  where: string;
  roles: readonly string[];
  canManage: boolean;
  currentUserId: string;
  list: (cursor: string | null, signal?: AbortSignal) => Promise<Page<Member>>;
  add: (body: NewMember) => Promise<Member>;
  remove: (userId: string) => Promise<void>;
  /** Where "Invite" creates invitations; without it the panel only adds members directly. */
  invitations?: InvitationScope;
}

const FIELDS = ['email', 'name', 'username', 'role'];

export function MembersPanel({ listKey, idPrefix, title, intro, where, roles, canManage, currentUserId, list: load, add, remove, invitations }: Props) {
  const list = usePaged<Member>(load, listKey);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [removeBusy, setRemoveBusy] = useState(false);
  const [removeError, setRemoveError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const titleId = `${idPrefix}-title`;

  async function confirmRemove() {
    if (!removing) return;
    setRemoveBusy(true);
    setRemoveError(null);
    try {
      await remove(removing.userId);
      const gone = removing;
      list.update((items) => items.filter((m) => m.userId !== gone.userId));
      setNotice(`${gone.name ?? gone.username} was removed from ${where}.`);
      setRemoving(null);
    } catch (e) {
      setRemoveError(asApiError(e));
    } finally {
      setRemoveBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby={titleId}>
      <div className="panel-head">
        <h2 id={titleId}>{title}</h2>
      </div>
      <p className="panel-text">{intro}</p>
      {canManage && (
        <AddMemberForm
          idPrefix={idPrefix}
          roles={roles}
          add={add}
          onAdded={(m) => {
            setNotice(null);
            list.update((items) => [...items.filter((x) => x.userId !== m.userId), { ...m, temporaryPassword: undefined }]);
          }}
        />
      )}
      <p className="form-status" role="status" aria-live="polite">
        {notice ?? ''}
      </p>
      {list.first.status === 'loading' && <Loading label="Loading members…" />}
      {list.first.status === 'error' && <ProblemMessage error={list.first.error} onRetry={list.reload} />}
      {list.first.status === 'ok' && list.items.length === 0 && (
        <EmptyState title="No members yet">
          <p>{canManage ? 'Add the first one with the form above.' : 'Nobody has been added here yet.'}</p>
        </EmptyState>
      )}
      {list.items.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Username</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Since</th>
                {canManage && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {list.items.map((m) => (
                <tr key={m.userId}>
                  <th scope="row">{m.name ?? m.username}</th>
                  <td>{m.username}</td>
                  <td>{m.email ?? '—'}</td>
                  <td>{roleLabel(m.role)}</td>
                  <td>{formatDate(m.createdAt)}</td>
                  {canManage && (
                    <td className="actions">
                      {m.userId !== currentUserId && (
                        <button
                          type="button"
                          className="button button-quiet button-small"
                          onClick={() => {
                            setRemoveError(null);
                            setRemoving(m);
                          }}
                        >
                          Remove<span className="visually-hidden"> {m.name ?? m.username}</span>
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore list={list} label="Load more members" />
      {canManage && invitations && <InvitationsPanel scope={invitations} idPrefix={idPrefix} roles={roles} where={where} />}
      {removing && (
        <ConfirmDialog
          title={`Remove ${removing.name ?? removing.username}?`}
          confirmLabel="Remove"
          busyLabel="Removing…"
          danger
          busy={removeBusy}
          error={removeError}
          onConfirm={confirmRemove}
          onCancel={() => setRemoving(null)}
        >
          <p>
            They lose access to {where} at once. Their account stays, and anything they created stays too.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function AddMemberForm({ idPrefix, roles, add, onAdded }: { idPrefix: string; roles: readonly string[]; add: Props['add']; onAdded: (m: Member) => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [username, setUsername] = useState('');
  const [role, setRole] = useState(roles[roles.length - 1] ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [added, setAdded] = useState<Member | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local = compact({ email: validEmail(email), name: required(name), username: validUsername(username) });
    setErrors(local);
    setProblem(null);
    setAdded(null);
    if (Object.keys(local).length > 0) return;
    const body: NewMember = { email: email.trim(), name: name.trim(), role };
    if (username.trim() !== '') body.username = username.trim();
    setSaving(true);
    try {
      const member = await add(body);
      setAdded(member);
      onAdded(member);
      setEmail('');
      setName('');
      setUsername('');
    } catch (e) {
      const error = asApiError(e);
      setErrors(fieldErrorsOf(error));
      setProblem(error);
    } finally {
      setSaving(false);
    }
  }

  const id = (f: string) => `${idPrefix}-${f}`;
  const shown = Object.keys(errors);
  return (
    <form className="form form-inline-panel" onSubmit={submit} noValidate aria-label="Add a member">
      <fieldset className="form-section form-grid" disabled={saving}>
        <legend>Add a member</legend>
        <TextField id={id('name')} label="Full name" required value={name} error={errors.name} onChange={setName} />
        <TextField id={id('email')} label="Email" type="email" required value={email} error={errors.email} onChange={setEmail} />
        <TextField id={id('username')} label="Username" value={username} error={errors.username} hint="Defaults to the email." onChange={setUsername} />
        <SelectField
          id={id('role')}
          label="Role"
          required
          value={role}
          error={errors.role}
          options={roles.map((r) => ({ value: r, label: roleLabel(r) }))}
          onChange={setRole}
        />
      </fieldset>
      {problem && <ProblemMessage error={problem} shownFields={shown.filter((f) => FIELDS.includes(f))} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Adding…' : 'Add member'}
        </button>
      </div>
      {added && (
        <div className="notice notice-success" role="status">
          <p className="notice-title">
            {added.name ?? added.username} was added as {roleLabel(added.role)}.
          </p>
          {!added.temporaryPassword && (
            <p className="notice-detail">They already had a Waymark account and sign in with their own password.</p>
          )}
        </div>
      )}
      {added?.temporaryPassword && (
        <OneTimeSecret username={added.username} password={added.temporaryPassword} onDone={() => setAdded(null)} />
      )}
    </form>
  );
}

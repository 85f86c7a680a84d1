import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ApiError } from '../../api';
import { acceptInvitation, getPublicInvitation, refName, type PublicInvitation } from '../../apiInvitations';
import { formatDateTime } from '../../dates';
import { asApiError, fieldErrorsOf } from '../../forms';
import { useApi } from '../../session';
import { Loading } from '../Loading';
import { LogoMark } from '../Logo';
import { ProblemMessage } from '../ProblemMessage';
import { SIGN_IN_URL } from '../SignIn';
import { roleLabel } from '../WorkspaceHome';
import './invite.css';

export const MIN_PASSWORD = 12;

/** Client-side checks; the identity provider may still refuse a password by its own policy. */
export function passwordErrors(password: string, confirm: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (password.length === 0) errors.password = 'Choose a password';
  else if (password.length < MIN_PASSWORD) errors.password = `Use at least ${MIN_PASSWORD} characters (${password.length} so far)`;
  if (!errors.password && confirm !== password) errors.confirm = 'The two passwords do not match';
  return errors;
}

/**
 * The public page an invitation link opens (`/invite/<token>`), before anyone is signed in: who invites
 * whom to what, and a form to choose a password. Then the person signs in as usual.
 */
export function AcceptInvitation({ token }: { token: string }) {
  const [loaded, reload] = useApi((signal) => getPublicInvitation(token, signal), `invite:${token}`);
  const [done, setDone] = useState(false);

  useEffect(() => {
    document.title = 'Accept your invitation · Waymark';
  }, []);

  return (
    <main className="landing" id="main">
      <section className="landing-card invite-card" aria-labelledby="invite-title">
        <LogoMark size={48} />
        {loaded.status === 'loading' && (
          <>
            <h1 id="invite-title" className="landing-title">
              Your invitation
            </h1>
            <Loading label="Opening your invitation…" />
          </>
        )}
        {loaded.status === 'error' && <Unavailable error={loaded.error} onRetry={reload} />}
        {loaded.status === 'ok' &&
          (done ? (
            <>
              <h1 id="invite-title" className="landing-title">
                Your account is ready
              </h1>
              <p className="landing-tagline" role="status">
                Sign in with {loaded.data.email} and the password you just chose.
              </p>
              <a className="button button-primary button-large" href={SIGN_IN_URL}>
                Sign in
              </a>
            </>
          ) : (
            <Accept token={token} invitation={loaded.data} onAccepted={() => setDone(true)} />
          ))}
      </section>
    </main>
  );
}

function Unavailable({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  if (error.status === 404) {
    return (
      <>
        <h1 id="invite-title" className="landing-title">
          This invitation link does not work
        </h1>
        <p className="landing-tagline">
          We could not find it. Check that you opened the whole link from your message, or ask whoever invited you for a new
          invitation.
        </p>
      </>
    );
  }
  if (error.status === 410) {
    return (
      <>
        <h1 id="invite-title" className="landing-title">
          This invitation has expired or was already used
        </h1>
        <p className="landing-tagline">Ask whoever invited you for a new one. If you already chose your password, just sign in.</p>
        <a className="button button-secondary" href={SIGN_IN_URL}>
          Sign in
        </a>
      </>
    );
  }
  return (
    <>
      <h1 id="invite-title" className="landing-title">
        Your invitation cannot be opened right now
      </h1>
      <p className="landing-tagline">Invitations are unavailable at the moment. Please try again in a few minutes.</p>
      <ProblemMessage error={error} onRetry={onRetry} />
    </>
  );
}

function Accept({ token, invitation, onAccepted }: { token: string; invitation: PublicInvitation; onAccepted: () => void }) {
  const id = useId();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const agency = refName(invitation.agency) ?? 'An agency';
  const workspace = refName(invitation.workspace);
  const who = invitation.name ? `${invitation.name} (${invitation.email})` : invitation.email;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found = passwordErrors(password, confirm);
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0) {
      document.getElementById(`${id}-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await acceptInvitation(token, password);
      onAccepted();
    } catch (e) {
      const err = asApiError(e);
      setErrors(fieldErrorsOf(err));
      setProblem(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1 id="invite-title" className="landing-title">
        Join {workspace ?? agency} on Waymark
      </h1>
      <p className="landing-tagline invite-what">
        <strong>{agency}</strong> invites <strong>{who}</strong> to {workspace ? <>the workspace <strong>{workspace}</strong></> : 'its agency team'} as{' '}
        <strong>{roleLabel(invitation.role)}</strong>.
      </p>
      <p className="landing-hint">This invitation is valid until {formatDateTime(invitation.expiresAt)}.</p>
      <form className="form invite-form" noValidate onSubmit={submit} aria-label="Choose your password">
        {/* Lets password managers store the new password under the right account. */}
        <input type="email" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
        <PasswordField
          id={`${id}-password`}
          label="Choose a password"
          value={password}
          onChange={setPassword}
          error={errors.password}
          hint={`At least ${MIN_PASSWORD} characters. A few unrelated words make a strong, memorable password.`}
        />
        <PasswordField id={`${id}-confirm`} label="Repeat the password" value={confirm} onChange={setConfirm} error={errors.confirm} />
        {problem && (problem.status === 410 ? (
          <div className="notice notice-error" role="alert">
            <p className="notice-title">This invitation has expired or was already used</p>
            <p className="notice-detail">Ask whoever invited you for a new one.</p>
          </div>
        ) : (
          <ProblemMessage error={problem} shownFields={['password']} />
        ))}
        <button type="submit" className="button button-primary button-large" disabled={busy}>
          {busy ? 'Setting up your account…' : 'Set password and join'}
        </button>
      </form>
    </>
  );
}

function PasswordField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  hint?: string;
}) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        type="password"
        autoComplete="new-password"
        minLength={MIN_PASSWORD}
        required
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

import type { Me } from '../api';
import { LogoMark } from './Logo';
import { SignOutButton } from './SignOutButton';

/** Signed in, but no agency role, no workspace and not a platform admin. */
export function NoAccess({ me }: { me: Me }) {
  return (
    <section className="landing-card landing-card-inline" aria-labelledby="no-access-title">
      <LogoMark size={48} />
      <h1 id="no-access-title" className="landing-title">
        You don't have access to anything yet
      </h1>
      <p className="landing-tagline">
        You are signed in as <strong>{me.username}</strong>
        {me.email && me.email !== me.username ? ` (${me.email})` : ''}, but this account is not a member of an agency
        or of any client workspace.
      </p>
      <p className="landing-hint">
        Ask your agency administrator to add you to the team or to a client workspace, then reload this page. If you
        were removed by mistake, they can add you again.
      </p>
      <div className="landing-actions">
        <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
          Check again
        </button>
        <SignOutButton className="button button-secondary" />
      </div>
    </section>
  );
}

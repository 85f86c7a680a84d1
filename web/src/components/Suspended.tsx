import type { Problem } from '../problem';
import { LogoMark } from './Logo';
import { SignOutButton } from './SignOutButton';

export function Suspended({ problem }: { problem: Problem }) {
  return (
    <main className="landing">
      <section className="landing-card" aria-labelledby="suspended-title">
        <LogoMark size={48} />
        <h1 id="suspended-title" className="landing-title">
          This agency is suspended
        </h1>
        <p className="landing-tagline">
          {problem.detail ?? 'Its workspaces, maps and survey results are not available right now.'}
        </p>
        <p className="landing-hint">
          If you think this is a mistake, contact your agency administrator or Waymark support.
        </p>
        <SignOutButton className="button button-secondary" />
      </section>
    </main>
  );
}

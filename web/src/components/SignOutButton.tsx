import { useState } from 'react';
import { ApiError, logout } from '../api';

export function SignOutButton({ className = 'button button-quiet' }: { className?: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function signOut() {
    setBusy(true);
    setError(null);
    try {
      await logout();
      window.location.assign('/');
    } catch (e) {
      setError(e instanceof ApiError ? e.problem.detail ?? e.problem.title : 'Could not sign out.');
      setBusy(false);
    }
  }

  return (
    <span className="sign-out">
      <button type="button" className={className} onClick={signOut} disabled={busy}>
        {busy ? 'Signing out…' : 'Sign out'}
      </button>
      {error && (
        <span role="alert" className="sign-out-error">
          {error}
        </span>
      )}
    </span>
  );
}

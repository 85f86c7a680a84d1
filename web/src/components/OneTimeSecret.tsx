import { useId, useState, type ReactNode } from 'react';

/**
 * A temporary password shown once: the server never returns it again. `title` and `children` adapt it
 * to other one-time values (e.g. an invitation link).
 */
export function OneTimeSecret({
  username,
  password,
  onDone,
  title,
  children,
}: {
  username: string;
  password: string;
  onDone?: () => void;
  title?: string;
  children?: ReactNode;
}) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const titleId = useId();

  async function copy() {
    try {
      await navigator.clipboard.writeText(password);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <section className="secret" role="region" aria-labelledby={titleId}>
      <h3 id={titleId} className="secret-title">
        {title ?? 'Temporary password — copy it now, it will not be shown again'}
      </h3>
      {children ?? (
        <p className="secret-text">
          Give it to <strong>{username}</strong> through a safe channel. They must choose their own password at first
          sign-in.
        </p>
      )}
      <div className="secret-row">
        <code className="secret-value" data-testid="temporary-password">
          {password}
        </code>
        <button type="button" className="button button-secondary" onClick={copy}>
          Copy
        </button>
      </div>
      <p className="secret-status" role="status" aria-live="polite">
        {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'failed' ? 'Could not copy — select it and copy by hand.' : ''}
      </p>
      {onDone && (
        <button type="button" className="button button-primary" onClick={onDone}>
          I have copied it
        </button>
      )}
    </section>
  );
}

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { ApiError } from '../api';
import { ProblemMessage } from './ProblemMessage';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busyLabel?: string;
  /** Red confirm button for destructive actions. */
  danger?: boolean;
  busy?: boolean;
  error?: ApiError | null;
  /** When set, the confirm button stays disabled until exactly this text is typed. */
  typeToConfirm?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal confirmation. Focus moves into it and returns to the opener when it closes; Escape and
 * "Cancel" close it (not while the action runs).
 */
export function ConfirmDialog({ title, children, confirmLabel, busyLabel, danger, busy = false, error, typeToConfirm, onConfirm, onCancel }: Props) {
  const titleId = useId();
  const inputId = useId();
  const [typed, setTyped] = useState('');
  const panel = useRef<HTMLDivElement>(null);
  const first = useRef<HTMLInputElement | HTMLButtonElement | null>(null);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    first.current?.focus();
    return () => opener?.focus?.();
  }, []);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key === 'Escape' && !busy) {
        e.preventDefault();
        onCancel();
      }
      if (e.key === 'Tab' && panel.current) {
        // Keep focus inside the dialog.
        const focusable = panel.current.querySelectorAll<HTMLElement>('button:not(:disabled), input:not(:disabled), a[href]');
        if (focusable.length === 0) return;
        const firstEl = focusable[0]!;
        const lastEl = focusable[focusable.length - 1]!;
        if (e.shiftKey && document.activeElement === firstEl) {
          e.preventDefault();
          lastEl.focus();
        } else if (!e.shiftKey && document.activeElement === lastEl) {
          e.preventDefault();
          firstEl.focus();
        }
      }
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [busy, onCancel]);

  const matches = typeToConfirm === undefined || typed.trim() === typeToConfirm;

  return (
    <div className="dialog-backdrop">
      <div ref={panel} className="dialog" role="alertdialog" aria-modal="true" aria-labelledby={titleId}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (matches && !busy) onConfirm();
          }}
        >
          <h2 id={titleId} className="dialog-title">
            {title}
          </h2>
          <div className="dialog-body">{children}</div>
          {typeToConfirm !== undefined && (
            <div className="field">
              <label htmlFor={inputId} className="field-label">
                To confirm, type <strong className="mono">{typeToConfirm}</strong>
              </label>
              <input
                id={inputId}
                ref={(el) => {
                  first.current = el;
                }}
                value={typed}
                autoComplete="off"
                spellCheck={false}
                disabled={busy}
                onChange={(e) => setTyped(e.target.value)}
              />
            </div>
          )}
          {error && <ProblemMessage error={error} />}
          <div className="dialog-actions">
            <button
              type="button"
              className="button button-secondary"
              onClick={onCancel}
              disabled={busy}
              ref={(el) => {
                if (typeToConfirm === undefined) first.current = el;
              }}
            >
              Cancel
            </button>
            <button type="submit" className={danger ? 'button button-danger' : 'button button-primary'} disabled={!matches || busy}>
              {busy ? (busyLabel ?? 'Working…') : confirmLabel}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}

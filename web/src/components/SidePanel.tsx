import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  /** Under the title, e.g. the stage a touchpoint is in. */
  subtitle?: ReactNode;
  children: ReactNode;
  /** Escape and the close button call it (not while `busy`). */
  onClose: () => void;
  busy?: boolean;
}

const FOCUSABLE =
  'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), a[href], [tabindex]:not([tabindex="-1"])';

/**
 * A modal side panel (a dialog sliding in from the right; full width on small screens). Focus moves
 * to its first field and returns to the opener when it closes; Tab stays inside; Escape closes.
 */
export function SidePanel({ title, subtitle, children, onClose, busy = false }: Props) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const first = panel.current?.querySelector<HTMLElement>('input:not(:disabled), select:not(:disabled), textarea:not(:disabled)');
    (first ?? panel.current)?.focus();
    return () => {
      if (opener && document.contains(opener)) opener.focus();
    };
  }, []);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key === 'Escape' && !busy) {
        e.preventDefault();
        onClose();
        return;
      }
      if (e.key === 'Tab' && panel.current) {
        const focusable = Array.from(panel.current.querySelectorAll<HTMLElement>(FOCUSABLE));
        if (focusable.length === 0) return;
        const firstEl = focusable[0]!;
        const lastEl = focusable[focusable.length - 1]!;
        if (e.shiftKey && (document.activeElement === firstEl || document.activeElement === panel.current)) {
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
  }, [busy, onClose]);

  return (
    <div className="dialog-backdrop side-backdrop" onMouseDown={(e) => e.target === e.currentTarget && !busy && onClose()}>
      <div ref={panel} className="side-panel" role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1}>
        <div className="side-panel-head">
          <div>
            <h2 id={titleId} className="dialog-title">
              {title}
            </h2>
            {subtitle && <p className="panel-note">{subtitle}</p>}
          </div>
          <button type="button" className="button button-quiet button-small" onClick={onClose} disabled={busy} aria-label="Close">
            ✕
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}

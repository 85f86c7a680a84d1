import { useState, type ReactNode } from 'react';
import { ApiError } from '../api';
import { asApiError } from '../forms';
import { ConfirmDialog } from './ConfirmDialog';

interface Props {
  headingId: string;
  heading: string;
  text: string;
  buttonLabel: string;
  dialogTitle: string;
  /** what the user must type to enable "Delete" */
  confirmText: string;
  /** performs the deletion; a rejection is shown in the dialog */
  onDelete: () => Promise<void>;
  /** what goes, spelled out in the dialog */
  children: ReactNode;
}

/** A "danger zone" panel whose button opens a type-to-confirm deletion dialog. */
export function DangerDeletePanel({ headingId, heading, text, buttonLabel, dialogTitle, confirmText, onDelete, children }: Props) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onDelete();
      setOpen(false);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel panel-danger" aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId}>{heading}</h2>
      </div>
      <p className="panel-text">{text}</p>
      <div className="form-actions">
        <button type="button" className="button button-danger" onClick={() => { setError(null); setOpen(true); }}>
          {buttonLabel}
        </button>
      </div>
      {open && (
        <ConfirmDialog
          title={dialogTitle}
          confirmLabel="Delete"
          busyLabel="Deleting…"
          danger
          busy={busy}
          error={error}
          typeToConfirm={confirmText}
          onConfirm={confirm}
          onCancel={() => setOpen(false)}
        >
          {children}
        </ConfirmDialog>
      )}
    </section>
  );
}

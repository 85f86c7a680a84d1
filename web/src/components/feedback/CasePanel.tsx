import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiError } from '../../api';
import { addCaseComment, CASE_STATUSES, listCaseComments, updateCase, type CaseChange, type CaseComment, type CaseStatus, type FollowUpCase } from '../../apiFeedback';
import { formatDateTime } from '../../dates';
import { asApiError, fieldErrorsOf, type FieldErrors } from '../../forms';
import { usePaged } from '../../paged';
import { journeyPath, onLinkClick, responsesPath } from '../../router';
import { LoadMore } from '../LoadMore';
import { Loading } from '../Loading';
import { ProblemMessage } from '../ProblemMessage';
import { SidePanel } from '../SidePanel';
import type { Catalog } from './catalog';
import { describedBy, FieldMessages, InputField } from './fields';

export const RESOLUTION_REQUIRED = 'Say how the case was resolved before closing it.';
const MAX_COMMENT = 5000;

const STATUS_LABELS: Record<CaseStatus, string> = { open: 'Open', 'in-progress': 'In progress', closed: 'Closed' };

/** ISO instant → the `datetime-local` input's "YYYY-MM-DDTHH:mm" in the browser's zone. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

interface Form {
  title: string;
  owner: string;
  status: CaseStatus;
  due: string;
  note: string;
  resolution: string;
}

function formOf(c: FollowUpCase, closing: boolean): Form {
  return {
    title: c.title,
    owner: c.owner ?? '',
    status: closing ? 'closed' : c.status,
    due: toLocalInput(c.dueAt),
    note: c.note ?? '',
    resolution: c.resolution ?? '',
  };
}

/** Only what changed, as a merge patch (blank owner, note or resolution clears them). */
export function caseChange(before: FollowUpCase, form: Form): CaseChange {
  const change: CaseChange = {};
  if (form.title.trim() !== before.title) change.title = form.title.trim();
  const owner = form.owner.trim() || null;
  if (owner !== (before.owner ?? null)) change.owner = owner;
  if (form.status !== before.status) change.status = form.status;
  if (form.due && form.due !== toLocalInput(before.dueAt)) change.dueAt = new Date(form.due).toISOString();
  const note = form.note.trim() || null;
  if (note !== (before.note ?? null)) change.note = note;
  const resolution = form.resolution.trim() || null;
  if (resolution !== (before.resolution ?? null)) change.resolution = resolution;
  return change;
}

interface Props {
  workspaceId: string;
  followUp: FollowUpCase;
  /** Opened to close the case: the status is preset and the resolution asked for. */
  closing: boolean;
  canEdit: boolean;
  owners: string[];
  catalog: Catalog | null;
  surveyName: string | undefined;
  onSaved: (saved: FollowUpCase) => void;
  onClose: () => void;
}

export function CasePanel({ workspaceId, followUp, closing, canEdit, owners, catalog, surveyName, onSaved, onClose }: Props) {
  const [form, setForm] = useState<Form>(() => formOf(followUp, closing));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const resolutionRef = useRef<HTMLTextAreaElement>(null);
  const [focusResolution, setFocusResolution] = useState(closing ? 1 : 0);

  useEffect(() => {
    if (focusResolution > 0) resolutionRef.current?.focus();
  }, [focusResolution]);

  const set = (key: keyof Form) => (value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => {
      const next = { ...e };
      delete next[key];
      if (key === 'status') delete next.resolution;
      return next;
    });
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!canEdit || busy) return;
    // The service refuses too; asking first keeps the user in the form with the reason next to the field.
    const legacyClosed = followUp.status === 'closed' && !followUp.resolution;
    if (form.status === 'closed' && form.resolution.trim() === '' && !legacyClosed) {
      setErrors({ resolution: RESOLUTION_REQUIRED });
      setFocusResolution((n) => n + 1);
      return;
    }
    if (form.title.trim() === '') {
      setErrors({ title: 'Give the case a title.' });
      return;
    }
    const change = caseChange(followUp, form);
    if (Object.keys(change).length === 0) {
      onClose();
      return;
    }
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      onSaved(await updateCase(workspaceId, followUp.id, change, followUp.version));
    } catch (e) {
      const apiError = asApiError(e);
      setError(apiError);
      const byField = fieldErrorsOf(apiError);
      if (byField.dueAt) byField.due = byField.dueAt;
      setErrors(byField);
      if (byField.resolution) setFocusResolution((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  const touchpoint = followUp.touchpointId ? catalog?.touchpoints.get(followUp.touchpointId) : undefined;
  const journeyId = touchpoint?.journeyId ?? followUp.journeyId ?? null;
  const showResolution = form.status === 'closed' || form.resolution !== '';
  const resolutionId = 'case-resolution';

  return (
    <SidePanel title={followUp.title} subtitle={`${STATUS_LABELS[followUp.status]} · opened ${formatDateTime(followUp.createdAt)}`} onClose={onClose} busy={busy}>
      <p className="fb-card-links">
        {followUp.responseId ? (
          <a href={responsesPath(workspaceId, followUp.responseId)} onClick={(e) => onLinkClick(e, responsesPath(workspaceId, followUp.responseId))}>
            Open the response
          </a>
        ) : (
          followUp.origin === 'detractor' && <span className="muted">The response was erased.</span>
        )}
        {journeyId && (
          <a href={journeyPath(workspaceId, journeyId)} onClick={(e) => onLinkClick(e, journeyPath(workspaceId, journeyId))}>
            {touchpoint ? `${touchpoint.name} on ${touchpoint.journeyName}` : 'Journey map'}
          </a>
        )}
        {surveyName && <span className="muted">Survey: {surveyName}</span>}
      </p>
      <form className="side-form" onSubmit={(e) => void save(e)} noValidate aria-label="Case">
        <fieldset className="fb-fieldset-plain" disabled={!canEdit}>
          <InputField id="case-title" label="Title" value={form.title} onChange={set('title')} error={errors.title} required />
          <InputField id="case-owner" label="Owner" value={form.owner} onChange={set('owner')} error={errors.owner} hint="A person or team" list="case-owners" />
          <datalist id="case-owners">
            {owners.map((o) => (
              <option key={o} value={o} />
            ))}
          </datalist>
          <div className={errors.status ? 'field field-invalid' : 'field'}>
            <label htmlFor="case-status" className="field-label">
              Status
            </label>
            <select
              id="case-status"
              value={form.status}
              aria-invalid={errors.status ? true : undefined}
              aria-describedby={describedBy('case-status', false, errors.status)}
              onChange={(e) => set('status')(e.target.value)}
            >
              {CASE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
            <FieldMessages id="case-status" error={errors.status} />
          </div>
          <InputField id="case-due" label="Due" type="datetime-local" value={form.due} onChange={set('due')} error={errors.due} />
          {showResolution && (
            <div className={errors.resolution ? 'field field-invalid' : 'field'}>
              <label htmlFor={resolutionId} className="field-label">
                Resolution
              </label>
              <textarea
                id={resolutionId}
                ref={resolutionRef}
                rows={3}
                value={form.resolution}
                required={form.status === 'closed'}
                aria-invalid={errors.resolution ? true : undefined}
                aria-describedby={describedBy(resolutionId, true, errors.resolution)}
                onChange={(e) => set('resolution')(e.target.value)}
              />
              <FieldMessages id={resolutionId} hint="Required to close: what was done and how the customer reacted." error={errors.resolution} />
            </div>
          )}
          <InputField id="case-note" label="Note" multiline value={form.note} onChange={set('note')} error={errors.note} />
        </fieldset>
        {error && <ProblemMessage error={error} shownFields={[...Object.keys(errors), 'dueAt']} />}
        {error?.status === 412 && <p className="field-hint">Close this panel and open the case again to see the latest version.</p>}
        {canEdit && (
          <div className="side-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? 'Saving…' : form.status === 'closed' && followUp.status !== 'closed' ? 'Close case' : 'Save'}
            </button>
            <button type="button" className="button button-secondary" onClick={onClose} disabled={busy}>
              Cancel
            </button>
          </div>
        )}
      </form>
      <Comments workspaceId={workspaceId} caseId={followUp.id} canEdit={canEdit} />
    </SidePanel>
  );
}

function Comments({ workspaceId, caseId, canEdit }: { workspaceId: string; caseId: string; canEdit: boolean }) {
  const list = usePaged<CaseComment>((cursor, signal) => listCaseComments(workspaceId, caseId, { cursor, signal, limit: 50 }), `comments:${workspaceId}:${caseId}`);
  const [text, setText] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function add(event: FormEvent) {
    event.preventDefault();
    const value = text.trim();
    if (value === '') {
      setFieldError('Write a comment first.');
      return;
    }
    if (value.length > MAX_COMMENT) {
      setFieldError(`At most ${MAX_COMMENT} characters.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const comment = await addCaseComment(workspaceId, caseId, value);
      list.update((items) => [...items, comment]);
      setText('');
    } catch (e) {
      const apiError = asApiError(e);
      const message = fieldErrorsOf(apiError).text;
      if (message) setFieldError(message);
      else setError(apiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="fb-comments" aria-labelledby="case-comments-title">
      <h3 id="case-comments-title" className="fb-answers-title">
        Comments
      </h3>
      {list.first.status === 'loading' && <Loading label="Loading comments…" />}
      {list.first.status === 'error' && <ProblemMessage error={list.first.error} onRetry={list.reload} />}
      {list.first.status === 'ok' && list.items.length === 0 && <p className="muted">No comments yet.</p>}
      <ol className="fb-comment-list">
        {list.items.map((c) => (
          <li key={c.id} className="fb-comment">
            <p className="fb-comment-head">
              <strong>{c.authorName ?? 'Someone'}</strong> <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
            </p>
            <p className="fb-comment-text">{c.text}</p>
          </li>
        ))}
      </ol>
      <LoadMore list={list} label="Load more comments" />
      {canEdit && (
        <form onSubmit={(e) => void add(e)} noValidate className="fb-comment-form">
          <InputField
            id="case-comment"
            label="Add a comment"
            multiline
            value={text}
            error={fieldError}
            onChange={(v) => {
              setText(v);
              setFieldError(undefined);
            }}
          />
          {error && <ProblemMessage error={error} />}
          <div className="side-actions">
            <button type="submit" className="button button-secondary" disabled={busy}>
              {busy ? 'Adding…' : 'Add comment'}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

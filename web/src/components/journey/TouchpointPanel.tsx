import { useId, useState, type ReactNode } from 'react';
import type { ApiError, Channel, Stage, Touchpoint, TouchpointLive } from '../../api';
import { describeScore, emotionLabel } from '../../format';
import { fieldErrorsOf } from '../../forms';
import { draftOf, inputOf, LANE_NAMES, validateDraft, type TouchpointDraft } from '../../journeyMap';
import { ProblemMessage } from '../ProblemMessage';
import { SidePanel } from '../SidePanel';

export type WriteResult = { ok: true } | { ok: false; error: ApiError | null };

/** The panel's save body: the touchpoint's fields, and its parent when that is set or changed. */
export type TouchpointSave = ReturnType<typeof inputOf> & { parentTouchpointId?: string | null };

interface Props {
  stage: Stage;
  /** null: a new touchpoint in `stage`. */
  touchpoint: Touchpoint | null;
  channels: Channel[];
  live: TouchpointLive | null;
  liveAvailable: boolean;
  /** Rendered at the top while the map is in conflict (someone else changed it). */
  conflict: ReactNode;
  onSave: (body: TouchpointSave) => Promise<WriteResult>;
  onDelete: () => Promise<WriteResult>;
  onClose: () => void;
  /** The parent of a new sub-touchpoint, or of the sub-touchpoint being edited. */
  parentId?: string | null;
  /** The stage's top-level touchpoints this one could be a sub-touchpoint of. */
  parentOptions?: Touchpoint[];
  /** The sub-touchpoints of the touchpoint being edited. */
  subTouchpoints?: Touchpoint[];
  /** Opens a sub-touchpoint in the panel, or (null) a new one under the touchpoint being edited. */
  onOpenSub?: (sub: Touchpoint | null) => void;
}

const LANES = ['customerAction', 'frontstage', 'backstage', 'support'] as const;

/** Add or edit a touchpoint: name, channel, expected emotion, owning team, the four blueprint lanes. */
export function TouchpointPanel({
  stage,
  touchpoint,
  channels,
  live,
  liveAvailable,
  conflict,
  onSave,
  onDelete,
  onClose,
  parentId = null,
  parentOptions = [],
  subTouchpoints = [],
  onOpenSub,
}: Props) {
  const id = useId();
  const [draft, setDraft] = useState<TouchpointDraft>(() => draftOf(touchpoint));
  const [parent, setParent] = useState(parentId ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const editing = touchpoint !== null;

  const set = <K extends keyof TouchpointDraft>(key: K, value: TouchpointDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setLane = (lane: (typeof LANES)[number], part: 'text' | 'owningTeam', value: string) =>
    setDraft((d) => ({ ...d, [lane]: { ...d[lane], [part]: value } }));

  async function submit() {
    const found = validateDraft(draft);
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0) {
      const firstKey = Object.keys(found)[0]!;
      document.getElementById(`${id}-${firstKey.replace('.', '-')}`)?.focus();
      return;
    }
    setBusy(true);
    const body: TouchpointSave = inputOf(draft);
    // Sent only when it says something: a new sub-touchpoint, or a changed parent (null: top level).
    if (parent !== (parentId ?? '')) body.parentTouchpointId = parent === '' ? null : parent;
    else if (!editing && parent !== '') body.parentTouchpointId = parent;
    const result = await onSave(body);
    setBusy(false);
    if (!result.ok && result.error) {
      setErrors(fieldErrorsOf(result.error));
      setProblem(result.error);
    }
  }

  async function remove() {
    setBusy(true);
    setProblem(null);
    const result = await onDelete();
    setBusy(false);
    if (!result.ok && result.error) setProblem(result.error);
  }

  const shownFields = ['name', 'parentTouchpointId', 'channelId', 'expectedEmotion', 'owningTeam', ...LANES.flatMap((l) => [`${l}.text`, `${l}.owningTeam`, l])];
  const emotionText = emotionLabel(draft.expectedEmotion) ?? '0 neutral';
  const parentName = parentOptions.find((t) => t.id === parentId)?.name ?? null;
  const options = parentOptions.filter((t) => t.id !== touchpoint?.id);
  const title = editing ? `${parentId ? 'Sub-touchpoint' : 'Touchpoint'}: ${touchpoint.name}` : parentId ? 'Add a sub-touchpoint' : 'Add a touchpoint';

  return (
    <SidePanel
      title={title}
      subtitle={
        <>
          Stage: {stage.name}
          {parentName && <> · Part of: {parentName}</>}
        </>
      }
      onClose={onClose}
      busy={busy}
    >
      {conflict}
      {editing && <ObservedScores live={live} liveAvailable={liveAvailable} />}
      <form
        className="form side-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void submit();
        }}
      >
        <Text id={`${id}-name`} label="Name" required value={draft.name} error={errors.name} onChange={(v) => set('name', v)} />
        {(options.length > 0 || parentId) && (
          <div className={errors.parentTouchpointId ? 'field field-invalid' : 'field'}>
            <label htmlFor={`${id}-parentTouchpointId`} className="field-label">
              Part of<span className="field-optional"> (optional)</span>
            </label>
            <select
              id={`${id}-parentTouchpointId`}
              value={parent}
              disabled={subTouchpoints.length > 0}
              onChange={(e) => setParent(e.target.value)}
              aria-invalid={errors.parentTouchpointId ? true : undefined}
              aria-describedby={`${id}-parentTouchpointId-hint${errors.parentTouchpointId ? ` ${id}-parentTouchpointId-error` : ''}`}
            >
              <option value="">Nothing: a top-level touchpoint</option>
              {options.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
            <p id={`${id}-parentTouchpointId-hint`} className="field-hint">
              {subTouchpoints.length > 0
                ? 'It has sub-touchpoints of its own, so it stays at the top level.'
                : 'A sub-touchpoint is a step inside another touchpoint of this stage (one level only).'}
            </p>
            {errors.parentTouchpointId && (
              <p id={`${id}-parentTouchpointId-error`} className="field-error">
                {errors.parentTouchpointId}
              </p>
            )}
          </div>
        )}
        <div className={errors.channelId ? 'field field-invalid' : 'field'}>
          <label htmlFor={`${id}-channelId`} className="field-label">
            Channel<span className="field-optional"> (optional)</span>
          </label>
          <select
            id={`${id}-channelId`}
            value={draft.channelId}
            onChange={(e) => set('channelId', e.target.value)}
            aria-invalid={errors.channelId ? true : undefined}
            aria-describedby={errors.channelId ? `${id}-channelId-error` : undefined}
          >
            <option value="">No channel</option>
            {channels.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          {errors.channelId && (
            <p id={`${id}-channelId-error`} className="field-error">
              {errors.channelId}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-expectedEmotion`} className="field-label">
            Expected emotion
          </label>
          <div className="slider-row">
            <span aria-hidden="true" className="slider-end">
              −2
            </span>
            <input
              id={`${id}-expectedEmotion`}
              type="range"
              min={-2}
              max={2}
              step={1}
              value={draft.expectedEmotion}
              aria-valuetext={emotionText}
              aria-describedby={`${id}-expectedEmotion-hint`}
              onChange={(e) => set('expectedEmotion', Number(e.target.value))}
            />
            <span aria-hidden="true" className="slider-end">
              +2
            </span>
            <output htmlFor={`${id}-expectedEmotion`} className="slider-value">
              {emotionText}
            </output>
          </div>
          <p id={`${id}-expectedEmotion-hint`} className="field-hint">
            How you expect customers to feel here, from −2 (very negative) to +2 (very positive).
          </p>
        </div>
        <Text
          id={`${id}-owningTeam`}
          label="Owning team"
          value={draft.owningTeam}
          error={errors.owningTeam}
          onChange={(v) => set('owningTeam', v)}
        />
        {LANES.map((lane) => (
          <fieldset key={lane} className="lane-fieldset">
            <legend>{LANE_NAMES[lane]}</legend>
            <div className={errors[`${lane}.text`] ? 'field field-invalid' : 'field'}>
              <label htmlFor={`${id}-${lane}-text`} className="field-label">
                What happens<span className="field-optional"> (optional)</span>
              </label>
              <textarea
                id={`${id}-${lane}-text`}
                rows={2}
                value={draft[lane].text}
                aria-invalid={errors[`${lane}.text`] ? true : undefined}
                aria-describedby={errors[`${lane}.text`] ? `${id}-${lane}-text-error` : undefined}
                onChange={(e) => setLane(lane, 'text', e.target.value)}
              />
              {errors[`${lane}.text`] && (
                <p id={`${id}-${lane}-text-error`} className="field-error">
                  {errors[`${lane}.text`]}
                </p>
              )}
            </div>
            <Text
              id={`${id}-${lane}-owningTeam`}
              label="Owning team"
              value={draft[lane].owningTeam}
              error={errors[`${lane}.owningTeam`]}
              onChange={(v) => setLane(lane, 'owningTeam', v)}
            />
          </fieldset>
        ))}
        {problem && problem.status !== 412 && <ProblemMessage error={problem} shownFields={shownFields} />}
        <div className="form-actions side-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Saving…' : editing ? 'Save touchpoint' : parentId ? 'Add sub-touchpoint' : 'Add touchpoint'}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          {editing && !confirmDelete && (
            <button type="button" className="button button-danger-outline" onClick={() => setConfirmDelete(true)} disabled={busy}>
              Delete…
            </button>
          )}
        </div>
        {editing && confirmDelete && (
          <div className="notice notice-warning" role="group" aria-label="Confirm deletion">
            <p className="notice-title">Delete “{touchpoint.name}”?</p>
            <p className="notice-detail">
              Its blueprint lanes go with it
              {subTouchpoints.length > 0 ? `, and so do its ${subTouchpoints.length} sub-touchpoint${subTouchpoints.length === 1 ? '' : 's'}` : ''}; notes on it
              stay on the stage.
            </p>
            <div className="form-actions">
              <button type="button" className="button button-danger" onClick={() => void remove()} disabled={busy} autoFocus>
                {busy ? 'Deleting…' : 'Delete touchpoint'}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setConfirmDelete(false)} disabled={busy}>
                Keep it
              </button>
            </div>
          </div>
        )}
      </form>
      {editing && !parentId && onOpenSub && (
        <section className="sub-list" aria-labelledby={`${id}-subs`}>
          <h3 id={`${id}-subs`} className="panel-sub">
            Sub-touchpoints
          </h3>
          {subTouchpoints.length === 0 ? (
            <p className="muted small">None yet.</p>
          ) : (
            <ul className="sub-touchpoints">
              {subTouchpoints.map((sub) => (
                <li key={sub.id}>
                  <button type="button" className="link-button" disabled={busy} onClick={() => onOpenSub(sub)}>
                    {sub.name}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="button button-quiet button-small" disabled={busy} onClick={() => onOpenSub(null)}>
            + Add sub-touchpoint<span className="visually-hidden"> under {touchpoint.name}</span>
          </button>
        </section>
      )}
    </SidePanel>
  );
}

function Text({ id, label, value, onChange, error, required }: { id: string; label: string; value: string; onChange: (v: string) => void; error?: string | undefined; required?: boolean }) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id} className="field-label">
        {label}
        {!required && <span className="field-optional"> (optional)</span>}
      </label>
      <input
        id={id}
        value={value}
        autoComplete="off"
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The touchpoint's observed NPS (n, CI) and emotion from the live map, or why there is none. */
export function ObservedScores({ live, liveAvailable }: { live: TouchpointLive | null; liveAvailable: boolean }) {
  if (!liveAvailable) {
    return <p className="observed observed-none">Observed scores: live scores unavailable right now.</p>;
  }
  const view = describeScore('nps', live?.nps);
  return (
    <div className="observed" role="group" aria-label="Observed scores">
      <p>
        <span className="muted">Observed NPS</span>{' '}
        {view.state === 'ok' ? (
          <>
            <strong>{view.headline}</strong> <span className="muted">{view.nText}</span>
            {view.ci && <span className="muted"> · {view.ci}</span>}
          </>
        ) : (
          <strong>{view.state === 'none' ? 'not enough data (no answers yet)' : view.headline}</strong>
        )}
      </p>
      <p>
        <span className="muted">Observed emotion</span>{' '}
        {live?.observedEmotion != null ? <strong>{emotionLabel(live.observedEmotion)}</strong> : <span>too few answers for an observed emotion yet</span>}
      </p>
    </div>
  );
}

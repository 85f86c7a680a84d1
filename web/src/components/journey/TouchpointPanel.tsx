import { useId, useState, type ReactNode } from 'react';
import type { ApiError, Channel, Stage, Touchpoint, TouchpointLive } from '../../api';
import { describeScore, emotionLabel } from '../../format';
import { fieldErrorsOf } from '../../forms';
import { draftOf, inputOf, LANE_NAMES, validateDraft, type TouchpointDraft } from '../../journeyMap';
import { ProblemMessage } from '../ProblemMessage';
import { SidePanel } from '../SidePanel';

export type WriteResult = { ok: true } | { ok: false; error: ApiError | null };

interface Props {
  stage: Stage;
  /** null: a new touchpoint in `stage`. */
  touchpoint: Touchpoint | null;
  channels: Channel[];
  live: TouchpointLive | null;
  liveAvailable: boolean;
  /** Rendered at the top while the map is in conflict (someone else changed it). */
  conflict: ReactNode;
  onSave: (body: ReturnType<typeof inputOf>) => Promise<WriteResult>;
  onDelete: () => Promise<WriteResult>;
  onClose: () => void;
}

const LANES = ['customerAction', 'frontstage', 'backstage', 'support'] as const;

/** Add or edit a touchpoint: name, channel, expected emotion, owning team, the four blueprint lanes. */
export function TouchpointPanel({ stage, touchpoint, channels, live, liveAvailable, conflict, onSave, onDelete, onClose }: Props) {
  const id = useId();
  const [draft, setDraft] = useState<TouchpointDraft>(() => draftOf(touchpoint));
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
    const result = await onSave(inputOf(draft));
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

  const shownFields = ['name', 'channelId', 'expectedEmotion', 'owningTeam', ...LANES.flatMap((l) => [`${l}.text`, `${l}.owningTeam`, l])];
  const emotionText = emotionLabel(draft.expectedEmotion) ?? '0 neutral';

  return (
    <SidePanel
      title={editing ? `Touchpoint: ${touchpoint.name}` : 'Add a touchpoint'}
      subtitle={<>Stage: {stage.name}</>}
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
            {busy ? 'Saving…' : editing ? 'Save touchpoint' : 'Add touchpoint'}
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
            <p className="notice-detail">Its blueprint lanes go with it; notes on it stay on the stage.</p>
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

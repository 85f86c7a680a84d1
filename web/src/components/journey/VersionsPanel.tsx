import { useEffect, useId, useState } from 'react';
import { getVersionDiff, listVersions, type ApiError, type FieldChange, type JourneyVersion, type NoteChange, type VersionDiff } from '../../api';
import { formatDateTime } from '../../dates';
import { asApiError } from '../../forms';
import { useApi } from '../../session';
import { Loading } from '../Loading';
import { ProblemMessage } from '../ProblemMessage';
import type { WriteResult } from './TouchpointPanel';

interface Props {
  workspaceId: string;
  journeyId: string;
  canEdit: boolean;
  /** Disabled while another change runs or the map is in conflict. */
  writeBlocked: boolean;
  onSave: (label: string) => Promise<WriteResult>;
}

const FIELD_NAMES: Record<string, string> = {
  name: 'name',
  position: 'position',
  channel: 'channel',
  expectedEmotion: 'expected emotion',
  owningTeam: 'owning team',
  stage: 'stage',
  state: 'state',
  ownerName: 'owner',
  reviewEveryDays: 'review cadence (days)',
  description: 'description',
  personaId: 'persona',
  severity: 'severity',
  impact: 'impact',
  effort: 'effort',
  status: 'status',
  owner: 'owner',
  title: 'title',
  text: 'text',
};

/** `customerAction.owningTeam` → "customer action team". */
export function fieldName(field: string): string {
  if (FIELD_NAMES[field]) return FIELD_NAMES[field];
  const [lane, part] = field.split('.');
  const laneNames: Record<string, string> = { customerAction: 'customer action', frontstage: 'frontstage', backstage: 'backstage', support: 'support' };
  if (lane && laneNames[lane]) return part === 'owningTeam' ? `${laneNames[lane]} team` : laneNames[lane];
  return field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

const NOTE_KINDS: Record<string, string> = { painPoint: 'Pain point', opportunity: 'Opportunity', evidence: 'Evidence' };

/** Saved versions of the map, "Save version", and what changed between two of them. */
export function VersionsPanel({ workspaceId, journeyId, canEdit, writeBlocked, onSave }: Props) {
  const id = useId();
  const [round, setRound] = useState(0);
  const [versions, reload] = useApi((signal) => listVersions(workspaceId, journeyId, signal), `${workspaceId}/${journeyId}/versions/${round}`);
  const [label, setLabel] = useState('');
  const [labelError, setLabelError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [diff, setDiff] = useState<{ state: 'idle' } | { state: 'loading' } | { state: 'ok'; data: VersionDiff } | { state: 'error'; error: ApiError }>({ state: 'idle' });

  // Keep showing the list (and the comparison form) while it re-reads after a save.
  const [items, setItems] = useState<JourneyVersion[]>([]);
  useEffect(() => {
    if (versions.status === 'ok') setItems(versions.data.items);
  }, [versions]);
  // Default comparison: the previous version against the newest.
  useEffect(() => {
    if (items.length >= 2) {
      setTo(String(items[0]!.number));
      setFrom(String(items[1]!.number));
    }
  }, [items.length > 0 ? items[0]!.number : 0]); // eslint-disable-line react-hooks/exhaustive-deps

  async function save() {
    const trimmed = label.trim();
    if (trimmed === '' || trimmed.length > 200) {
      setLabelError(trimmed === '' ? 'Give the version a label, e.g. “Before the workshop”' : 'Use at most 200 characters');
      document.getElementById(`${id}-label`)?.focus();
      return;
    }
    setLabelError(null);
    setSaveError(null);
    setSaving(true);
    const result = await onSave(trimmed);
    setSaving(false);
    if (result.ok) {
      setLabel('');
      setStatus(`Version “${trimmed}” saved.`);
      setRound((r) => r + 1);
    } else if (result.error) {
      setSaveError(result.error);
      const labelMessage = result.error.problem.errors?.find((e) => e.field === 'label');
      if (labelMessage) setLabelError(labelMessage.message);
    }
  }

  async function compare() {
    if (from === '' || to === '') return;
    setDiff({ state: 'loading' });
    try {
      setDiff({ state: 'ok', data: await getVersionDiff(workspaceId, journeyId, Number(from), Number(to)) });
    } catch (e) {
      setDiff({ state: 'error', error: asApiError(e) });
    }
  }

  return (
    <section className="panel versions" aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h2 id={`${id}-title`}>Versions</h2>
        <p className="panel-note">Labelled snapshots of this map, to compare over time.</p>
      </div>
      {canEdit && (
        <form
          className="inline-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!saving) void save();
          }}
        >
          <div className={labelError ? 'field field-invalid' : 'field'}>
            <label htmlFor={`${id}-label`} className="field-label">
              Version label
            </label>
            <input
              id={`${id}-label`}
              value={label}
              maxLength={400}
              autoComplete="off"
              aria-invalid={labelError ? true : undefined}
              aria-describedby={labelError ? `${id}-label-error` : undefined}
              onChange={(e) => setLabel(e.target.value)}
            />
            {labelError && (
              <p id={`${id}-label-error`} className="field-error">
                {labelError}
              </p>
            )}
          </div>
          <button type="submit" className="button button-primary" disabled={saving || writeBlocked}>
            {saving ? 'Saving…' : 'Save version'}
          </button>
        </form>
      )}
      <p className="form-status" role="status">
        {status}
      </p>
      {saveError && saveError.status !== 412 && <ProblemMessage error={saveError} shownFields={['label']} />}

      {versions.status === 'loading' && items.length === 0 && <Loading label="Loading versions…" />}
      {versions.status === 'error' && <ProblemMessage error={versions.error} onRetry={reload} />}
      {versions.status === 'ok' && items.length === 0 && <p className="muted">No versions saved yet.</p>}
      {items.length > 0 && (
        <ol className="version-list" aria-label="Saved versions, newest first">
          {items.map((v) => (
            <li key={v.number}>
              <span className="version-number">v{v.number}</span> <strong>{v.label}</strong>{' '}
              <span className="muted small">
                {formatDateTime(v.createdAt)}
                {v.createdBy ? ` · ${v.createdBy}` : ''}
              </span>
            </li>
          ))}
        </ol>
      )}

      {items.length >= 2 && (
        <form
          className="inline-form compare-form"
          onSubmit={(e) => {
            e.preventDefault();
            void compare();
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-from`} className="field-label">
              From
            </label>
            <select id={`${id}-from`} value={from} onChange={(e) => setFrom(e.target.value)}>
              {items.map((v) => (
                <option key={v.number} value={String(v.number)}>
                  v{v.number} — {v.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`} className="field-label">
              To
            </label>
            <select id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value)}>
              {items.map((v) => (
                <option key={v.number} value={String(v.number)}>
                  v{v.number} — {v.label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button-secondary" disabled={diff.state === 'loading' || from === to}>
            Show changes
          </button>
        </form>
      )}
      {diff.state === 'loading' && <Loading label="Comparing versions…" />}
      {diff.state === 'error' && <ProblemMessage error={diff.error} />}
      {diff.state === 'ok' && <DiffView diff={diff.data} />}
    </section>
  );
}

function ChangeTag({ change }: { change: string }) {
  if (change === 'unchanged') return null;
  return <span className={`tag tag-change tag-${change}`}>{change}</span>;
}

function Fields({ fields }: { fields: FieldChange[] }) {
  if (fields.length === 0) return null;
  return (
    <ul className="diff-fields">
      {fields.map((f) => (
        <li key={f.field}>
          <span className="muted">{fieldName(f.field)}:</span> <del>{f.from ?? '(empty)'}</del> <span aria-hidden="true">→</span>
          <span className="visually-hidden"> changed to </span> <ins>{f.to ?? '(empty)'}</ins>
        </li>
      ))}
    </ul>
  );
}

function Notes({ notes }: { notes: NoteChange[] }) {
  if (notes.length === 0) return null;
  return (
    <ul className="diff-items">
      {notes.map((n) => (
        <li key={`${n.kind}:${n.id}`}>
          <span className="muted">{NOTE_KINDS[n.kind] ?? n.kind}</span> {n.title} <ChangeTag change={n.change} />
          <Fields fields={n.fields} />
        </li>
      ))}
    </ul>
  );
}

/** The diff: its summary lines, then the changes grouped by journey, stage (touchpoints, notes) and loose notes. */
export function DiffView({ diff }: { diff: VersionDiff }) {
  const { changes } = diff;
  const none = changes.summary.length === 0;
  return (
    <div className="diff" aria-live="polite">
      <h3 className="diff-title">
        Changes from v{diff.from.number} “{diff.from.label}” to v{diff.to.number} “{diff.to.label}”
      </h3>
      {none ? (
        <p className="muted">No differences between these versions.</p>
      ) : (
        <>
          <h4 className="diff-sub">Summary</h4>
          <ul className="diff-summary">
            {changes.summary.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
          <h4 className="diff-sub">By stage</h4>
          {changes.journey.length > 0 && (
            <div className="diff-group">
              <p className="diff-group-title">Journey</p>
              <Fields fields={changes.journey} />
            </div>
          )}
          {changes.stages.map((s) => (
            <div key={s.stageId} className="diff-group">
              <p className="diff-group-title">
                Stage “{s.name}” <ChangeTag change={s.change} />
              </p>
              <Fields fields={s.fields} />
              {s.touchpoints.length > 0 && (
                <ul className="diff-items">
                  {s.touchpoints.map((t) => (
                    <li key={t.touchpointId}>
                      <span className="muted">Touchpoint</span> {t.name} <ChangeTag change={t.change} />
                      <Fields fields={t.fields} />
                    </li>
                  ))}
                </ul>
              )}
              <Notes notes={s.notes} />
            </div>
          ))}
          {changes.notes.length > 0 && (
            <div className="diff-group">
              <p className="diff-group-title">Notes at no stage</p>
              <Notes notes={changes.notes} />
            </div>
          )}
        </>
      )}
    </div>
  );
}

import { useMemo, useState, type FormEvent } from 'react';
import { ApiError } from '../../api';
import {
  createAlertRule,
  deleteAlertRule,
  listAlertRules,
  METRICS,
  SCOPE_TYPES,
  type AlertRule,
  type ConditionType,
  type Metric,
  type NewAlertRule,
  type ScopeType,
  type SummaryDetail,
} from '../../apiMetrics';
import { asApiError, compact, fieldErrorsOf, type FieldErrors } from '../../forms';
import { formatCount, METRIC_NAMES } from '../../format';
import { usePaged } from '../../paged';
import { ConfirmDialog } from '../ConfirmDialog';
import { EmptyState } from '../EmptyState';
import { SelectField } from '../Field';
import { LoadMore } from '../LoadMore';
import { Loading } from '../Loading';
import { ProblemMessage } from '../ProblemMessage';
import { conditionText, scopeText } from './alertText';

interface Props {
  workspaceId: string;
  canWrite: boolean;
  names: Map<string, string>;
  /** The workspace summary: where the journeys, stages and touchpoints to pick from come from. */
  summary: SummaryDetail | null;
}

/** The rules that raise alerts: every member reads them, editors and admins create and delete. */
export function AlertRules({ workspaceId, canWrite, names, summary }: Props) {
  const list = usePaged<AlertRule>((cursor, signal) => listAlertRules(workspaceId, { cursor, signal }), `alert-rules:${workspaceId}`);
  const [deleting, setDeleting] = useState<AlertRule | null>(null);
  const [busy, setBusy] = useState(false);
  const [deleteError, setDeleteError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState('');

  async function remove(rule: AlertRule) {
    setBusy(true);
    setDeleteError(null);
    try {
      await deleteAlertRule(workspaceId, rule.ruleId);
      list.update((items) => items.filter((r) => r.ruleId !== rule.ruleId));
      setDeleting(null);
      setStatus('The rule was deleted. Alerts it raised stay.');
    } catch (e) {
      setDeleteError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="rules-title">
      <div className="panel-head">
        <h2 id="rules-title">Alert rules</h2>
        {!canWrite && <p className="panel-note">Your role can read the rules; editors and admins change them.</p>}
      </div>
      <p className="form-status" role="status" aria-live="polite">
        {status}
      </p>
      {list.first.status === 'loading' && <Loading label="Loading alert rules…" />}
      {list.first.status === 'error' && <ProblemMessage error={list.first.error} onRetry={list.reload} />}
      {list.first.status === 'ok' && list.items.length === 0 && (
        <EmptyState title="No alert rules yet">{canWrite && <p>Add one below to hear when a score falls.</p>}</EmptyState>
      )}
      {list.items.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Alert rules</caption>
            <thead>
              <tr>
                <th scope="col">Scope</th>
                <th scope="col">Condition</th>
                <th scope="col" className="num">
                  Min n
                </th>
                <th scope="col">State</th>
                {canWrite && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {list.items.map((r) => (
                <tr key={r.ruleId}>
                  <th scope="row">{scopeText(r.scope, names)}</th>
                  <td>{conditionText(r.metric, r.condition, r.window)}</td>
                  <td className="num">{formatCount(r.minN)}</td>
                  <td>
                    {!r.enabled ? (
                      <span className="tag">Off</span>
                    ) : r.firing ? (
                      <span className="tag tag-alert-open">⚠ Firing</span>
                    ) : (
                      <span className="tag tag-alert-done">✓ Quiet</span>
                    )}
                  </td>
                  {canWrite && (
                    <td className="actions">
                      <button
                        type="button"
                        className="button button-danger-outline button-small"
                        onClick={() => {
                          setDeleteError(null);
                          setDeleting(r);
                        }}
                      >
                        Delete<span className="visually-hidden"> rule: {conditionText(r.metric, r.condition, r.window)}</span>
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore list={list} label="Load more rules" />
      {canWrite && (
        <NewRuleForm
          workspaceId={workspaceId}
          summary={summary}
          onCreated={(rule) => {
            list.update((items) => [...items, rule]);
            setStatus('The rule was added.');
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete this alert rule?"
          confirmLabel="Delete rule"
          busyLabel="Deleting…"
          danger
          busy={busy}
          error={deleteError}
          onConfirm={() => void remove(deleting)}
          onCancel={() => setDeleting(null)}
        >
          <p>
            {scopeText(deleting.scope, names)}: {conditionText(deleting.metric, deleting.condition, deleting.window)}.
          </p>
          <p>Alerts it already raised stay in the list.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

const SCOPE_LABELS: Record<ScopeType, string> = {
  workspace: 'Whole workspace',
  journey: 'A journey',
  stage: 'A stage',
  touchpoint: 'A touchpoint',
};

const THRESHOLD_HINT: Record<Metric, string> = {
  nps: '−100 to 100',
  csat: '0 to 100 (% satisfied)',
  ces: '1 to 7',
};

function scopeOptions(summary: SummaryDetail | null, type: ScopeType): { value: string; label: string }[] {
  if (!summary || type === 'workspace') return [];
  const journeyName = new Map((summary.journeys ?? []).map((j) => [j.journeyId, j.name ?? 'Unnamed journey']));
  const stageName = new Map((summary.stages ?? []).map((s) => [s.stageId, s.name ?? 'Unnamed stage']));
  if (type === 'journey') return (summary.journeys ?? []).map((j) => ({ value: j.journeyId, label: j.name ?? 'Unnamed journey' }));
  if (type === 'stage') {
    return (summary.stages ?? []).map((s) => ({ value: s.stageId, label: `${journeyName.get(s.journeyId) ?? 'Journey'} › ${s.name ?? 'Unnamed stage'}` }));
  }
  return (summary.touchpoints ?? []).map((t) => ({
    value: t.touchpointId,
    label: `${t.stageId ? `${stageName.get(t.stageId) ?? 'Stage'} › ` : ''}${t.name ?? 'Unnamed touchpoint'}`,
  }));
}

function NumberInput({ id, label, value, onChange, error, hint, optional }: { id: string; label: string; value: string; onChange: (v: string) => void; error?: string; hint?: string; optional?: boolean }) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id} className="field-label">
        {label}
        {optional && <span className="field-optional"> (optional)</span>}
      </label>
      <input id={id} name={id} inputMode="decimal" value={value} aria-invalid={error ? true : undefined} aria-describedby={described} onChange={(e) => onChange(e.target.value)} />
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

const FIELDS = ['metric', 'scope.type', 'scope.id', 'condition.type', 'condition.threshold', 'window', 'minN'];

function NewRuleForm({ workspaceId, summary, onCreated }: { workspaceId: string; summary: SummaryDetail | null; onCreated: (rule: AlertRule) => void }) {
  const [metric, setMetric] = useState<Metric>('nps');
  const [scopeType, setScopeType] = useState<ScopeType>('workspace');
  const [scopeId, setScopeId] = useState('');
  const [conditionType, setConditionType] = useState<ConditionType>('below');
  const [threshold, setThreshold] = useState('');
  const [windowDays, setWindowDays] = useState('7');
  const [minN, setMinN] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  // One key per rule being written: a retry after a lost answer does not create it twice.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const options = useMemo(() => scopeOptions(summary, scopeType), [summary, scopeType]);

  function validate(): FieldErrors {
    const t = Number(threshold.trim());
    const w = Number(windowDays.trim());
    const m = Number(minN.trim());
    return compact({
      'scope.id': scopeType !== 'workspace' && scopeId === '' ? `Choose ${SCOPE_LABELS[scopeType].toLowerCase()}` : undefined,
      'condition.threshold': threshold.trim() === '' || !Number.isFinite(t) ? 'Enter a number' : undefined,
      window: !Number.isInteger(w) || w < 1 || w > 365 ? 'Enter whole days from 1 to 365' : undefined,
      minN: minN.trim() !== '' && (!Number.isInteger(m) || m < 1) ? 'Enter a whole number of at least 1, or leave it empty' : undefined,
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local = validate();
    setErrors(local);
    setProblem(null);
    if (Object.keys(local).length > 0) return;
    const body: NewAlertRule = {
      metric,
      scope: scopeType === 'workspace' ? { type: 'workspace' } : { type: scopeType, id: scopeId },
      condition: { type: conditionType, threshold: Number(threshold.trim()) },
      window: Number(windowDays.trim()),
    };
    if (minN.trim() !== '') body.minN = Number(minN.trim());
    setSaving(true);
    try {
      const rule = await createAlertRule(workspaceId, body, idempotencyKey);
      onCreated(rule);
      setThreshold('');
      setIdempotencyKey(crypto.randomUUID());
    } catch (e) {
      const error = asApiError(e);
      setErrors(fieldErrorsOf(error));
      setProblem(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="form rule-form" onSubmit={submit} noValidate aria-labelledby="rule-new-title">
      <h3 id="rule-new-title" className="rule-form-title">
        New rule
      </h3>
      <fieldset className="form-section form-grid" disabled={saving}>
        <legend className="visually-hidden">New alert rule</legend>
        <SelectField
          id="rule-metric"
          label="Metric"
          required
          value={metric}
          error={errors.metric}
          options={METRICS.map((m) => ({ value: m, label: METRIC_NAMES[m] }))}
          onChange={(v) => setMetric(v as Metric)}
        />
        <SelectField
          id="rule-scope-type"
          label="Scope"
          required
          value={scopeType}
          error={errors['scope.type']}
          options={SCOPE_TYPES.map((s) => ({ value: s, label: SCOPE_LABELS[s] }))}
          onChange={(v) => {
            setScopeType(v as ScopeType);
            setScopeId('');
          }}
        />
        {scopeType !== 'workspace' && (
          <SelectField
            id="rule-scope-id"
            label={scopeType.charAt(0).toUpperCase() + scopeType.slice(1)}
            required
            value={scopeId}
            error={errors['scope.id']}
            hint={options.length === 0 ? `No ${scopeType} has answers in the period shown above yet.` : undefined}
            options={[{ value: '', label: 'Choose…' }, ...options]}
            onChange={setScopeId}
          />
        )}
        <SelectField
          id="rule-condition"
          label="Condition"
          required
          value={conditionType}
          error={errors['condition.type']}
          options={[
            { value: 'below', label: 'Falls below a value' },
            { value: 'drop', label: 'Drops by points vs the previous window' },
          ]}
          onChange={(v) => setConditionType(v as ConditionType)}
        />
        <NumberInput
          id="rule-threshold"
          label={conditionType === 'below' ? `${METRIC_NAMES[metric]} value` : 'Points dropped'}
          value={threshold}
          error={errors['condition.threshold']}
          hint={conditionType === 'below' ? THRESHOLD_HINT[metric] : 'More than 0'}
          onChange={setThreshold}
        />
        <NumberInput id="rule-window" label="Window (days)" value={windowDays} error={errors.window} onChange={setWindowDays} />
        <NumberInput
          id="rule-min-n"
          label="Minimum n"
          optional
          value={minN}
          error={errors.minN}
          hint="Empty: the workspace's minimum n."
          onChange={setMinN}
        />
      </fieldset>
      {problem && <ProblemMessage error={problem} shownFields={FIELDS} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Adding…' : 'Add rule'}
        </button>
      </div>
    </form>
  );
}

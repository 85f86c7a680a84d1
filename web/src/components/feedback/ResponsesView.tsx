import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { ApiError, WorkspaceAccess } from '../../api';
import {
  downloadResponsesCsv,
  eraseRespondent,
  eraseResponse,
  getResponse,
  listResponses,
  listSurveys,
  type Answer,
  type ResponseFilter,
  type Survey,
  type SurveyResponse,
} from '../../apiFeedback';
import { formatDateTime } from '../../dates';
import { asApiError, compact, fieldErrorsOf, type FieldErrors } from '../../forms';
import { usePaged } from '../../paged';
import { journeyPath, onLinkClick, surveyPath } from '../../router';
import { useApi } from '../../session';
import { ConfirmDialog } from '../ConfirmDialog';
import { EmptyState } from '../EmptyState';
import { LoadMore } from '../LoadMore';
import { Loading } from '../Loading';
import { ProblemMessage } from '../ProblemMessage';
import { SidePanel } from '../SidePanel';
import { catalogOf, touchpointLabel, useCatalog, type Catalog } from './catalog';
import { describedBy, FieldMessages, InputField } from './fields';
import { canEraseResponses } from './roles';
import { KIND_SHORT, languageName } from './surveyDraft';

const PAGE = 50;

/** What the filter form holds: dates as the date inputs give them (local days), scores as typed. */
export interface FilterForm {
  surveyId: string;
  touchpointId: string;
  fromDate: string;
  toDate: string;
  minScore: string;
  maxScore: string;
}

export const EMPTY_FILTER: FilterForm = { surveyId: '', touchpointId: '', fromDate: '', toDate: '', minScore: '', maxScore: '' };

function localMidnight(date: string, plusDays = 0): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y!, m! - 1, d! + plusDays).toISOString();
}

function scoreError(value: string): string | undefined {
  if (value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? undefined : 'Enter a whole number from 0 to 10.';
}

/** Checks the form; field errors by API parameter name (so API errors land on the same fields). */
export function checkFilter(form: FilterForm): FieldErrors {
  const errors = compact({ minScore: scoreError(form.minScore), maxScore: scoreError(form.maxScore) });
  if (!errors.minScore && !errors.maxScore && form.minScore !== '' && form.maxScore !== '' && Number(form.minScore) > Number(form.maxScore)) {
    errors.maxScore = 'Must not be below the lowest score.';
  }
  if (form.fromDate && form.toDate && form.toDate < form.fromDate) errors.to = 'Must not be before the start date.';
  return errors;
}

/**
 * The API filter: `from` is the start of the first day, `to` the start of the day after the last
 * (the service's `to` is exclusive), both in the browser's time zone.
 */
export function toFilter(form: FilterForm): ResponseFilter {
  const filter: ResponseFilter = {};
  if (form.surveyId) filter.surveyId = form.surveyId;
  if (form.touchpointId) filter.touchpointId = form.touchpointId;
  if (form.fromDate) filter.from = localMidnight(form.fromDate);
  if (form.toDate) filter.to = localMidnight(form.toDate, 1);
  if (form.minScore.trim() !== '') filter.minScore = Number(form.minScore);
  if (form.maxScore.trim() !== '') filter.maxScore = Number(form.maxScore);
  return filter;
}

function initialForm(): FilterForm {
  const params = new URLSearchParams(window.location.search);
  return { ...EMPTY_FILTER, surveyId: params.get('survey') ?? '', touchpointId: params.get('touchpoint') ?? '' };
}

/** Responses of the workspace with filters, paging, one response in a panel, CSV export and erasure. */
export function ResponsesView({ workspace }: { workspace: WorkspaceAccess }) {
  const [form, setForm] = useState<FilterForm>(initialForm);
  const [applied, setApplied] = useState<ResponseFilter>(() => toFilter(initialForm()));
  const [formErrors, setFormErrors] = useState<FieldErrors>({});
  const [openId, setOpenId] = useState<string | null>(() => new URLSearchParams(window.location.search).get('response'));
  const [notice, setNotice] = useState('');
  const [catalogState] = useCatalog(workspace.id);
  const catalog = catalogOf(catalogState);
  const [surveysState] = useApi((signal) => listSurveys(workspace.id, { limit: 200, signal }), `response-surveys:${workspace.id}`);
  const surveys = useMemo(() => (surveysState.status === 'ok' ? surveysState.data.items : []), [surveysState]);
  const surveyById = useMemo(() => new Map(surveys.map((s) => [s.id, s])), [surveys]);
  const canErase = canEraseResponses(workspace.role);

  const list = usePaged<SurveyResponse>(
    (cursor, signal) => listResponses(workspace.id, applied, { cursor, signal, limit: PAGE }),
    `responses:${workspace.id}:${JSON.stringify(applied)}`,
  );
  const apiErrors = list.first.status === 'error' ? fieldErrorsOf(list.first.error) : {};
  const errors: FieldErrors = { ...apiErrors, ...formErrors };

  useEffect(() => {
    document.title = `Responses · ${workspace.name} · Waymark`;
  }, [workspace.name]);

  function apply(event: FormEvent) {
    event.preventDefault();
    const found = checkFilter(form);
    setFormErrors(found);
    if (Object.keys(found).length > 0) return;
    setNotice('');
    setApplied(toFilter(form));
  }

  function clear() {
    setForm(EMPTY_FILTER);
    setFormErrors({});
    setApplied({});
  }

  const set = (key: keyof FilterForm) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const opened = openId ? list.items.find((r) => r.id === openId) : undefined;
  const filtered = Object.keys(applied).length > 0;

  return (
    <div className="page">
      <div className="page-head page-head-row">
        <div>
          <p className="breadcrumb">{workspace.name}</p>
          <h1 className="page-title">Responses</h1>
          <p className="page-sub">What respondents answered, newest first.</p>
        </div>
        <CsvExport workspaceId={workspace.id} filter={applied} />
      </div>
      <section className="panel" aria-labelledby="responses-title">
        <div className="panel-head">
          <h2 id="responses-title">Find responses</h2>
        </div>
        <form className="filter-row fb-filters" onSubmit={apply} role="search" aria-label="Filter responses" noValidate>
          <SelectBox id="responses-survey" label="Survey" value={form.surveyId} onChange={set('surveyId')} error={errors.surveyId}>
            <option value="">All surveys</option>
            {surveys.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectBox>
          <SelectBox id="responses-touchpoint" label="Touchpoint" value={form.touchpointId} onChange={set('touchpointId')} error={errors.touchpointId}>
            <option value="">All touchpoints</option>
            {catalog?.journeys.map((j) => (
              <optgroup key={j.id} label={j.name}>
                {j.stages.flatMap((s) =>
                  s.touchpoints.map((t) => (
                    <option key={t.id} value={t.id}>
                      {s.name} › {t.name}
                    </option>
                  )),
                )}
              </optgroup>
            ))}
          </SelectBox>
          <InputField id="responses-from" label="From" type="date" value={form.fromDate} onChange={set('fromDate')} error={errors.from} />
          <InputField id="responses-to" label="To (inclusive)" type="date" value={form.toDate} onChange={set('toDate')} error={errors.to} />
          <InputField id="responses-min" label="Lowest score" type="number" min={0} max={10} value={form.minScore} onChange={set('minScore')} error={errors.minScore} hint="0–10, on the headline score" />
          <InputField id="responses-max" label="Highest score" type="number" min={0} max={10} value={form.maxScore} onChange={set('maxScore')} error={errors.maxScore} hint="e.g. 6 for NPS detractors" />
          <div className="filter-actions">
            <button type="submit" className="button button-secondary">
              Apply
            </button>
            {filtered && (
              <button type="button" className="button button-quiet" onClick={clear}>
                Clear
              </button>
            )}
          </div>
        </form>
        <p className="form-status" role="status" aria-live="polite">
          {notice}
        </p>
        {list.first.status === 'loading' && <Loading label="Loading responses…" />}
        {list.first.status === 'error' && <ProblemMessage error={list.first.error} onRetry={list.reload} shownFields={Object.keys(apiErrors)} />}
        {list.first.status === 'ok' && list.items.length === 0 && (
          <EmptyState title={filtered ? 'No responses match' : 'No responses yet'}>
            <p>{filtered ? 'Try a wider date range or other filters.' : 'Answers to your published surveys will appear here.'}</p>
          </EmptyState>
        )}
        {list.items.length > 0 && (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Responses</caption>
              <thead>
                <tr>
                  <th scope="col">Submitted</th>
                  <th scope="col">Survey</th>
                  <th scope="col">Touchpoint</th>
                  <th scope="col">Score</th>
                  <th scope="col">Language</th>
                  <th scope="col">Source</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((r) => (
                  <tr key={r.id}>
                    <td className="nowrap">
                      <time dateTime={r.submittedAt}>{formatDateTime(r.submittedAt)}</time>
                    </td>
                    <td>{surveyById.get(r.surveyId)?.name ?? <span className="muted">Survey {r.surveyId.slice(0, 8)}</span>}</td>
                    <td>{r.touchpointId ? touchpointLabel(catalog, r.touchpointId) : <span className="muted">—</span>}</td>
                    <td>
                      <ScoreCell response={r} />
                    </td>
                    <td>
                      <span className="mono" title={languageName(r.lang)}>
                        {r.lang}
                      </span>
                    </td>
                    <td>{r.source === 'import' ? 'CSV import' : 'Web'}</td>
                    <td>
                      <button type="button" className="button button-quiet button-small" onClick={() => setOpenId(r.id)}>
                        Open<span className="visually-hidden"> response of {formatDateTime(r.submittedAt)}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <LoadMore list={list} label="Load more responses" />
      </section>
      {canErase && <EraseRespondent workspaceId={workspace.id} onErased={(n) => {
        setNotice(`Erased ${n} ${n === 1 ? 'response' : 'responses'} of the respondent.`);
        list.reload();
      }} />}
      {openId && (
        <ResponsePanel
          workspaceId={workspace.id}
          responseId={openId}
          known={opened}
          surveys={surveyById}
          catalog={catalog}
          canErase={canErase}
          onClose={() => setOpenId(null)}
          onErased={(id) => {
            list.update((items) => items.filter((r) => r.id !== id));
            setOpenId(null);
            setNotice('The response was erased.');
          }}
        />
      )}
    </div>
  );
}

function SelectBox({ id, label, value, onChange, error, children }: { id: string; label: string; value: string; onChange: (v: string) => void; error?: string; children: ReactNode }) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select id={id} value={value} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, false, error)} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
      <FieldMessages id={id} error={error} />
    </div>
  );
}

function ScoreCell({ response }: { response: SurveyResponse }) {
  if (response.score === null || response.score === undefined) return <span className="muted">—</span>;
  const kind = response.scoreKind;
  const tone = kind === 'nps' ? (response.score <= 6 ? 'bad' : response.score >= 9 ? 'good' : 'mid') : kind === 'csat' ? (response.score <= 2 ? 'bad' : response.score >= 4 ? 'good' : 'mid') : 'mid';
  return (
    <span className={`fb-score fb-score-${tone}`}>
      <span className="fb-score-kind">{kind ? KIND_SHORT[kind] : ''}</span> {response.score}
    </span>
  );
}

function CsvExport({ workspaceId, filter }: { workspaceId: string; filter: ResponseFilter }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function download() {
    setBusy(true);
    setError(null);
    try {
      const { blob, filename } = await downloadResponsesCsv(workspaceId, filter);
      if (typeof URL.createObjectURL === 'function') {
        const url = URL.createObjectURL(blob);
        const a = document.createElement('a');
        a.href = url;
        a.download = filename;
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      }
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="csv">
      <button type="button" className="button button-secondary" onClick={() => void download()} disabled={busy}>
        {busy ? 'Preparing…' : 'Export CSV'}
      </button>
      <span className="field-hint">All responses matching the filter</span>
      {error && <ProblemMessage error={error} />}
    </div>
  );
}

// ---- one response --------------------------------------------------------------------------

/** The question's text in the response's language (else the survey's default). */
function questionText(survey: Survey | undefined, answer: Answer, lang: string): string {
  const q = survey?.questions.find((x) => x.id === answer.questionId);
  if (!q) return answer.questionId;
  return q.text[lang] ?? q.text[survey!.languages[0] ?? ''] ?? answer.questionId;
}

function answerText(survey: Survey | undefined, answer: Answer, lang: string): string {
  const value = answer.value;
  if (value === null || value === undefined || value === '') return 'Skipped';
  const q = survey?.questions.find((x) => x.id === answer.questionId);
  const option = (id: string) => {
    const o = q?.options?.find((x) => x.id === id);
    return o ? (o.text[lang] ?? o.text[survey!.languages[0] ?? ''] ?? id) : id;
  };
  if (Array.isArray(value)) return value.map((v) => option(String(v))).join(', ');
  if (answer.kind === 'single-choice') return option(String(value));
  return String(value);
}

interface PanelProps {
  workspaceId: string;
  responseId: string;
  known: SurveyResponse | undefined;
  surveys: Map<string, Survey>;
  catalog: Catalog | null;
  canErase: boolean;
  onClose: () => void;
  onErased: (id: string) => void;
}

function ResponsePanel({ workspaceId, responseId, known, surveys, catalog, canErase, onClose, onErased }: PanelProps) {
  const [loaded, reload] = useApi<SurveyResponse>(
    (signal) => (known ? Promise.resolve(known) : getResponse(workspaceId, responseId, signal)),
    `response:${workspaceId}:${responseId}:${known ? 'known' : 'fetch'}`,
  );
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function erase() {
    setBusy(true);
    setError(null);
    try {
      await eraseResponse(workspaceId, responseId);
      onErased(responseId);
    } catch (e) {
      setError(asApiError(e));
      setBusy(false);
    }
  }

  const response = loaded.status === 'ok' ? loaded.data : null;
  const survey = response ? surveys.get(response.surveyId) : undefined;
  const touchpoint = response?.touchpointId ? catalog?.touchpoints.get(response.touchpointId) : undefined;
  return (
    <SidePanel title="Response" subtitle={response ? formatDateTime(response.submittedAt) : undefined} onClose={onClose} busy={busy}>
      {loaded.status === 'loading' && <Loading label="Loading the response…" />}
      {loaded.status === 'error' && <ProblemMessage error={loaded.error} onRetry={reload} />}
      {response && (
        <div className="fb-response">
          <dl className="fb-facts">
            <div>
              <dt>Survey</dt>
              <dd>
                {survey ? (
                  <a href={surveyPath(workspaceId, survey.id)} onClick={(e) => onLinkClick(e, surveyPath(workspaceId, survey.id))}>
                    {survey.name}
                  </a>
                ) : (
                  response.surveyId.slice(0, 8)
                )}
              </dd>
            </div>
            <div>
              <dt>Touchpoint</dt>
              <dd>
                {touchpoint ? (
                  <a href={journeyPath(workspaceId, touchpoint.journeyId)} onClick={(e) => onLinkClick(e, journeyPath(workspaceId, touchpoint.journeyId))}>
                    {touchpoint.name} · {touchpoint.journeyName}
                  </a>
                ) : (
                  touchpointLabel(catalog, response.touchpointId)
                )}
              </dd>
            </div>
            <div>
              <dt>Submitted</dt>
              <dd>{formatDateTime(response.submittedAt)}</dd>
            </div>
            <div>
              <dt>Language</dt>
              <dd>
                {languageName(response.lang)} <span className="mono muted">{response.lang}</span>
              </dd>
            </div>
            <div>
              <dt>Source</dt>
              <dd>{response.source === 'import' ? 'CSV import' : 'Web (link or widget)'}</dd>
            </div>
            {response.segment && (
              <div>
                <dt>Segment</dt>
                <dd>{response.segment}</dd>
              </div>
            )}
            {response.channel && (
              <div>
                <dt>Channel</dt>
                <dd>{response.channel}</dd>
              </div>
            )}
            {response.url && (
              <div>
                <dt>Page</dt>
                <dd className="fb-break">{response.url}</dd>
              </div>
            )}
            {response.respondent && (
              <div>
                <dt>Respondent</dt>
                <dd className="fb-break">{[response.respondent.email, response.respondent.externalId].filter(Boolean).join(' · ')}</dd>
              </div>
            )}
            {response.clientAddress && (
              <div>
                <dt>Address</dt>
                <dd className="mono">{response.clientAddress}</dd>
              </div>
            )}
            {response.userAgent && (
              <div>
                <dt>Browser</dt>
                <dd className="fb-break small">{response.userAgent}</dd>
              </div>
            )}
          </dl>
          <h3 className="fb-answers-title">Answers</h3>
          <ol className="fb-answers">
            {response.answers.map((a) => (
              <li key={a.questionId}>
                <p className="fb-answer-question" lang={response.lang}>
                  {questionText(survey, a, response.lang)}
                </p>
                <p className={a.value === null ? 'fb-answer muted' : 'fb-answer'} lang={response.lang}>
                  {answerText(survey, a, response.lang)}
                </p>
              </li>
            ))}
          </ol>
          {canErase && (
            <div className="side-actions">
              <button type="button" className="button button-danger-outline" onClick={() => setConfirm(true)}>
                Erase this response…
              </button>
            </div>
          )}
        </div>
      )}
      {confirm && (
        <ConfirmDialog
          title="Erase this response for good?"
          confirmLabel="Erase response"
          busyLabel="Erasing…"
          danger
          busy={busy}
          error={error}
          onConfirm={() => void erase()}
          onCancel={() => {
            setConfirm(false);
            setError(null);
          }}
        >
          <p>For a data subject’s erasure request (GDPR). Its answers are deleted and removed from the scores. This cannot be undone.</p>
        </ConfirmDialog>
      )}
    </SidePanel>
  );
}

// ---- erasure by respondent -------------------------------------------------------------------

function EraseRespondent({ workspaceId, onErased }: { workspaceId: string; onErased: (count: number) => void }) {
  const [by, setBy] = useState<'email' | 'externalId'>('email');
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  function ask(event: FormEvent) {
    event.preventDefault();
    if (value.trim() === '') {
      setFieldError(by === 'email' ? 'Enter the respondent’s email.' : 'Enter the respondent’s ID.');
      return;
    }
    setFieldError(undefined);
    setConfirm(true);
  }

  async function erase() {
    setBusy(true);
    setError(null);
    try {
      const key = by === 'email' ? { respondentEmail: value.trim() } : { respondentExternalId: value.trim() };
      const result = await eraseRespondent(workspaceId, key);
      setConfirm(false);
      setValue('');
      onErased(result?.erased ?? 0);
    } catch (e) {
      const apiError = asApiError(e);
      const byField = fieldErrorsOf(apiError);
      const message = byField.respondentEmail ?? byField.respondentExternalId;
      if (message) {
        setFieldError(message);
        setConfirm(false);
      } else setError(apiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="erase-respondent-title">
      <div className="panel-head">
        <h2 id="erase-respondent-title">Erase a respondent’s data</h2>
      </div>
      <p className="panel-text">For a data subject’s erasure request: every response they gave in this workspace is deleted and removed from the scores.</p>
      <form className="filter-row" onSubmit={ask} noValidate>
        <div className="field">
          <label htmlFor="erase-by" className="field-label">
            Find them by
          </label>
          <select id="erase-by" value={by} onChange={(e) => setBy(e.target.value as 'email' | 'externalId')}>
            <option value="email">Email</option>
            <option value="externalId">Customer ID (external)</option>
          </select>
        </div>
        <InputField
          id="erase-value"
          label={by === 'email' ? 'Respondent email' : 'Respondent customer ID'}
          type={by === 'email' ? 'email' : 'text'}
          value={value}
          error={fieldError}
          onChange={(v) => {
            setValue(v);
            setFieldError(undefined);
          }}
        />
        <div className="filter-actions">
          <button type="submit" className="button button-danger-outline">
            Erase…
          </button>
        </div>
      </form>
      {confirm && (
        <ConfirmDialog
          title="Erase every response of this respondent?"
          confirmLabel="Erase responses"
          busyLabel="Erasing…"
          danger
          busy={busy}
          error={error}
          onConfirm={() => void erase()}
          onCancel={() => {
            setConfirm(false);
            setError(null);
          }}
        >
          <p>
            All responses of <strong>{value.trim()}</strong> in this workspace are deleted for good and removed from the scores,
            together with the follow-up cases opened for them.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

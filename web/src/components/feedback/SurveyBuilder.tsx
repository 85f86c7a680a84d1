import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { ApiError, WorkspaceAccess } from '../../api';
import {
  closeSurvey,
  createSurvey,
  deleteSurvey,
  getSurvey,
  publishSurvey,
  QUESTION_KINDS,
  updateSurvey,
  type Distribution,
  type QuestionKind,
  type VersionedSurvey,
} from '../../apiFeedback';
import { formatDateTime } from '../../dates';
import { asApiError, fieldErrorsOf, type FieldErrors } from '../../forms';
import { navigate, onLinkClick, surveyPath, surveysPath } from '../../router';
import { useApi, type Loadable } from '../../session';
import { ConfirmDialog } from '../ConfirmDialog';
import { Loading } from '../Loading';
import { ProblemMessage } from '../ProblemMessage';
import { catalogOf, useCatalog, type Catalog } from './catalog';
import { describedBy, FieldMessages, Hidden, InputField } from './fields';
import { PublishDialog } from './PublishDialog';
import { canEditFeedback, newIdempotencyKey } from './roles';
import { StatusTag } from './SurveyList';
import { SurveyPreview } from './SurveyPreview';
import {
  addLanguage,
  addOption,
  changeKind,
  COMMON_LANGUAGES,
  draftFromSurvey,
  emptyDraft,
  fieldDomId,
  fieldPaths,
  isChoice,
  KIND_LABELS,
  KIND_SHORT,
  LANGUAGE_PATTERN,
  languageName,
  makeDefaultLanguage,
  moveQuestion,
  newQuestion,
  removeLanguage,
  setOptionText,
  toInput,
  toPatch,
  updateQuestion,
  type DraftQuestion,
  type SurveyDraft,
  type SurveyTarget,
} from './surveyDraft';

export const SURVEY_CONFLICT_MESSAGE =
  'Someone changed this survey since you opened it. Reload it to see their version (your unsaved edits here will be lost).';

interface Props {
  workspace: WorkspaceAccess;
  /** "new" opens an empty builder. */
  surveyId: string;
}

/** Loads the survey (unless new) and the workspace's touchpoints, then opens the builder. */
export function SurveyEditor({ workspace, surveyId }: Props) {
  // A survey this builder just created keeps the builder (and an open publish dialog) mounted when the
  // address changes from /new to its id.
  const [created, setCreated] = useState<string | null>(null);
  const isNew = surveyId === 'new' || surveyId === created;
  const [loaded, reload] = useApi<VersionedSurvey | null>(
    (signal) => (isNew ? Promise.resolve(null) : getSurvey(workspace.id, surveyId, signal)),
    isNew ? `survey:${workspace.id}:new` : `survey:${workspace.id}:${surveyId}`,
  );
  const [catalog, reloadCatalog] = useCatalog(workspace.id);

  useEffect(() => {
    const name = loaded.status === 'ok' && loaded.data ? loaded.data.survey.name : isNew ? 'New survey' : 'Survey';
    document.title = `${name} · ${workspace.name} · Waymark`;
  }, [loaded, isNew, workspace.name]);

  if (loaded.status === 'loading') return <Loading label="Loading the survey…" />;
  if (loaded.status === 'error') {
    return (
      <div className="page">
        <Breadcrumb workspaceId={workspace.id} />
        <ProblemMessage error={loaded.error} onRetry={reload} />
      </div>
    );
  }
  return (
    <Builder
      key={loaded.data ? `${loaded.data.survey.id}:${loaded.data.etag}` : 'new'}
      workspace={workspace}
      initial={loaded.data}
      catalog={catalog}
      reloadCatalog={reloadCatalog}
      onCreated={setCreated}
      reload={() => {
        if (created !== null) setCreated(null);
        else reload();
      }}
    />
  );
}

function Breadcrumb({ workspaceId }: { workspaceId: string }) {
  return (
    <p className="breadcrumb">
      <a href={surveysPath(workspaceId)} onClick={(e) => onLinkClick(e, surveysPath(workspaceId))}>
        Surveys
      </a>
    </p>
  );
}

interface BuilderProps {
  workspace: WorkspaceAccess;
  initial: VersionedSurvey | null;
  catalog: Loadable<Catalog>;
  reloadCatalog: () => void;
  onCreated: (surveyId: string) => void;
  reload: () => void;
}

type Dialog = { kind: 'share'; distribution: Distribution; justPublished: boolean } | { kind: 'close' } | { kind: 'delete' } | null;

function Builder({ workspace, initial, catalog, reloadCatalog, onCreated, reload }: BuilderProps) {
  const [saved, setSaved] = useState<VersionedSurvey | null>(initial);
  const [draft, setDraft] = useState<SurveyDraft>(() => (initial ? draftFromSurvey(initial.survey) : emptyDraft()));
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  const [status, setStatus] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [dialogError, setDialogError] = useState<ApiError | null>(null);
  const idempotency = useRef(newIdempotencyKey());
  const formRef = useRef<HTMLFormElement>(null);
  const [focusErrors, setFocusErrors] = useState(0);

  const survey = saved?.survey ?? null;
  const canEdit = canEditFeedback(workspace.role);
  const locked = survey !== null && survey.status !== 'draft';
  const conflict = error?.status === 412;
  const shown = useMemo(() => fieldPaths(draft).filter((p) => p in fields), [draft, fields]);

  useEffect(() => {
    if (focusErrors === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusErrors]);

  /** Every edit goes through here: the form is then unsaved and old API errors may no longer apply. */
  function edit(change: (d: SurveyDraft) => SurveyDraft, structural = false) {
    setDraft((d) => change(d));
    setDirty(true);
    setStatus('');
    // Errors name questions by position: after a reorder or removal they would point at the wrong one.
    if (structural) setFields({});
  }

  const err = (path: string): string | undefined => fields[path];

  function fail(e: unknown) {
    const apiError = asApiError(e);
    setError(apiError);
    const byField = fieldErrorsOf(apiError);
    setFields(byField);
    if (Object.keys(byField).length > 0) setFocusErrors((n) => n + 1);
  }

  /** Creates or saves; resolves to the saved survey, or null when it failed (the errors are shown). */
  async function save(): Promise<VersionedSurvey | null> {
    setError(null);
    setFields({});
    setStatus('');
    try {
      if (!survey) {
        const created = await createSurvey(workspace.id, toInput(draft), idempotency.current);
        const next = { survey: created, etag: `"${created.version}"` };
        setSaved(next);
        setDirty(false);
        onCreated(created.id);
        navigate(surveyPath(workspace.id, created.id), { replace: true });
        setStatus('Draft created.');
        return next;
      }
      const updated = await updateSurvey(workspace.id, survey.id, toPatch(draft, survey), saved?.etag ?? null);
      const next = { survey: updated, etag: `"${updated.version}"` };
      setSaved(next);
      setDirty(false);
      setStatus(`Saved at ${formatDateTime(updated.updatedAt)}.`);
      return next;
    } catch (e) {
      fail(e);
      return null;
    }
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy || !canEdit) return;
    setBusy('save');
    await save();
    setBusy(null);
  }

  async function publish() {
    if (busy) return;
    setBusy('publish');
    try {
      const current = dirty || !survey ? await save() : saved;
      if (!current) return;
      const distribution = await publishSurvey(workspace.id, current.survey.id);
      // Read it back: publishing changed its status and version.
      const fresh = await getSurvey(workspace.id, current.survey.id);
      setSaved(fresh);
      setDraft(draftFromSurvey(fresh.survey));
      setDirty(false);
      setDialog({ kind: 'share', distribution, justPublished: true });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  }

  async function close() {
    if (!survey) return;
    setBusy('close');
    setDialogError(null);
    try {
      const closed = await closeSurvey(workspace.id, survey.id);
      setSaved({ survey: closed, etag: `"${closed.version}"` });
      setDialog(null);
      setStatus('The survey is closed: its link no longer takes answers.');
    } catch (e) {
      setDialogError(asApiError(e));
    } finally {
      setBusy(null);
    }
  }

  async function remove() {
    if (!survey) return;
    setBusy('delete');
    setDialogError(null);
    try {
      await deleteSurvey(workspace.id, survey.id, saved?.etag ?? null);
      navigate(surveysPath(workspace.id));
    } catch (e) {
      setDialogError(asApiError(e));
      setBusy(null);
    }
  }

  const title = survey ? survey.name : 'New survey';

  return (
    <div className="page fb-builder-page">
      <div className="page-head page-head-row">
        <div>
          <Breadcrumb workspaceId={workspace.id} />
          <h1 className="page-title">
            {title}
            {survey && <StatusTag status={survey.status} />}
            {!canEdit && <span className="tag tag-readonly">View only</span>}
          </h1>
          {survey && (
            <p className="page-sub">
              {survey.publishedAt ? `Published ${formatDateTime(survey.publishedAt)}` : 'Not published yet'}
              {survey.closedAt ? ` · closed ${formatDateTime(survey.closedAt)}` : ''}
            </p>
          )}
        </div>
        {canEdit && survey && (
          <div className="form-actions">
            {survey.status === 'active' && survey.distribution && (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setDialog({ kind: 'share', distribution: survey.distribution!, justPublished: false })}
              >
                Share…
              </button>
            )}
            {survey.status === 'active' && (
              <button type="button" className="button button-secondary" onClick={() => setDialog({ kind: 'close' })} disabled={busy !== null}>
                Close survey…
              </button>
            )}
            <button type="button" className="button button-danger-outline" onClick={() => setDialog({ kind: 'delete' })} disabled={busy !== null}>
              Delete…
            </button>
          </div>
        )}
      </div>

      {conflict && (
        <div className="notice notice-warning conflict" role="alert">
          <p className="notice-title">{SURVEY_CONFLICT_MESSAGE}</p>
          <button type="button" className="button button-secondary" onClick={reload}>
            Reload the survey
          </button>
        </div>
      )}

      <div className="fb-builder">
        <form ref={formRef} className="form fb-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Survey">
          <fieldset className="fb-fieldset-plain" disabled={!canEdit}>
            <section className="panel fb-section" aria-labelledby="survey-basics">
              <h2 id="survey-basics" className="fb-section-title">
                Basics
              </h2>
              <InputField
                id={fieldDomId('name')}
                label="Name"
                value={draft.name}
                required
                error={err('name')}
                hint="Only your team sees it; respondents see the questions."
                onChange={(name) => edit((d) => ({ ...d, name }))}
              />
              <TargetPicker
                value={draft.target}
                catalog={catalog}
                reloadCatalog={reloadCatalog}
                disabled={locked}
                error={err('touchpointId') ?? err('journeyId')}
                onChange={(target) => edit((d) => ({ ...d, target }))}
              />
            </section>

            {locked && (
              <p className="notice fb-locked">
                This survey has been published, so its questions, languages and touchpoint stay as they are (answers refer
                to them). You can still change its name, the thank-you message and follow-up cases.
              </p>
            )}

            <fieldset className="fb-fieldset-plain" disabled={locked}>
              <Languages draft={draft} errors={fields} edit={edit} />
              <section className="panel fb-section" aria-labelledby="survey-questions-title">
                <h2 id="survey-questions-title" className="fb-section-title">
                  Questions
                </h2>
                {err('questions') && (
                  <p id={`${fieldDomId('questions')}-error`} className="field-error">
                    {err('questions')}
                  </p>
                )}
                <ol className="fb-questions">
                  {draft.questions.map((q, i) => (
                    <li key={q.key}>
                      <QuestionEditor question={q} index={i} count={draft.questions.length} draft={draft} errors={fields} edit={edit} />
                    </li>
                  ))}
                </ol>
                <AddQuestion onAdd={(kind) => edit((d) => ({ ...d, questions: [...d.questions, newQuestion(kind, d.languages, d.questions)] }), true)} />
              </section>
            </fieldset>

            <section className="panel fb-section" aria-labelledby="survey-thanks-title">
              <h2 id="survey-thanks-title" className="fb-section-title">
                Thank-you message
              </h2>
              <p className="field-hint">Shown after sending. Leave a language empty to use the standard “Thank you for your feedback!”.</p>
              {draft.languages.map((l) => (
                <InputField
                  key={l}
                  id={fieldDomId(`thankYou.${l}`)}
                  label={
                    <>
                      <Hidden>Thank-you message, </Hidden>
                      {languageName(l)} ({l})
                    </>
                  }
                  lang={l}
                  multiline
                  value={draft.thankYou[l] ?? ''}
                  error={err(`thankYou.${l}`)}
                  onChange={(text) => edit((d) => ({ ...d, thankYou: { ...d.thankYou, [l]: text } }))}
                />
              ))}
            </section>

            <section className="panel fb-section" aria-labelledby="survey-followup-title">
              <h2 id="survey-followup-title" className="fb-section-title">
                Follow-up
              </h2>
              <div className="fb-check">
                <input
                  id={fieldDomId('openCaseForDetractors')}
                  type="checkbox"
                  checked={draft.openCaseForDetractors}
                  aria-describedby={describedBy(fieldDomId('openCaseForDetractors'), true, err('openCaseForDetractors'))}
                  onChange={(e) => {
                    const on = e.target.checked;
                    edit((d) => ({ ...d, openCaseForDetractors: on }));
                  }}
                />
                <label htmlFor={fieldDomId('openCaseForDetractors')}>Open a follow-up case for detractors</label>
              </div>
              <FieldMessages
                id={fieldDomId('openCaseForDetractors')}
                hint="An unhappy answer (NPS 0–6, CSAT 1–2) opens a case on the case board, due within the service-level time."
                error={err('openCaseForDetractors')}
              />
            </section>
          </fieldset>

          {error && !conflict && <ProblemMessage error={error} shownFields={shown} />}
          {canEdit && (
            <div className="form-actions fb-actions">
              <button type="submit" className="button button-primary" disabled={busy !== null || (survey !== null && !dirty) || conflict}>
                {busy === 'save' ? 'Saving…' : survey ? 'Save changes' : 'Create draft'}
              </button>
              {(!survey || survey.status !== 'active') && (
                <button type="button" className="button button-secondary" onClick={() => void publish()} disabled={busy !== null || conflict}>
                  {busy === 'publish' ? 'Publishing…' : survey?.status === 'closed' ? 'Publish again' : dirty || !survey ? 'Save and publish' : 'Publish'}
                </button>
              )}
              <p className="form-status" role="status" aria-live="polite">
                {status}
              </p>
              {dirty && <span className="muted small">Unsaved changes</span>}
            </div>
          )}
        </form>
        <aside className="fb-preview-wrap">
          <SurveyPreview draft={draft} />
        </aside>
      </div>

      {dialog?.kind === 'share' && survey && (
        <PublishDialog
          surveyName={survey.name}
          distribution={dialog.distribution}
          justPublished={dialog.justPublished}
          onClose={() => setDialog(null)}
          onCloseSurvey={survey.status === 'active' && canEdit ? () => setDialog({ kind: 'close' }) : undefined}
        />
      )}
      {dialog?.kind === 'close' && (
        <ConfirmDialog
          title="Close this survey?"
          confirmLabel="Close survey"
          busyLabel="Closing…"
          busy={busy === 'close'}
          error={dialogError}
          onConfirm={() => void close()}
          onCancel={() => {
            setDialog(null);
            setDialogError(null);
          }}
        >
          <p>Its link and widget stop taking answers (respondents see that it is closed). Responses already received stay.</p>
        </ConfirmDialog>
      )}
      {dialog?.kind === 'delete' && survey && (
        <ConfirmDialog
          title="Delete this survey?"
          confirmLabel="Delete survey"
          busyLabel="Deleting…"
          danger
          busy={busy === 'delete'}
          error={dialogError}
          typeToConfirm={survey.name}
          onConfirm={() => void remove()}
          onCancel={() => {
            setDialog(null);
            setDialogError(null);
          }}
        >
          <p>Its public link stops working. Responses already received are kept.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

// ---- what the survey is about ------------------------------------------------------------------

function targetValue(target: SurveyTarget): string {
  return target.kind === 'none' ? '' : `${target.kind}:${target.id}`;
}

function parseTarget(value: string): SurveyTarget {
  if (value.startsWith('touchpoint:')) return { kind: 'touchpoint', id: value.slice('touchpoint:'.length) };
  if (value.startsWith('journey:')) return { kind: 'journey', id: value.slice('journey:'.length) };
  return { kind: 'none' };
}

interface TargetProps {
  value: SurveyTarget;
  catalog: Loadable<Catalog>;
  reloadCatalog: () => void;
  disabled: boolean;
  error?: string;
  onChange: (target: SurveyTarget) => void;
}

/** Touchpoints grouped by journey (stage › touchpoint, sub-touchpoints indented), or a whole journey. */
function TargetPicker({ value, catalog, reloadCatalog, disabled, error, onChange }: TargetProps) {
  const id = fieldDomId('touchpointId');
  const data = catalogOf(catalog);
  const known =
    value.kind === 'none' ||
    (value.kind === 'touchpoint' && data?.touchpoints.has(value.id)) ||
    (value.kind === 'journey' && data?.journeys.some((j) => j.id === value.id));
  const hint =
    catalog.status === 'error' ? (
      <>
        The journey maps could not be loaded.{' '}
        <button type="button" className="link-button" onClick={reloadCatalog}>
          Try again
        </button>
      </>
    ) : (
      'Answers count towards this touchpoint’s scores on the journey map.'
    );
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id} className="field-label">
        Touchpoint
      </label>
      <select
        id={id}
        value={targetValue(value)}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(parseTarget(e.target.value))}
      >
        <option value="">None yet (workspace-wide)</option>
        {!known && (
          <option value={targetValue(value)}>
            {value.kind === 'touchpoint' ? 'Touchpoint' : 'Journey'} {value.id.slice(0, 8)} (not on a map you can see)
          </option>
        )}
        {catalog.status === 'loading' && (
          <option value="" disabled>
            Loading touchpoints…
          </option>
        )}
        {data?.journeys.map((j) => (
          <optgroup key={j.id} label={j.name}>
            <option value={`journey:${j.id}`}>Whole journey: {j.name}</option>
            {j.stages.flatMap((s) =>
              s.touchpoints.map((t) => (
                <option key={t.id} value={`touchpoint:${t.id}`}>
                  {t.parentTouchpointId ? '\u2003↳ ' : ''}
                  {s.name} › {t.name}
                </option>
              )),
            )}
          </optgroup>
        ))}
      </select>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

// ---- languages ---------------------------------------------------------------------------------

type Edit = (change: (d: SurveyDraft) => SurveyDraft, structural?: boolean) => void;

function Languages({ draft, errors, edit }: { draft: SurveyDraft; errors: FieldErrors; edit: Edit }) {
  const [adding, setAdding] = useState('');
  const [addError, setAddError] = useState<string | undefined>();
  const addId = 'survey-add-language';

  function add() {
    const code = adding.trim();
    if (!LANGUAGE_PATTERN.test(code)) {
      setAddError('Use a language code such as en, lt or pt-BR.');
      return;
    }
    if (draft.languages.some((l) => l.toLowerCase() === code.toLowerCase())) {
      setAddError(`${languageName(code)} is already in the survey.`);
      return;
    }
    setAddError(undefined);
    setAdding('');
    edit((d) => addLanguage(d, code));
  }

  const listError = errors.languages;
  return (
    <section className="panel fb-section" aria-labelledby="survey-languages-title">
      <h2 id="survey-languages-title" className="fb-section-title">
        Languages
      </h2>
      <p className="field-hint">Respondents get their browser’s language when the survey has it, else the first (default) one.</p>
      {listError && (
        <p id={`${fieldDomId('languages')}-error`} className="field-error">
          {listError}
        </p>
      )}
      <ul className="fb-languages">
        {draft.languages.map((l, i) => {
          const path = `languages[${i}]`;
          const errorId = `${fieldDomId(path)}-error`;
          return (
            <li key={l} id={fieldDomId(path)} className={errors[path] ? 'fb-language field-invalid' : 'fb-language'}>
              <span className="fb-language-name">
                {languageName(l)} <span className="mono muted">{l}</span>
              </span>
              {i === 0 ? (
                <span className="tag tag-current">Default</span>
              ) : (
                <button type="button" className="button button-quiet button-small" onClick={() => edit((d) => makeDefaultLanguage(d, l))}>
                  Make default <Hidden>{languageName(l)}</Hidden>
                </button>
              )}
              <button
                type="button"
                className="button button-quiet button-small"
                aria-label={`Remove ${languageName(l)} (${l})`}
                aria-describedby={errors[path] ? errorId : undefined}
                disabled={draft.languages.length <= 1}
                onClick={() => edit((d) => removeLanguage(d, l), true)}
              >
                Remove
              </button>
              {errors[path] && (
                <p id={errorId} className="field-error">
                  {errors[path]}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <div className="fb-inline">
        <InputField
          id={addId}
          label="Add a language"
          value={adding}
          error={addError}
          hint={`Code, e.g. ${COMMON_LANGUAGES.slice(0, 7).join(', ')}`}
          onChange={(v) => {
            setAdding(v);
            setAddError(undefined);
          }}
          mono
          list="survey-language-codes"
        />
        <datalist id="survey-language-codes">
          {COMMON_LANGUAGES.filter((c) => !draft.languages.includes(c)).map((c) => (
            <option key={c} value={c}>
              {languageName(c)}
            </option>
          ))}
        </datalist>
        <button type="button" className="button button-secondary" onClick={add}>
          Add language
        </button>
      </div>
    </section>
  );
}

// ---- one question ------------------------------------------------------------------------------

interface QuestionProps {
  question: DraftQuestion;
  index: number;
  count: number;
  draft: SurveyDraft;
  errors: FieldErrors;
  edit: Edit;
}

function QuestionEditor({ question: q, index, count, draft, errors, edit }: QuestionProps) {
  const p = `questions[${index}]`;
  const n = index + 1;
  const change = (fn: (q: DraftQuestion) => DraftQuestion, structural = false) => edit((d) => updateQuestion(d, q.key, fn), structural);
  const defaultLanguage = draft.languages[0] ?? 'en';
  const legendId = `${fieldDomId(p)}-legend`;
  const groupErrorIds = [errors[p] ? `${fieldDomId(p)}-error` : null, errors[`${p}.text`] ? `${fieldDomId(`${p}.text`)}-error` : null].filter(Boolean).join(' ');

  return (
    <fieldset className="fb-question" aria-labelledby={legendId} aria-describedby={groupErrorIds || undefined}>
      <legend id={legendId} className="fb-question-legend">
        Question {n} <span className="tag tag-channel">{KIND_SHORT[q.kind]}</span>
      </legend>
      <div className="fb-question-tools" role="group" aria-label={`Question ${n} actions`}>
        <button type="button" className="button button-quiet button-small" aria-label={`Move question ${n} up`} disabled={index === 0} onClick={() => edit((d) => moveQuestion(d, index, -1), true)}>
          ↑
        </button>
        <button
          type="button"
          className="button button-quiet button-small"
          aria-label={`Move question ${n} down`}
          disabled={index === count - 1}
          onClick={() => edit((d) => moveQuestion(d, index, 1), true)}
        >
          ↓
        </button>
        <button
          type="button"
          className="button button-quiet button-small button-danger-text"
          aria-label={`Remove question ${n}`}
          onClick={() => edit((d) => ({ ...d, questions: d.questions.filter((x) => x.key !== q.key) }), true)}
        >
          Remove
        </button>
      </div>
      {errors[p] && (
        <p id={`${fieldDomId(p)}-error`} className="field-error">
          {errors[p]}
        </p>
      )}
      {errors[`${p}.text`] && (
        <p id={`${fieldDomId(`${p}.text`)}-error`} className="field-error">
          {errors[`${p}.text`]}
        </p>
      )}
      <div className="fb-question-grid">
        <div className={errors[`${p}.kind`] ? 'field field-invalid' : 'field'}>
          <label htmlFor={fieldDomId(`${p}.kind`)} className="field-label">
            <Hidden>Question {n} </Hidden>Kind
          </label>
          <select
            id={fieldDomId(`${p}.kind`)}
            value={q.kind}
            aria-invalid={errors[`${p}.kind`] ? true : undefined}
            aria-describedby={describedBy(fieldDomId(`${p}.kind`), false, errors[`${p}.kind`])}
            onChange={(e) => {
              const kind = e.target.value as QuestionKind;
              change((x) => changeKind(x, kind, draft.languages));
            }}
          >
            {QUESTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
          <FieldMessages id={fieldDomId(`${p}.kind`)} error={errors[`${p}.kind`]} />
        </div>
        <InputField
          id={fieldDomId(`${p}.id`)}
          label={
            <>
              <Hidden>Question {n} </Hidden>ID
            </>
          }
          value={q.id}
          mono
          error={errors[`${p}.id`]}
          hint="Names its column in exports and imports."
          onChange={(id) => change((x) => ({ ...x, id }))}
        />
        <div className="fb-check fb-check-inline">
          <input id={fieldDomId(`${p}.required`)} type="checkbox" checked={q.required} onChange={(e) => {
            const required = e.target.checked;
            change((x) => ({ ...x, required }));
          }} />
          <label htmlFor={fieldDomId(`${p}.required`)}>
            Required<Hidden> (question {n})</Hidden>
          </label>
        </div>
      </div>
      {draft.languages.map((l) => (
        <InputField
          key={l}
          id={fieldDomId(`${p}.text.${l}`)}
          label={
            <>
              <Hidden>Question {n} text, </Hidden>
              {languageName(l)} ({l})
            </>
          }
          lang={l}
          value={q.text[l] ?? ''}
          error={errors[`${p}.text.${l}`]}
          onChange={(text) => change((x) => ({ ...x, text: { ...x.text, [l]: text } }))}
        />
      ))}
      {isChoice(q.kind) && (
        <div className="fb-options" role="group" aria-labelledby={`${fieldDomId(p)}-options-title`}>
          <h3 id={`${fieldDomId(p)}-options-title`} className="fb-options-title">
            Options<Hidden> of question {n}</Hidden>
          </h3>
          {errors[`${p}.options`] && (
            <p id={`${fieldDomId(`${p}.options`)}-error`} className="field-error">
              {errors[`${p}.options`]}
            </p>
          )}
          <ol className="fb-option-list">
            {q.options.map((o, j) => {
              const op = `${p}.options[${j}]`;
              const optionErrors = [errors[op], errors[`${op}.text`]].filter(Boolean);
              return (
                <li key={o.key} className="fb-option">
                  {optionErrors.map((m, k) => (
                    <p key={k} className="field-error">
                      {m}
                    </p>
                  ))}
                  <div className="fb-option-fields">
                    {draft.languages.map((l) => (
                      <InputField
                        key={l}
                        id={fieldDomId(`${op}.text.${l}`)}
                        label={
                          <>
                            <Hidden>
                              Question {n} option {j + 1},{' '}
                            </Hidden>
                            {languageName(l)} ({l})
                          </>
                        }
                        lang={l}
                        value={o.text[l] ?? ''}
                        error={errors[`${op}.text.${l}`]}
                        onChange={(text) => change((x) => setOptionText(x, o.key, l, text, defaultLanguage))}
                      />
                    ))}
                    <InputField
                      id={fieldDomId(`${op}.id`)}
                      label={
                        <>
                          <Hidden>
                            Question {n} option {j + 1}{' '}
                          </Hidden>
                          ID
                        </>
                      }
                      value={o.id}
                      mono
                      error={errors[`${op}.id`]}
                      onChange={(id) => change((x) => ({ ...x, options: x.options.map((y) => (y.key === o.key ? { ...y, id, idTouched: true } : y)) }))}
                    />
                  </div>
                  <button
                    type="button"
                    className="button button-quiet button-small"
                    aria-label={`Remove option ${j + 1} of question ${n}`}
                    disabled={q.options.length <= 2}
                    onClick={() => change((x) => ({ ...x, options: x.options.filter((y) => y.key !== o.key) }), true)}
                  >
                    Remove
                  </button>
                </li>
              );
            })}
          </ol>
          <button type="button" className="button button-secondary button-small" onClick={() => change((x) => addOption(x, draft.languages), true)}>
            Add option<Hidden> to question {n}</Hidden>
          </button>
        </div>
      )}
    </fieldset>
  );
}

function AddQuestion({ onAdd }: { onAdd: (kind: QuestionKind) => void }) {
  const [kind, setKind] = useState<QuestionKind>('csat');
  return (
    <div className="fb-inline fb-add-question">
      <div className="field">
        <label htmlFor="survey-new-question-kind" className="field-label">
          New question kind
        </label>
        <select id="survey-new-question-kind" value={kind} onChange={(e) => setKind(e.target.value as QuestionKind)}>
          {QUESTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="button button-secondary" onClick={() => onAdd(kind)}>
        Add question
      </button>
    </div>
  );
}


/**
 * Feedback-service calls: surveys (builder, publishing), responses (list, CSV export, GDPR erasure)
 * and follow-up cases with their comments. Transport, CSRF and problem handling are api.ts's; this
 * module only adds the bodies and paths.
 */
import { ApiError, attachmentName, failure, getJson, query, send, seg, write, type Page } from './api';

// ---- surveys -------------------------------------------------------------------------------

export type QuestionKind = 'nps' | 'csat' | 'ces' | 'text' | 'single-choice' | 'multi-choice';
export const QUESTION_KINDS: QuestionKind[] = ['nps', 'csat', 'ces', 'text', 'single-choice', 'multi-choice'];

/** Text per survey language, e.g. `{en: "How likely…", lt: "Kiek tikėtina…"}`. */
export type Texts = Record<string, string>;

export interface ChoiceOption {
  id: string;
  text: Texts;
}

export interface Question {
  /** A slug unique in the survey: answers, CSV columns and events refer to it. */
  id: string;
  kind: QuestionKind;
  text: Texts;
  required: boolean;
  /** Choice kinds only. */
  options?: ChoiceOption[] | null;
}

export type SurveyStatus = 'draft' | 'active' | 'closed';

/** How a published survey reaches respondents. */
export interface Distribution {
  token: string;
  link: string;
  widgetSnippet: string;
}

export interface Survey {
  id: string;
  name: string;
  touchpointId: string | null;
  /** Set for a journey-level survey (never together with touchpointId). */
  journeyId?: string | null;
  /** The first is the default. */
  languages: string[];
  questions: Question[];
  thankYou: Texts;
  openCaseForDetractors: boolean;
  status: SurveyStatus;
  distribution: Distribution | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  closedAt: string | null;
}

/** What the builder sends, on create and (whole, as a merge patch) on edit. */
export interface SurveyInput {
  name: string;
  touchpointId: string | null;
  journeyId: string | null;
  languages: string[];
  questions: Question[];
  thankYou: Texts;
  openCaseForDetractors: boolean;
}

/** A merge patch of a survey: `null` removes a thank-you text (a language left, or the text cleared). */
export type SurveyPatch = Partial<Omit<SurveyInput, 'thankYou'>> & { thankYou?: Record<string, string | null> };

/** A survey with the ETag its GET answered (its version, sent back as `If-Match`). */
export interface VersionedSurvey {
  survey: Survey;
  etag: string | null;
}

const workspaceBase = (workspaceId: string) => `/api/workspaces/${seg(workspaceId)}`;
const surveysBase = (workspaceId: string) => `${workspaceBase(workspaceId)}/surveys`;

type PageOptions = { cursor?: string | null; limit?: number; signal?: AbortSignal };

export function listSurveys(
  workspaceId: string,
  options: PageOptions & { status?: SurveyStatus; touchpointId?: string } = {},
): Promise<Page<Survey>> {
  const q = query({ status: options.status, touchpointId: options.touchpointId, limit: options.limit, cursor: options.cursor });
  return getJson(`${surveysBase(workspaceId)}${q}`, options.signal);
}

function etagOf(res: Response, survey: Survey): string | null {
  // Without the header (a proxy dropping it) the version in the body is the same value.
  return res.headers.get('ETag') ?? (typeof survey.version === 'number' ? `"${survey.version}"` : null);
}

function unexpected(status: number): ApiError {
  return new ApiError({ type: 'about:blank', title: 'Unexpected answer from the server', status, detail: 'Please reload the page.' });
}

async function surveyFrom(res: Response): Promise<VersionedSurvey> {
  if (!res.ok || res.type === 'opaqueredirect') throw await failure(res);
  let survey: Survey;
  try {
    survey = (await res.json()) as Survey;
  } catch {
    throw unexpected(res.status);
  }
  return { survey, etag: etagOf(res, survey) };
}

export async function getSurvey(workspaceId: string, surveyId: string, signal?: AbortSignal): Promise<VersionedSurvey> {
  const res = await send(`${surveysBase(workspaceId)}/${seg(surveyId)}`, {
    headers: { Accept: 'application/json' },
    cache: 'no-store',
    signal,
  });
  return surveyFrom(res);
}

/** Creates a draft; the key makes a retried click create it once. */
export function createSurvey(workspaceId: string, body: SurveyInput, idempotencyKey: string): Promise<Survey> {
  return write('POST', surveysBase(workspaceId), body, { idempotencyKey });
}

/**
 * Saves the builder's whole survey as a merge patch. Questions, languages and the touchpoint change
 * only while it is a draft (409 otherwise); a stale `etag` gets 412.
 */
export function updateSurvey(workspaceId: string, surveyId: string, body: SurveyPatch, etag: string | null): Promise<Survey> {
  return write('PATCH', `${surveysBase(workspaceId)}/${seg(surveyId)}`, body, { ifMatch: etag });
}

export function deleteSurvey(workspaceId: string, surveyId: string, etag: string | null): Promise<void> {
  return write('DELETE', `${surveysBase(workspaceId)}/${seg(surveyId)}`, undefined, { ifMatch: etag });
}

/** Makes the survey active; publishing again returns the same link. */
export function publishSurvey(workspaceId: string, surveyId: string): Promise<Distribution> {
  return write('POST', `${surveysBase(workspaceId)}/${seg(surveyId)}/publish`);
}

/** Its link then answers 410 Gone. */
export function closeSurvey(workspaceId: string, surveyId: string): Promise<Survey> {
  return write('POST', `${surveysBase(workspaceId)}/${seg(surveyId)}/close`);
}

// ---- responses -----------------------------------------------------------------------------

export interface Answer {
  questionId: string;
  kind: QuestionKind;
  /** Integer score, text, option id, or list of option ids; null when skipped. */
  value: number | string | string[] | null;
  score: number | null;
}

export interface SurveyResponse {
  id: string;
  surveyId: string;
  touchpointId: string | null;
  submissionId: string;
  submittedAt: string;
  receivedAt: string;
  lang: string;
  segment: string | null;
  channel: string | null;
  url: string | null;
  respondent: { externalId: string | null; email: string | null } | null;
  /** web (public link or widget) or import (CSV). */
  source: string;
  answers: Answer[];
  /** The answer to the survey's first NPS, CSAT or CES question (what minScore/maxScore filter on). */
  score: number | null;
  scoreKind: 'nps' | 'csat' | 'ces' | null;
  /** Only when the workspace stores them (respondent privacy settings). */
  clientAddress?: string | null;
  userAgent?: string | null;
}

/** `from` inclusive, `to` exclusive (ISO-8601 instants); scores inclusive, 0–10. */
export interface ResponseFilter {
  surveyId?: string;
  touchpointId?: string;
  from?: string;
  to?: string;
  minScore?: number;
  maxScore?: number;
}

function filterParams(filter: ResponseFilter): Record<string, string | number | undefined> {
  return {
    surveyId: filter.surveyId,
    touchpointId: filter.touchpointId,
    from: filter.from,
    to: filter.to,
    minScore: filter.minScore,
    maxScore: filter.maxScore,
  };
}

export function responsesUrl(workspaceId: string, filter: ResponseFilter, page: { limit?: number; cursor?: string | null } = {}): string {
  return `${workspaceBase(workspaceId)}/responses${query({ ...filterParams(filter), limit: page.limit, cursor: page.cursor })}`;
}

export function listResponses(workspaceId: string, filter: ResponseFilter, options: PageOptions = {}): Promise<Page<SurveyResponse>> {
  return getJson(responsesUrl(workspaceId, filter, options), options.signal);
}

export function getResponse(workspaceId: string, responseId: string, signal?: AbortSignal): Promise<SurveyResponse> {
  return getJson(`${workspaceBase(workspaceId)}/responses/${seg(responseId)}`, signal);
}

/** GDPR erasure of one response: gone for good, and subtracted from the metrics. */
export function eraseResponse(workspaceId: string, responseId: string): Promise<void> {
  return write('DELETE', `${workspaceBase(workspaceId)}/responses/${seg(responseId)}`);
}

export type RespondentKey = { respondentEmail: string } | { respondentExternalId: string };

/** Erases every response of one respondent (a data subject's request). */
export function eraseRespondent(workspaceId: string, key: RespondentKey): Promise<{ erased: number }> {
  return write('POST', `${workspaceBase(workspaceId)}/responses:erase`, key);
}

/** Every response matching the filter as CSV (content negotiation on the list's own URL). */
export async function downloadResponsesCsv(workspaceId: string, filter: ResponseFilter): Promise<{ blob: Blob; filename: string }> {
  const res = await send(responsesUrl(workspaceId, filter), { headers: { Accept: 'text/csv' }, cache: 'no-store' });
  if (!res.ok || res.type === 'opaqueredirect') throw await failure(res);
  const blob = await res.blob();
  return { blob, filename: attachmentName(res.headers.get('Content-Disposition')) ?? 'responses.csv' };
}

// ---- follow-up cases -----------------------------------------------------------------------

export type CaseStatus = 'open' | 'in-progress' | 'closed';
export const CASE_STATUSES: CaseStatus[] = ['open', 'in-progress', 'closed'];

export interface FollowUpCase {
  id: string;
  /** Null when the response was erased. */
  responseId: string | null;
  surveyId: string | null;
  touchpointId: string | null;
  journeyId?: string | null;
  title: string;
  owner: string | null;
  status: CaseStatus;
  resolution?: string | null;
  dueAt: string;
  overdue: boolean;
  /** manual, or detractor when opened automatically with a response. */
  origin: string;
  note: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

/** A merge patch of a case; `null` clears. */
export interface CaseChange {
  title?: string;
  owner?: string | null;
  status?: CaseStatus;
  dueAt?: string;
  note?: string | null;
  resolution?: string | null;
}

export interface CaseComment {
  id: string;
  authorId: string;
  authorName: string | null;
  text: string;
  createdAt: string;
}

const casesBase = (workspaceId: string) => `${workspaceBase(workspaceId)}/cases`;

export function listCases(
  workspaceId: string,
  options: PageOptions & { status?: CaseStatus; owner?: string; overdue?: boolean } = {},
): Promise<Page<FollowUpCase>> {
  const q = query({
    status: options.status,
    owner: options.owner,
    overdue: options.overdue === undefined ? undefined : String(options.overdue),
    limit: options.limit,
    cursor: options.cursor,
  });
  return getJson(`${casesBase(workspaceId)}${q}`, options.signal);
}

export function getCase(workspaceId: string, caseId: string, signal?: AbortSignal): Promise<FollowUpCase> {
  return getJson(`${casesBase(workspaceId)}/${seg(caseId)}`, signal);
}

/** `version` is the case as last read; a stale one gets 412. */
export function updateCase(workspaceId: string, caseId: string, change: CaseChange, version: number | null): Promise<FollowUpCase> {
  return write('PATCH', `${casesBase(workspaceId)}/${seg(caseId)}`, change, { ifMatch: version === null ? null : `"${version}"` });
}

export function listCaseComments(workspaceId: string, caseId: string, options: PageOptions = {}): Promise<Page<CaseComment>> {
  return getJson(`${casesBase(workspaceId)}/${seg(caseId)}/comments${query({ limit: options.limit, cursor: options.cursor })}`, options.signal);
}

export function addCaseComment(workspaceId: string, caseId: string, text: string): Promise<CaseComment> {
  return write('POST', `${casesBase(workspaceId)}/${seg(caseId)}/comments`, { text });
}

import type { ChoiceOption, Question, QuestionKind, Survey, SurveyInput, SurveyPatch, Texts } from '../../apiFeedback';

/**
 * The survey builder's working copy and the pure edits on it. Questions and options carry a local
 * `key` (React's identity across reorders) beside their API `id`.
 */

export interface DraftOption {
  key: string;
  id: string;
  /** Until the user types an id, it follows the option's text in the default language. */
  idTouched: boolean;
  text: Texts;
}

export interface DraftQuestion {
  key: string;
  id: string;
  kind: QuestionKind;
  text: Texts;
  required: boolean;
  options: DraftOption[];
}

/** What the survey is about: one touchpoint, a whole journey, or (not yet chosen) nothing. */
export type SurveyTarget = { kind: 'none' } | { kind: 'touchpoint'; id: string } | { kind: 'journey'; id: string };

export interface SurveyDraft {
  name: string;
  target: SurveyTarget;
  languages: string[];
  questions: DraftQuestion[];
  thankYou: Texts;
  openCaseForDetractors: boolean;
}

export const KIND_LABELS: Record<QuestionKind, string> = {
  nps: 'NPS (0–10, likelihood to recommend)',
  csat: 'CSAT (1–5, satisfaction)',
  ces: 'CES (1–7, effort)',
  text: 'Free text',
  'single-choice': 'Single choice',
  'multi-choice': 'Multiple choice',
};

export const KIND_SHORT: Record<QuestionKind, string> = {
  nps: 'NPS',
  csat: 'CSAT',
  ces: 'CES',
  text: 'Text',
  'single-choice': 'Single choice',
  'multi-choice': 'Multiple choice',
};

/** Languages offered in the picker; any other BCP 47 code can be typed. */
export const COMMON_LANGUAGES = ['en', 'lt', 'lv', 'et', 'pl', 'uk', 'ru', 'de', 'fr', 'es', 'nl', 'fi', 'sv', 'it', 'pt'];

/** The service's rule (SurveyRules.LANGUAGE): en, pt-BR, zh-Hant-TW. */
export const LANGUAGE_PATTERN = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;
/** The service's rule for question and option ids. */
export const SLUG_ID = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const RESERVED_IDS = ['lang', 'segment', 'channel'];

let counter = 0;
function nextKey(prefix: string): string {
  counter += 1;
  return `${prefix}${counter}`;
}

export function isChoice(kind: QuestionKind): boolean {
  return kind === 'single-choice' || kind === 'multi-choice';
}

export function isScored(kind: QuestionKind): boolean {
  return kind === 'nps' || kind === 'csat' || kind === 'ces';
}

/** "en" → "English"; the code itself when the browser cannot name it. */
export function languageName(code: string): string {
  try {
    const names = new Intl.DisplayNames(['en'], { type: 'language' });
    const name = names.of(code);
    return name && name !== code ? name : code;
  } catch {
    return code;
  }
}

/** "Great value!" → "great-value"; ids must be slugs. */
export function slugId(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
}

function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const root = base === '' ? 'q' : RESERVED_IDS.includes(base) ? `${base}-q` : base;
  if (!used.has(root)) return root;
  for (let i = 2; ; i++) {
    const candidate = `${root}-${i}`;
    if (!used.has(candidate)) return candidate;
  }
}

const DEFAULT_IDS: Record<QuestionKind, string> = {
  nps: 'nps',
  csat: 'csat',
  ces: 'ces',
  text: 'comment',
  'single-choice': 'choice',
  'multi-choice': 'choices',
};

function emptyTexts(languages: string[]): Texts {
  return Object.fromEntries(languages.map((l) => [l, '']));
}

function newOption(languages: string[], taken: string[]): DraftOption {
  return { key: nextKey('o'), id: uniqueId(`option-${taken.length + 1}`, taken), idTouched: false, text: emptyTexts(languages) };
}

export function newQuestion(kind: QuestionKind, languages: string[], existing: DraftQuestion[]): DraftQuestion {
  const id = uniqueId(DEFAULT_IDS[kind], existing.map((q) => q.id));
  const options: DraftOption[] = [];
  if (isChoice(kind)) {
    options.push(newOption(languages, []));
    options.push(newOption(languages, options.map((o) => o.id)));
  }
  return { key: nextKey('q'), id, kind, text: emptyTexts(languages), required: isScored(kind), options };
}

export function emptyDraft(language = 'en'): SurveyDraft {
  const languages = [language];
  return {
    name: '',
    target: { kind: 'none' },
    languages,
    questions: [newQuestion('nps', languages, [])],
    thankYou: emptyTexts(languages),
    openCaseForDetractors: false,
  };
}

export function draftFromSurvey(survey: Survey): SurveyDraft {
  const target: SurveyTarget = survey.touchpointId
    ? { kind: 'touchpoint', id: survey.touchpointId }
    : survey.journeyId
      ? { kind: 'journey', id: survey.journeyId }
      : { kind: 'none' };
  return {
    name: survey.name,
    target,
    languages: [...survey.languages],
    questions: survey.questions.map((q) => ({
      key: nextKey('q'),
      id: q.id,
      kind: q.kind,
      text: { ...emptyTexts(survey.languages), ...q.text },
      required: q.required,
      options: (q.options ?? []).map((o) => ({ key: nextKey('o'), id: o.id, idTouched: true, text: { ...emptyTexts(survey.languages), ...o.text } })),
    })),
    thankYou: { ...emptyTexts(survey.languages), ...survey.thankYou },
    openCaseForDetractors: survey.openCaseForDetractors,
  };
}

/** Only the survey's languages, in its order; empty thank-you texts are left out (they are optional). */
function textsIn(texts: Texts, languages: string[], dropEmpty: boolean): Texts {
  const out: Texts = {};
  for (const l of languages) {
    const t = texts[l] ?? '';
    if (dropEmpty && t.trim() === '') continue;
    out[l] = t;
  }
  return out;
}

/** The JSON the API receives. Question and option texts keep empty strings so the service names them. */
export function toInput(draft: SurveyDraft): SurveyInput {
  return {
    name: draft.name.trim(),
    touchpointId: draft.target.kind === 'touchpoint' ? draft.target.id : null,
    journeyId: draft.target.kind === 'journey' ? draft.target.id : null,
    languages: [...draft.languages],
    questions: draft.questions.map((q): Question => {
      const question: Question = { id: q.id, kind: q.kind, text: textsIn(q.text, draft.languages, false), required: q.required };
      if (isChoice(q.kind)) {
        question.options = q.options.map((o): ChoiceOption => ({ id: o.id, text: textsIn(o.text, draft.languages, false) }));
      }
      return question;
    }),
    thankYou: textsIn(draft.thankYou, draft.languages, true),
    openCaseForDetractors: draft.openCaseForDetractors,
  };
}

/**
 * The merge patch that turns `saved` into the draft. The thank-you texts are a map inside the patch,
 * so texts cleared or of a removed language are sent as null. A published survey takes only the
 * fields it still allows (name, thank-you texts, follow-up cases).
 */
export function toPatch(draft: SurveyDraft, saved: Survey): SurveyPatch {
  const input = toInput(draft);
  const thankYou: Record<string, string | null> = {};
  for (const l of Object.keys(saved.thankYou ?? {})) thankYou[l] = null;
  for (const l of draft.languages) thankYou[l] = input.thankYou[l] ?? null;
  if (saved.status !== 'draft') {
    for (const l of Object.keys(thankYou)) if (!saved.languages.includes(l)) delete thankYou[l];
    return { name: input.name, thankYou, openCaseForDetractors: input.openCaseForDetractors };
  }
  return { ...input, thankYou };
}

// ---- edits ---------------------------------------------------------------------------------

export function addLanguage(draft: SurveyDraft, language: string): SurveyDraft {
  if (draft.languages.some((l) => l.toLowerCase() === language.toLowerCase())) return draft;
  const add = (t: Texts) => ({ ...t, [language]: '' });
  return {
    ...draft,
    languages: [...draft.languages, language],
    questions: draft.questions.map((q) => ({ ...q, text: add(q.text), options: q.options.map((o) => ({ ...o, text: add(o.text) })) })),
    thankYou: add(draft.thankYou),
  };
}

/** Drops the language and its texts (the service refuses texts in languages the survey lacks). */
export function removeLanguage(draft: SurveyDraft, language: string): SurveyDraft {
  const drop = (t: Texts) => {
    const copy = { ...t };
    delete copy[language];
    return copy;
  };
  return {
    ...draft,
    languages: draft.languages.filter((l) => l !== language),
    questions: draft.questions.map((q) => ({ ...q, text: drop(q.text), options: q.options.map((o) => ({ ...o, text: drop(o.text) })) })),
    thankYou: drop(draft.thankYou),
  };
}

/** Makes `language` the first one: the survey's default. */
export function makeDefaultLanguage(draft: SurveyDraft, language: string): SurveyDraft {
  return { ...draft, languages: [language, ...draft.languages.filter((l) => l !== language)] };
}

export function moveQuestion(draft: SurveyDraft, index: number, by: -1 | 1): SurveyDraft {
  const to = index + by;
  if (to < 0 || to >= draft.questions.length) return draft;
  const questions = [...draft.questions];
  [questions[index], questions[to]] = [questions[to]!, questions[index]!];
  return { ...draft, questions };
}

export function updateQuestion(draft: SurveyDraft, key: string, change: (q: DraftQuestion) => DraftQuestion): SurveyDraft {
  return { ...draft, questions: draft.questions.map((q) => (q.key === key ? change(q) : q)) };
}

/** Changing the kind keeps the texts; choice kinds get two empty options when they had none. */
export function changeKind(q: DraftQuestion, kind: QuestionKind, languages: string[]): DraftQuestion {
  let options = q.options;
  if (isChoice(kind) && options.length === 0) {
    const first = newOption(languages, []);
    options = [first, newOption(languages, [first.id])];
  }
  return { ...q, kind, options };
}

export function addOption(q: DraftQuestion, languages: string[]): DraftQuestion {
  return { ...q, options: [...q.options, newOption(languages, q.options.map((o) => o.id))] };
}

/** Sets an option's text; its id follows the default-language text until the user edits the id. */
export function setOptionText(q: DraftQuestion, optionKey: string, language: string, text: string, defaultLanguage: string): DraftQuestion {
  return {
    ...q,
    options: q.options.map((o) => {
      if (o.key !== optionKey) return o;
      const next = { ...o, text: { ...o.text, [language]: text } };
      if (!o.idTouched && language === defaultLanguage) {
        const others = q.options.filter((x) => x.key !== optionKey).map((x) => x.id);
        const base = slugId(text);
        next.id = base === '' ? o.id : uniqueId(base, others);
      }
      return next;
    }),
  };
}

// ---- field paths -----------------------------------------------------------------------------

/** `questions[1].text.de` → `survey-questions-1-text-de`: the DOM id of the field the API names. */
export function fieldDomId(path: string): string {
  return `survey-${path.replace(/[[\].]+/g, '-').replace(/-+$/g, '')}`;
}

/** Every field path the builder has a place for, so other problems are listed in the summary. */
export function fieldPaths(draft: SurveyDraft): string[] {
  const paths = ['name', 'touchpointId', 'journeyId', 'languages', 'questions', 'openCaseForDetractors'];
  draft.languages.forEach((l, i) => {
    paths.push(`languages[${i}]`, `thankYou.${l}`);
  });
  draft.questions.forEach((q, i) => {
    const p = `questions[${i}]`;
    paths.push(p, `${p}.id`, `${p}.kind`, `${p}.text`, `${p}.required`);
    draft.languages.forEach((l) => paths.push(`${p}.text.${l}`));
    if (isChoice(q.kind)) {
      paths.push(`${p}.options`);
      q.options.forEach((_, j) => {
        const o = `${p}.options[${j}]`;
        paths.push(o, `${o}.id`, `${o}.text`);
        draft.languages.forEach((l) => paths.push(`${o}.text.${l}`));
      });
    }
  });
  return paths;
}

// ---- what the respondent sees ----------------------------------------------------------------

/**
 * The public page's own words (feedback-service `PageTexts`): shipped in a few languages, English
 * for the others — so the preview shows what respondents really get.
 */
export interface PageTexts {
  submit: string;
  requiredHint: string;
  npsLow: string;
  npsHigh: string;
  csatLow: string;
  csatHigh: string;
  cesLow: string;
  cesHigh: string;
  thankYou: string;
}

const PAGE_TEXTS: Record<string, PageTexts> = {
  en: {
    submit: 'Submit',
    requiredHint: 'Questions marked * are required.',
    npsLow: 'Not at all likely',
    npsHigh: 'Extremely likely',
    csatLow: 'Very dissatisfied',
    csatHigh: 'Very satisfied',
    cesLow: 'Strongly disagree',
    cesHigh: 'Strongly agree',
    thankYou: 'Thank you for your feedback!',
  },
  de: {
    submit: 'Absenden',
    requiredHint: 'Mit * markierte Fragen sind Pflichtfragen.',
    npsLow: 'Überhaupt nicht wahrscheinlich',
    npsHigh: 'Äußerst wahrscheinlich',
    csatLow: 'Sehr unzufrieden',
    csatHigh: 'Sehr zufrieden',
    cesLow: 'Stimme überhaupt nicht zu',
    cesHigh: 'Stimme voll und ganz zu',
    thankYou: 'Vielen Dank für Ihr Feedback!',
  },
  fr: {
    submit: 'Envoyer',
    requiredHint: 'Les questions marquées d’un * sont obligatoires.',
    npsLow: 'Pas du tout probable',
    npsHigh: 'Extrêmement probable',
    csatLow: 'Très insatisfait',
    csatHigh: 'Très satisfait',
    cesLow: 'Pas du tout d’accord',
    cesHigh: 'Tout à fait d’accord',
    thankYou: 'Merci pour votre avis !',
  },
  es: {
    submit: 'Enviar',
    requiredHint: 'Las preguntas marcadas con * son obligatorias.',
    npsLow: 'Nada probable',
    npsHigh: 'Muy probable',
    csatLow: 'Muy insatisfecho',
    csatHigh: 'Muy satisfecho',
    cesLow: 'Totalmente en desacuerdo',
    cesHigh: 'Totalmente de acuerdo',
    thankYou: '¡Gracias por sus comentarios!',
  },
  nl: {
    submit: 'Versturen',
    requiredHint: 'Vragen met een * zijn verplicht.',
    npsLow: 'Helemaal niet waarschijnlijk',
    npsHigh: 'Zeer waarschijnlijk',
    csatLow: 'Zeer ontevreden',
    csatHigh: 'Zeer tevreden',
    cesLow: 'Helemaal mee oneens',
    cesHigh: 'Helemaal mee eens',
    thankYou: 'Bedankt voor je feedback!',
  },
};

export function pageTexts(language: string): PageTexts {
  const primary = language.split('-')[0]!.toLowerCase();
  return PAGE_TEXTS[primary] ?? PAGE_TEXTS.en!;
}

/** The scale of a scored kind (DOMAIN.md). */
export function scale(kind: 'nps' | 'csat' | 'ces'): number[] {
  const [min, max] = kind === 'nps' ? [0, 10] : kind === 'csat' ? [1, 5] : [1, 7];
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

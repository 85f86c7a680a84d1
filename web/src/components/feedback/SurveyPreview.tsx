import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { isChoice, isScored, languageName, pageTexts, scale, type DraftQuestion, type SurveyDraft } from './surveyDraft';

/**
 * The survey as respondents see it, one tab per language (WAI-ARIA tabs: arrow keys move between
 * them). Texts still missing in a language are marked, so the author sees what to fill in.
 */
export function SurveyPreview({ draft }: { draft: SurveyDraft }) {
  const base = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const languages = draft.languages;
  const active = chosen && languages.includes(chosen) ? chosen : (languages[0] ?? null);

  function onKey(e: KeyboardEvent<HTMLDivElement>) {
    const index = active ? languages.indexOf(active) : -1;
    let next = -1;
    if (e.key === 'ArrowRight') next = (index + 1) % languages.length;
    else if (e.key === 'ArrowLeft') next = (index - 1 + languages.length) % languages.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = languages.length - 1;
    if (next < 0) return;
    e.preventDefault();
    setChosen(languages[next]!);
    tabs.current[next]?.focus();
  }

  if (!active) {
    return (
      <section className="fb-preview" aria-label="Preview">
        <p className="muted">Add a language to preview the survey.</p>
      </section>
    );
  }
  const page = pageTexts(active);
  const tabId = (l: string) => `${base}-tab-${l}`;
  const panelId = `${base}-panel`;

  return (
    <section className="fb-preview" aria-labelledby={`${base}-title`}>
      <h2 id={`${base}-title`} className="fb-preview-title">
        Preview
      </h2>
      <div className="fb-tabs" role="tablist" aria-label="Preview language" onKeyDown={onKey}>
        {languages.map((l, i) => (
          <button
            key={l}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            id={tabId(l)}
            type="button"
            role="tab"
            className="fb-tab"
            aria-selected={l === active}
            aria-controls={panelId}
            tabIndex={l === active ? 0 : -1}
            onClick={() => setChosen(l)}
          >
            {languageName(l)} ({l})
          </button>
        ))}
      </div>
      <div id={panelId} role="tabpanel" aria-labelledby={tabId(active)} className="fb-preview-page" lang={active}>
        <h3 className="fb-preview-name">{draft.name.trim() || <span className="muted">Survey name</span>}</h3>
        {draft.questions.some((q) => q.required) && <p className="fb-preview-hint">{page.requiredHint}</p>}
        <ol className="fb-preview-questions">
          {draft.questions.map((q, i) => (
            <li key={q.key}>
              <PreviewQuestion question={q} language={active} index={i} name={`${base}-${q.key}`} />
            </li>
          ))}
        </ol>
        <button type="button" className="button button-primary" aria-disabled="true" tabIndex={-1}>
          {page.submit}
        </button>
        <div className="fb-preview-thanks">
          <p className="fb-preview-thanks-label" lang="en">
            After sending, respondents read:
          </p>
          <p>{draft.thankYou[active]?.trim() || page.thankYou}</p>
        </div>
      </div>
    </section>
  );
}

function Missing({ language }: { language: string }) {
  return (
    <span className="fb-missing" lang="en">
      No {languageName(language)} text yet
    </span>
  );
}

function PreviewQuestion({ question, language, index, name }: { question: DraftQuestion; language: string; index: number; name: string }) {
  const page = pageTexts(language);
  const text = question.text[language]?.trim();
  const labelId = `${name}-label`;
  return (
    <div className="fb-preview-question" role="group" aria-labelledby={labelId}>
      <p id={labelId} className="fb-preview-text">
        <span className="fb-preview-number">{index + 1}.</span> {text || <Missing language={language} />}
        {question.required && (
          <span className="fb-required" aria-label="required">
            {' '}
            *
          </span>
        )}
      </p>
      {isScored(question.kind) && (
        <div className="fb-scale">
          <div className="fb-scale-points">
            {scale(question.kind as 'nps' | 'csat' | 'ces').map((n) => (
              <label key={n} className="fb-scale-point">
                <input type="radio" name={name} value={n} />
                <span>{n}</span>
              </label>
            ))}
          </div>
          <div className="fb-scale-anchors" aria-hidden="true">
            <span>{question.kind === 'nps' ? page.npsLow : question.kind === 'csat' ? page.csatLow : page.cesLow}</span>
            <span>{question.kind === 'nps' ? page.npsHigh : question.kind === 'csat' ? page.csatHigh : page.cesHigh}</span>
          </div>
        </div>
      )}
      {question.kind === 'text' && <textarea className="fb-preview-textarea" rows={3} aria-labelledby={labelId} />}
      {isChoice(question.kind) && (
        <ul className="fb-choices">
          {question.options.map((o) => (
            <li key={o.key}>
              <label>
                <input type={question.kind === 'single-choice' ? 'radio' : 'checkbox'} name={name} value={o.id} />{' '}
                {o.text[language]?.trim() || <Missing language={language} />}
              </label>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

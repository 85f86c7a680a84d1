import { describe, expect, it } from 'vitest';
import type { Survey } from '../../apiFeedback';
import { addLanguage, emptyDraft, fieldDomId, newQuestion, setOptionText, toInput, toPatch } from './surveyDraft';

const saved: Survey = {
  id: 'sv-1',
  name: 'Checkout NPS',
  touchpointId: 't1',
  journeyId: null,
  languages: ['en', 'lt'],
  questions: [{ id: 'nps', kind: 'nps', text: { en: 'Recommend?', lt: 'Rekomenduotumėte?' }, required: true }],
  thankYou: { en: 'Thanks!', lt: 'Ačiū!' },
  openCaseForDetractors: false,
  status: 'active',
  distribution: null,
  version: 2,
  createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-01T10:00:00Z',
  publishedAt: '2026-11-01T10:00:00Z',
  closedAt: null,
};

describe('survey draft', () => {
  it('gives new questions unique, non-reserved ids and choice questions two options', () => {
    const draft = emptyDraft('en');
    const second = newQuestion('nps', draft.languages, draft.questions);
    expect(second.id).toBe('nps-2');
    const choice = newQuestion('single-choice', ['en', 'lt'], []);
    expect(choice.options.map((o) => o.id)).toEqual(['option-1', 'option-2']);
    expect(choice.options[0]!.text).toEqual({ en: '', lt: '' });
  });

  it('lets an option id follow its default-language text until the id is edited', () => {
    let q = newQuestion('multi-choice', ['en', 'lt'], []);
    q = setOptionText(q, q.options[0]!.key, 'en', 'Fast delivery!', 'en');
    expect(q.options[0]!.id).toBe('fast-delivery');
    q = setOptionText(q, q.options[0]!.key, 'lt', 'Greitas pristatymas', 'en');
    expect(q.options[0]!.id).toBe('fast-delivery');
    q = setOptionText(q, q.options[1]!.key, 'en', 'Fast delivery', 'en');
    expect(q.options[1]!.id).toBe('fast-delivery-2');
    q = { ...q, options: q.options.map((o, i) => (i === 0 ? { ...o, id: 'speed', idTouched: true } : o)) };
    q = setOptionText(q, q.options[0]!.key, 'en', 'Quick', 'en');
    expect(q.options[0]!.id).toBe('speed');
  });

  it('adds a language to every text and leaves empty thank-you texts out of the request', () => {
    const draft = addLanguage({ ...emptyDraft('en'), name: ' Shop ' }, 'pl');
    const input = toInput(draft);
    expect(input.name).toBe('Shop');
    expect(input.languages).toEqual(['en', 'pl']);
    expect(input.questions[0]!.text).toEqual({ en: '', pl: '' });
    expect(input.questions[0]).not.toHaveProperty('options');
    expect(input.thankYou).toEqual({});
  });

  it('patches a published survey only in what it still allows', () => {
    const draft = { ...emptyDraft('en'), name: 'Renamed', languages: ['en', 'lt'], thankYou: { en: 'Thank you', lt: '' }, openCaseForDetractors: true };
    expect(toPatch(draft, saved)).toEqual({ name: 'Renamed', thankYou: { en: 'Thank you', lt: null }, openCaseForDetractors: true });
  });

  it('names the DOM field of an API error path', () => {
    expect(fieldDomId('questions[1].options[0].text.pt-BR')).toBe('survey-questions-1-options-0-text-pt-BR');
    expect(fieldDomId('name')).toBe('survey-name');
  });
});

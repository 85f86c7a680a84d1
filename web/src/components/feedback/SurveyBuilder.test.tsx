// @vitest-environment jsdom
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SurveyEditor } from './SurveyBuilder';
import { calls, reply, server } from './testServer';

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 60_000 });

const editor = { id: 'ws-1', name: 'Acme', role: 'client-editor' };

function type(label: string | RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

/** The survey as the service answers it; `over` replaces fields. */
function surveyBody(over: Record<string, unknown> = {}) {
  return {
    id: 'sv-1',
    name: 'Checkout NPS',
    touchpointId: 't1',
    journeyId: null,
    languages: ['en', 'lt'],
    questions: [
      { id: 'nps', kind: 'nps', text: { en: 'How likely are you to recommend us?', lt: 'Ar rekomenduotumėte mus?' }, required: true },
      {
        id: 'choice',
        kind: 'single-choice',
        text: { en: 'What mattered most?', lt: 'Kas svarbiausia?' },
        required: false,
        options: [
          { id: 'price', text: { en: 'Price', lt: 'Kaina' } },
          { id: 'delivery-speed', text: { en: 'Delivery speed', lt: 'Pristatymo greitis' } },
        ],
      },
    ],
    thankYou: { en: 'Thanks!', lt: 'Ačiū!' },
    openCaseForDetractors: true,
    status: 'draft',
    distribution: null,
    version: 3,
    createdAt: '2026-11-01T10:00:00Z',
    updatedAt: '2026-11-01T10:00:00Z',
    publishedAt: null,
    closedAt: null,
    ...over,
  };
}

beforeEach(() => {
  document.cookie = 'XSRF-TOKEN=tok-1; path=/';
  window.history.replaceState(null, '', '/w/ws-1/surveys/new');
});

afterEach(() => {
  cleanup();
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

/** Fills a new two-language survey: an NPS question and a single-choice question with two options. */
async function fillTwoLanguageSurvey() {
  await screen.findByLabelText('Name');
  type('Name', 'Checkout NPS');
  const picker = screen.getByLabelText('Touchpoint') as HTMLSelectElement;
  await within(picker).findByRole('option', { name: 'Purchase › Checkout page' });
  fireEvent.change(picker, { target: { value: 'touchpoint:t1' } });

  type('Add a language', 'lt');
  fireEvent.click(screen.getByRole('button', { name: 'Add language' }));

  type('Question 1 text, English (en)', 'How likely are you to recommend us?');
  type('Question 1 text, Lithuanian (lt)', 'Ar rekomenduotumėte mus?');

  fireEvent.change(screen.getByLabelText('New question kind'), { target: { value: 'single-choice' } });
  fireEvent.click(screen.getByRole('button', { name: 'Add question' }));
  type('Question 2 text, English (en)', 'What mattered most?');
  type('Question 2 text, Lithuanian (lt)', 'Kas svarbiausia?');
  type('Question 2 option 1, English (en)', 'Price');
  type('Question 2 option 1, Lithuanian (lt)', 'Kaina');
  type('Question 2 option 2, English (en)', 'Delivery speed');
  type('Question 2 option 2, Lithuanian (lt)', 'Pristatymo greitis');

  type('Thank-you message, English (en)', 'Thanks!');
  type('Thank-you message, Lithuanian (lt)', 'Ačiū!');
  fireEvent.click(screen.getByLabelText('Open a follow-up case for detractors'));
}

describe('Survey builder', () => {
  it('creates a two-language survey with an NPS and a single-choice question as the API expects', async () => {
    const fetch = server((url, init) =>
      init.method === 'POST' && url === '/api/workspaces/ws-1/surveys' ? reply(surveyBody(), 201, { ETag: '"3"' }) : undefined,
    );
    render(<SurveyEditor workspace={editor} surveyId="new" />);
    await fillTwoLanguageSurvey();

    fireEvent.click(screen.getByRole('button', { name: 'Create draft' }));

    await waitFor(() => expect(calls(fetch, 'POST')).toHaveLength(1));
    const [, init] = calls(fetch, 'POST')[0]!;
    expect(JSON.parse(init.body as string)).toEqual({
      name: 'Checkout NPS',
      touchpointId: 't1',
      journeyId: null,
      languages: ['en', 'lt'],
      questions: [
        { id: 'nps', kind: 'nps', text: { en: 'How likely are you to recommend us?', lt: 'Ar rekomenduotumėte mus?' }, required: true },
        {
          id: 'choice',
          kind: 'single-choice',
          text: { en: 'What mattered most?', lt: 'Kas svarbiausia?' },
          required: false,
          options: [
            { id: 'price', text: { en: 'Price', lt: 'Kaina' } },
            { id: 'delivery-speed', text: { en: 'Delivery speed', lt: 'Pristatymo greitis' } },
          ],
        },
      ],
      thankYou: { en: 'Thanks!', lt: 'Ačiū!' },
      openCaseForDetractors: true,
    });
    expect(init.headers!['Idempotency-Key']).toMatch(/.+/);
    expect(init.headers!['X-XSRF-TOKEN']).toBe('tok-1');
    await waitFor(() => expect(window.location.pathname).toBe('/w/ws-1/surveys/sv-1'));
  });

  it('reorders questions with the move buttons and sends them in the new order', async () => {
    const fetch = server((url, init) =>
      init.method === 'POST' && url === '/api/workspaces/ws-1/surveys' ? reply(surveyBody(), 201) : undefined,
    );
    render(<SurveyEditor workspace={editor} surveyId="new" />);
    await fillTwoLanguageSurvey();

    fireEvent.click(screen.getByRole('button', { name: 'Move question 2 up' }));
    expect((screen.getByRole('button', { name: 'Move question 1 up' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByLabelText('Question 1 text, English (en)') as HTMLInputElement).value).toBe('What mattered most?');
    fireEvent.click(screen.getByRole('button', { name: 'Create draft' }));

    await waitFor(() => expect(calls(fetch, 'POST')).toHaveLength(1));
    const body = JSON.parse(calls(fetch, 'POST')[0]![1].body as string);
    expect(body.questions.map((q: { id: string }) => q.id)).toEqual(['choice', 'nps']);
  });

  it('previews the survey in each language, switching with the tabs and the arrow keys', async () => {
    server();
    render(<SurveyEditor workspace={editor} surveyId="new" />);
    await screen.findByLabelText('Name');
    type('Name', 'Checkout NPS');
    type('Add a language', 'de');
    fireEvent.click(screen.getByRole('button', { name: 'Add language' }));
    type('Question 1 text, English (en)', 'How likely are you to recommend us?');
    type('Question 1 text, German (de)', 'Wie wahrscheinlich empfehlen Sie uns?');

    const tabs = screen.getByRole('tablist', { name: 'Preview language' });
    const english = within(tabs).getByRole('tab', { name: 'English (en)' });
    expect(english.getAttribute('aria-selected')).toBe('true');
    let panel = screen.getByRole('tabpanel');
    expect(panel.textContent).toContain('How likely are you to recommend us?');
    expect(panel.textContent).toContain('Not at all likely');
    expect(within(panel).getAllByRole('radio')).toHaveLength(11);

    fireEvent.click(within(tabs).getByRole('tab', { name: 'German (de)' }));
    panel = screen.getByRole('tabpanel');
    expect(panel.getAttribute('lang')).toBe('de');
    expect(panel.textContent).toContain('Wie wahrscheinlich empfehlen Sie uns?');
    expect(panel.textContent).not.toContain('How likely are you to recommend us?');
    // the page's own words come in the respondent's language too
    expect(within(panel).getByRole('button', { name: 'Absenden' })).toBeTruthy();
    expect(panel.textContent).toContain('Vielen Dank für Ihr Feedback!');

    fireEvent.keyDown(within(tabs).getByRole('tab', { name: 'German (de)' }), { key: 'ArrowRight' });
    expect(within(tabs).getByRole('tab', { name: 'English (en)' }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(within(tabs).getByRole('tab', { name: 'English (en)' }));

    // a text not written yet is marked in the preview
    type('Question 1 text, German (de)', '');
    fireEvent.click(within(tabs).getByRole('tab', { name: 'German (de)' }));
    expect(screen.getByRole('tabpanel').textContent).toContain('No German text yet');
  });

  it('puts the API validation errors next to the fields they name and lists the others', async () => {
    const fetch = server((url, init) =>
      init.method === 'POST' && url === '/api/workspaces/ws-1/surveys'
        ? reply(
            {
              type: 'https://waymark.example/problems/validation',
              title: 'Invalid request',
              status: 400,
              errors: [
                { field: 'name', message: 'must not be blank' },
                { field: 'questions[0].text.lt', message: 'is missing' },
                { field: 'questions[1].options[1].id', message: 'is used by another option of this question' },
                { field: 'thankYou.xx', message: 'is not one of the survey\u2019s languages' },
              ],
            },
            400,
          )
        : undefined,
    );
    render(<SurveyEditor workspace={editor} surveyId="new" />);
    await fillTwoLanguageSurvey();
    type('Name', '');

    fireEvent.click(screen.getByRole('button', { name: 'Create draft' }));

    await waitFor(() => expect(screen.getByText('is missing')).toBeTruthy());
    expect(calls(fetch, 'POST')).toHaveLength(1);
    const name = screen.getByLabelText('Name');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(name.getAttribute('aria-describedby')!.split(' ').pop()!)!.textContent).toBe('must not be blank');
    await waitFor(() => expect(document.activeElement).toBe(name));

    const ltText = screen.getByLabelText('Question 1 text, Lithuanian (lt)');
    expect(ltText.getAttribute('aria-invalid')).toBe('true');
    expect(ltText.getAttribute('aria-describedby')).toContain('survey-questions-0-text-lt-error');
    expect(document.getElementById('survey-questions-0-text-lt-error')!.textContent).toBe('is missing');
    expect(screen.getByLabelText('Question 1 text, English (en)').getAttribute('aria-invalid')).toBeNull();

    const optionId = screen.getByLabelText('Question 2 option 2 ID');
    expect(optionId.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('survey-questions-1-options-1-id-error')!.textContent).toBe('is used by another option of this question');

    // A field the builder has no place for is listed in the summary.
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('thankYou.xx');
    expect(alert.textContent).not.toContain('must not be blank');
  });

  it('publishes a draft and shows the link, its QR code and the widget snippet with copy buttons', async () => {
    const distribution = {
      token: 'tok123',
      link: 'https://surveys.example/public/s/tok123',
      widgetSnippet: '<script src="https://surveys.example/public/widget.js" data-survey="tok123" async></script>',
    };
    let published = false;
    const fetch = server((url, init) => {
      if ((init.method ?? 'GET') === 'GET' && url === '/api/workspaces/ws-1/surveys/sv-1') {
        return reply(published ? surveyBody({ status: 'active', distribution, version: 4, publishedAt: '2026-11-02T10:00:00Z' }) : surveyBody(), 200, {
          ETag: published ? '"4"' : '"3"',
        });
      }
      if (init.method === 'POST' && url === '/api/workspaces/ws-1/surveys/sv-1/publish') {
        published = true;
        return reply(distribution);
      }
      return undefined;
    });
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(window.navigator, 'clipboard', { value: { writeText }, configurable: true });
    window.history.replaceState(null, '', '/w/ws-1/surveys/sv-1');
    render(<SurveyEditor workspace={editor} surveyId="sv-1" />);

    fireEvent.click(await screen.findByRole('button', { name: 'Publish' }));

    const dialog = await screen.findByRole('dialog', { name: 'Survey published' });
    expect(calls(fetch, 'POST', '/api/workspaces/ws-1/surveys/sv-1/publish')).toHaveLength(1);
    expect((within(dialog).getByLabelText('Survey link') as HTMLInputElement).value).toBe(distribution.link);
    expect((within(dialog).getByLabelText('Widget snippet') as HTMLTextAreaElement).value).toBe(distribution.widgetSnippet);
    const qr = await within(dialog).findByRole('img', { name: `QR code of the survey link ${distribution.link}` });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(decodeURIComponent(qr.getAttribute('src')!)).toContain('<svg');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Copy survey link' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(distribution.link));
    expect(await within(dialog).findByText('Copied to the clipboard.')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Copy widget snippet' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(distribution.widgetSnippet));

    // Once live, its questions are locked and it can be closed from the dialog.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close survey…' }));
    expect(await screen.findByRole('alertdialog', { name: 'Close this survey?' })).toBeTruthy();
    expect(screen.getByLabelText('Question 1 text, English (en)').matches(':disabled')).toBe(true);
    expect(screen.getByLabelText('Name').matches(':disabled')).toBe(false);
  });

  it('closes a live survey after confirmation', async () => {
    const live = surveyBody({ status: 'active', version: 4, distribution: { token: 't', link: 'https://x.example/public/s/t', widgetSnippet: '<script></script>' } });
    const fetch = server((url, init) => {
      if ((init.method ?? 'GET') === 'GET' && url === '/api/workspaces/ws-1/surveys/sv-1') return reply(live, 200, { ETag: '"4"' });
      if (init.method === 'POST' && url === '/api/workspaces/ws-1/surveys/sv-1/close') return reply({ ...live, status: 'closed', version: 5, closedAt: '2026-11-03T10:00:00Z' });
      return undefined;
    });
    render(<SurveyEditor workspace={editor} surveyId="sv-1" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Close survey…' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Close this survey?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Close survey' }));

    await waitFor(() => expect(calls(fetch, 'POST', '/api/workspaces/ws-1/surveys/sv-1/close')).toHaveLength(1));
    expect(await screen.findByText('Closed')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Publish again' })).toBeTruthy();
  });

  it('saves an edited draft as a merge patch with If-Match, clearing the texts of a removed language', async () => {
    const fetch = server((url, init) => {
      if ((init.method ?? 'GET') === 'GET' && url === '/api/workspaces/ws-1/surveys/sv-1') return reply(surveyBody(), 200, { ETag: '"3"' });
      if (init.method === 'PATCH') return reply(surveyBody({ languages: ['en'], version: 4 }));
      return undefined;
    });
    render(<SurveyEditor workspace={editor} surveyId="sv-1" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Lithuanian (lt)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(calls(fetch, 'PATCH')).toHaveLength(1));
    const [url, init] = calls(fetch, 'PATCH')[0]!;
    expect(url).toBe('/api/workspaces/ws-1/surveys/sv-1');
    expect(init.headers!['If-Match']).toBe('"3"');
    const body = JSON.parse(init.body as string);
    expect(body.languages).toEqual(['en']);
    expect(body.thankYou).toEqual({ en: 'Thanks!', lt: null });
    expect(body.questions[1].options[0]).toEqual({ id: 'price', text: { en: 'Price' } });
  });

  it('shows a viewer the survey read-only, with the preview', async () => {
    server((url) => (url === '/api/workspaces/ws-1/surveys/sv-1' ? reply(surveyBody(), 200, { ETag: '"3"' }) : undefined));
    render(<SurveyEditor workspace={{ ...editor, role: 'client-viewer' }} surveyId="sv-1" />);
    const name = await screen.findByLabelText('Name');
    expect(name.matches(':disabled')).toBe(true);
    expect(screen.getByText('View only')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Save|Publish|Create/ })).toBeNull();
    expect(screen.getByRole('tabpanel').textContent).toContain('How likely are you to recommend us?');
  });
});

import { useState, type FormEvent } from 'react';
import { createJourney, type NewJourney } from '../apiJourneys';
import type { ApiError, JourneyState } from '../api';
import { asApiError, fieldErrorsOf, required, type FieldErrors } from '../forms';
import { journeyPath, navigate } from '../router';
import { SelectField, TextField } from './Field';
import { ProblemMessage } from './ProblemMessage';

const FIELDS = ['name', 'state', 'ownerName', 'description', 'reviewEveryDays'];
const STATES = [
  { value: 'current', label: 'Current state (as it is today)' },
  { value: 'future', label: 'Future state (as it should be)' },
];

function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : String(Date.now() + Math.random());
}

/** "New journey": name, state, owner, review cadence; opens the new (empty) map once created. */
export function NewJourneyForm({ workspaceId, onCancel }: { workspaceId: string; onCancel: () => void }) {
  const [name, setName] = useState('');
  const [state, setState] = useState<JourneyState>('current');
  const [ownerName, setOwnerName] = useState('');
  const [description, setDescription] = useState('');
  const [reviewEveryDays, setReviewEveryDays] = useState('90');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  // one key per filled-in form: a double click or a retry after a network error creates one journey
  const [key] = useState(newKey);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const days = Number(reviewEveryDays);
    const local: FieldErrors = {};
    const missing = required(name);
    if (missing) local.name = missing;
    else if (name.trim().length > 200) local.name = 'Use at most 200 characters';
    if (!Number.isInteger(days) || days < 1 || days > 3650) local.reviewEveryDays = 'Enter a number of days from 1 to 3650';
    setErrors(local);
    setProblem(null);
    if (Object.keys(local).length > 0) return;
    const body: NewJourney = { name: name.trim(), state, reviewEveryDays: days };
    if (ownerName.trim() !== '') body.ownerName = ownerName.trim();
    if (description.trim() !== '') body.description = description.trim();
    setSaving(true);
    try {
      const journey = await createJourney(workspaceId, body, key);
      navigate(journeyPath(workspaceId, journey.id));
    } catch (e) {
      const error = asApiError(e);
      setErrors(fieldErrorsOf(error));
      setProblem(error);
      setSaving(false);
    }
  }

  return (
    <form className="form form-inline-panel" onSubmit={submit} noValidate aria-label="New journey">
      <fieldset className="form-section form-grid" disabled={saving}>
        <legend className="visually-hidden">New journey</legend>
        <TextField id="journey-name" label="Journey name" required value={name} error={errors.name} onChange={setName} />
        <SelectField id="journey-state" label="State" required value={state} error={errors.state} options={STATES}
          onChange={(v) => setState(v as JourneyState)} />
        <TextField id="journey-owner" label="Owner" value={ownerName} error={errors.ownerName} onChange={setOwnerName} />
        <TextField id="journey-review" label="Review every (days)" value={reviewEveryDays} error={errors.reviewEveryDays}
          onChange={setReviewEveryDays} />
        <TextField id="journey-description" label="Description" value={description} error={errors.description}
          onChange={setDescription} />
      </fieldset>
      {problem && <ProblemMessage error={problem} shownFields={FIELDS} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Creating…' : 'Create journey'}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
      </div>
    </form>
  );
}

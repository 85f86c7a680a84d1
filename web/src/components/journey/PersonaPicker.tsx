import { useEffect, useId, useState } from 'react';
import type { ApiError } from '../../api';
import { createPersona, idempotencyKey, listPersonas, type Persona } from '../../apiMaps';
import { asApiError, fieldErrorsOf } from '../../forms';
import { useApi } from '../../session';
import { ProblemMessage } from '../ProblemMessage';
import type { WriteResult } from './TouchpointPanel';

interface Props {
  workspaceId: string;
  personaId: string | null | undefined;
  canEdit: boolean;
  /** A map write is running or the map is in conflict. */
  disabled: boolean;
  onChange: (personaId: string | null, name: string) => Promise<WriteResult>;
}

/** Who the journey is about: pick one of the workspace's personas, or create one right here. */
export function PersonaPicker({ workspaceId, personaId, canEdit, disabled, onChange }: Props) {
  const id = useId();
  const [round, setRound] = useState(0);
  const [loaded, reload] = useApi((signal) => listPersonas(workspaceId, signal), `${workspaceId}/personas/${round}`);
  const [personas, setPersonas] = useState<Persona[]>([]);
  const [choice, setChoice] = useState(personaId ?? '');
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    if (loaded.status === 'ok') setPersonas(loaded.data.items);
  }, [loaded]);
  useEffect(() => setChoice(personaId ?? ''), [personaId]);

  const current = personas.find((p) => p.id === personaId) ?? null;
  if (!canEdit) {
    if (!personaId) return null;
    return (
      <p className="persona-line">
        <span className="muted">Persona</span> {current?.name ?? (loaded.status === 'loading' ? '…' : 'Unknown persona')}
      </p>
    );
  }

  const changed = choice !== (personaId ?? '');
  return (
    <div className="persona-picker">
      <form
        className="inline-form persona-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!changed) return;
          const picked = personas.find((p) => p.id === choice);
          void onChange(choice === '' ? null : choice, picked?.name ?? '');
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-persona`} className="field-label">
            Persona
          </label>
          <select id={`${id}-persona`} value={choice} onChange={(e) => setChoice(e.target.value)} disabled={loaded.status === 'loading'}>
            <option value="">No persona</option>
            {personaId && !current && loaded.status !== 'loading' && <option value={personaId}>Unknown persona</option>}
            {personas.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        {changed && (
          <button type="submit" className="button button-primary button-small" disabled={disabled}>
            Set persona
          </button>
        )}
        {!creating && (
          <button type="button" className="button button-quiet button-small" disabled={disabled} onClick={() => setCreating(true)}>
            + New persona
          </button>
        )}
      </form>
      {loaded.status === 'error' && <ProblemMessage error={loaded.error} onRetry={reload} />}
      {creating && (
        <NewPersona
          workspaceId={workspaceId}
          disabled={disabled}
          onCancel={() => setCreating(false)}
          onCreated={async (persona) => {
            setPersonas((list) => [...list.filter((p) => p.id !== persona.id), persona]);
            setCreating(false);
            setRound((r) => r + 1);
            setChoice(persona.id);
            return onChange(persona.id, persona.name);
          }}
        />
      )}
    </div>
  );
}

function NewPersona({
  workspaceId,
  disabled,
  onCancel,
  onCreated,
}: {
  workspaceId: string;
  disabled: boolean;
  onCancel: () => void;
  onCreated: (p: Persona) => Promise<WriteResult>;
}) {
  const id = useId();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per persona being created, so a retry after a lost answer does not create two.
  const [key] = useState(idempotencyKey);

  async function submit() {
    const found: Record<string, string> = {};
    if (name.trim() === '') found.name = 'Give the persona a name, e.g. “First-time buyer”';
    else if (name.trim().length > 200) found.name = 'Use at most 200 characters';
    if (description.trim().length > 5000) found.description = 'Use at most 5000 characters';
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0) {
      document.getElementById(`${id}-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const persona = await createPersona(workspaceId, { name: name.trim(), description: description.trim() === '' ? null : description.trim() }, key);
      setBusy(false);
      await onCreated(persona);
    } catch (e) {
      const err = asApiError(e);
      setErrors(fieldErrorsOf(err));
      setProblem(err);
      setBusy(false);
    }
  }

  return (
    <form
      className="form persona-new"
      noValidate
      aria-label="New persona"
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void submit();
      }}
    >
      <div className={errors.name ? 'field field-invalid' : 'field'}>
        <label htmlFor={`${id}-name`} className="field-label">
          Persona name
        </label>
        <input
          id={`${id}-name`}
          value={name}
          autoFocus
          autoComplete="off"
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? `${id}-name-error` : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        {errors.name && (
          <p id={`${id}-name-error`} className="field-error">
            {errors.name}
          </p>
        )}
      </div>
      <div className={errors.description ? 'field field-invalid' : 'field'}>
        <label htmlFor={`${id}-description`} className="field-label">
          Description<span className="field-optional"> (optional)</span>
        </label>
        <textarea
          id={`${id}-description`}
          value={description}
          rows={2}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={errors.description ? `${id}-description-error` : undefined}
          onChange={(e) => setDescription(e.target.value)}
        />
        {errors.description && (
          <p id={`${id}-description-error`} className="field-error">
            {errors.description}
          </p>
        )}
      </div>
      {problem && <ProblemMessage error={problem} shownFields={['name', 'description']} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary button-small" disabled={busy || disabled}>
          {busy ? 'Creating…' : 'Create and use'}
        </button>
        <button type="button" className="button button-secondary button-small" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

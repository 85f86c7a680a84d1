import type { ReactNode } from 'react';

/** Ids of the hint and error that describe a field, for `aria-describedby`. */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function FieldMessages({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
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
    </>
  );
}

interface InputProps {
  id: string;
  /** May carry visually hidden context ("Question 2 text, ") before the visible words. */
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: ReactNode;
  multiline?: boolean;
  /** The language the text is in, so screen readers and spell checkers use it. */
  lang?: string;
  placeholder?: string;
  disabled?: boolean;
  required?: boolean;
  type?: 'text' | 'email' | 'number' | 'date' | 'datetime-local';
  min?: number;
  max?: number;
  className?: string;
  mono?: boolean;
  /** A datalist of suggestions. */
  list?: string;
}

/** A labelled input or textarea whose hint and API error are linked with aria-describedby. */
export function InputField({ id, label, value, onChange, error, hint, multiline, lang, placeholder, disabled, required, type = 'text', min, max, className, mono, list }: InputProps) {
  const common = {
    id,
    name: id,
    value,
    lang,
    placeholder,
    disabled,
    required,
    className: mono ? 'mono' : undefined,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hint, error),
  };
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={type} min={min} max={max} list={list} autoComplete="off" onChange={(e) => onChange(e.target.value)} />
      )}
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

export function Hidden({ children }: { children: ReactNode }) {
  return <span className="visually-hidden">{children}</span>;
}

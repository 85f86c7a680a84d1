import type { ApiError } from '../api';

/** A friendly inline rendering of an RFC 9457 problem. */
export function ProblemMessage({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { title, detail, errors, status } = error.problem;
  const retryable = onRetry && (status === 0 || status === 429 || status >= 500);
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{title}</p>
      {detail && <p className="notice-detail">{detail}</p>}
      {errors && errors.length > 0 && (
        <ul className="notice-list">
          {errors.map((e) => (
            <li key={`${e.field}:${e.message}`}>
              <strong>{e.field}</strong>: {e.message}
            </li>
          ))}
        </ul>
      )}
      {retryable && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

import type { ApiError } from '../api';
import { isQuotaExceeded, quotaMessage } from '../problem';

interface Props {
  error: ApiError;
  onRetry?: () => void;
  /** Field errors already shown next to their form fields; only the others are listed here. */
  shownFields?: readonly string[];
}

/** A friendly inline rendering of an RFC 9457 problem. */
export function ProblemMessage({ error, onRetry, shownFields = [] }: Props) {
  const problem = error.problem;
  const { title, detail, errors, status } = problem;
  const retryable = onRetry && (status === 0 || status === 429 || status >= 500);
  if (isQuotaExceeded(problem)) {
    return (
      <div className="notice notice-warning" role="alert">
        <p className="notice-title">Your plan's limit is reached</p>
        <p className="notice-detail">{quotaMessage(problem)}</p>
        <p className="notice-detail">
          To add more, ask Waymark support (your platform administrator) to move the agency to a larger plan
          {problem.plan === 'starter' ? ' — Growth or Scale' : problem.plan === 'growth' ? ' — Scale has no limits' : ''}, or
          remove something you no longer need.
        </p>
      </div>
    );
  }
  const listed = (errors ?? []).filter((e) => !shownFields.includes(e.field));
  const onlyFields = listed.length === 0 && (errors ?? []).length > 0;
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{onlyFields ? 'Please correct the highlighted fields' : title}</p>
      {detail && !onlyFields && <p className="notice-detail">{detail}</p>}
      {listed.length > 0 && (
        <ul className="notice-list">
          {listed.map((e) => (
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

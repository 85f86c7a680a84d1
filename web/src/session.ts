import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import { ApiError } from './api';
import type { Problem } from './problem';

/**
 * Conditions that end the whole screen rather than one panel: the session expired, or the agency
 * was suspended. Any panel that meets one reports it here and the app switches page.
 */
export interface SessionEvents {
  signedOut(): void;
  suspended(problem: Problem): void;
}

export const SessionContext = createContext<SessionEvents>({
  signedOut() {},
  suspended() {},
});

export type Loadable<T> =
  | { status: 'loading' }
  | { status: 'ok'; data: T }
  | { status: 'error'; error: ApiError };

function asApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError({
    type: 'about:blank',
    title: 'Something went wrong',
    status: 0,
    detail: e instanceof Error ? e.message : undefined,
  });
}

/** Loads with `load` whenever `key` changes; aborts the previous request when it does. */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, key: string): [Loadable<T>, () => void] {
  const session = useContext(SessionContext);
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ok', data });
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        const error = asApiError(e);
        if (error.signedOut) session.signedOut();
        else if (error.tenantSuspended) session.suspended(error.problem);
        setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
    // `load` is re-created on every render; `key` says when it really changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((a) => a + 1), []);
  return [state, reload];
}

/** Re-reads `/api/me` quietly (no loading screen), e.g. after a workspace was created or deleted. */
export const RefreshMeContext = createContext<() => void>(() => {});

import { useState } from 'react';
import { ApiError, type Page } from './api';
import { asApiError } from './forms';
import { useApi, type Loadable } from './session';

export interface Paged<T> {
  first: Loadable<Page<T>>;
  items: T[];
  nextCursor: string | null;
  loadingMore: boolean;
  moreError: ApiError | null;
  loadMore: () => Promise<void>;
  reload: () => void;
  /** Local edits after a write, without a reload: replace or drop items. */
  update: (fn: (items: T[]) => T[]) => void;
}

/** A cursor-paged list: the first page through `useApi`, then "Load more" appends. */
export function usePaged<T>(load: (cursor: string | null, signal?: AbortSignal) => Promise<Page<T>>, key: string): Paged<T> {
  const [version, setVersion] = useState(0);
  const [first, reloadFirst] = useApi((signal) => load(null, signal), `${key}#${version}`);
  const [extra, setExtra] = useState<{ version: number; items: T[]; cursor: string | null | undefined }>({ version: 0, items: [], cursor: undefined });
  const [edit, setEdit] = useState<{ version: number; fn: ((items: T[]) => T[]) | null }>({ version: 0, fn: null });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<ApiError | null>(null);

  const sameVersion = extra.version === version;
  const base = first.status === 'ok' ? [...first.data.items, ...(sameVersion ? extra.items : [])] : [];
  const items = edit.version === version && edit.fn ? edit.fn(base) : base;
  const nextCursor =
    first.status !== 'ok' ? null : sameVersion && extra.cursor !== undefined ? extra.cursor : first.data.nextCursor;

  async function loadMore() {
    if (!nextCursor) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await load(nextCursor);
      setExtra((prev) => ({
        version,
        items: [...(prev.version === version ? prev.items : []), ...page.items],
        cursor: page.nextCursor,
      }));
    } catch (e) {
      setMoreError(asApiError(e));
    } finally {
      setLoadingMore(false);
    }
  }

  function reload() {
    setMoreError(null);
    setVersion((v) => v + 1);
    reloadFirst();
  }

  function update(fn: (items: T[]) => T[]) {
    setEdit((prev) => {
      const previous = prev.version === version ? prev.fn : null;
      return { version, fn: previous ? (xs: T[]) => fn(previous(xs)) : fn };
    });
  }

  return { first, items, nextCursor, loadingMore, moreError, loadMore, reload, update };
}

import type { Paged } from '../paged';
import { ProblemMessage } from './ProblemMessage';

export function LoadMore<T>({ list, label = 'Load more' }: { list: Paged<T>; label?: string }) {
  return (
    <>
      {list.moreError && <ProblemMessage error={list.moreError} />}
      {list.nextCursor && (
        <div className="more">
          <button type="button" className="button button-secondary" onClick={() => void list.loadMore()} disabled={list.loadingMore}>
            {list.loadingMore ? 'Loading…' : label}
          </button>
        </div>
      )}
    </>
  );
}

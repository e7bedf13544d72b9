import { type PagedList } from '../api/use-paged-list';
import { RequestError } from './request-error';
import { Progress } from './submit-button';

/**
 * Under a paged list: progress for the first page, the error, or "Load more" while the last page was full.
 * While a further page loads, "Load more" stays where it is (busy, presses ignored) so its focus is kept.
 */
export function PagedFooter<Item>({ list, progressLabel }: { list: PagedList<Item>; progressLabel: string }) {
  if (list.error) return <RequestError error={list.error} onRetry={list.retry} />;
  if (list.loading && list.items.length === 0) return <Progress label={progressLabel} />;
  if (!list.hasMore) return null;
  return (
    <button
      type="button"
      className="button button--secondary button--wide"
      aria-busy={list.loading}
      aria-disabled={list.loading}
      onClick={() => {
        if (!list.loading) list.loadMore();
      }}
    >
      {list.loading && <span className="spinner" aria-hidden="true" />}
      Load more
    </button>
  );
}

import { type PagedList } from '../api/use-paged-list';
import { RequestError } from './request-error';
import { Progress } from './submit-button';

/** Under a paged list: progress, the error, or "Load more" while the last page was full. */
export function PagedFooter<Item>({ list, progressLabel }: { list: PagedList<Item>; progressLabel: string }) {
  if (list.loading) return <Progress label={progressLabel} />;
  if (list.error) return <RequestError error={list.error} onRetry={list.retry} />;
  if (!list.hasMore) return null;
  return (
    <button type="button" className="button button--secondary button--wide" onClick={list.loadMore}>
      Load more
    </button>
  );
}

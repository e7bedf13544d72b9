import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError, type UiError } from './error-message';

export interface PagedList<Item> {
  items: Item[];
  /** The first page is loading (nothing to show yet) or a further one is. */
  loading: boolean;
  error?: UiError;
  /** The last page was full, so there may be more. */
  hasMore: boolean;
  loadMore: () => void;
  /** Retries whatever failed: the first page or the next one. */
  retry: () => void;
}

/**
 * A newest-first list read page by page (`before` = the last item's id), as /api/runs and /api/audit serve
 * it. The first page loads on mount; a page shorter than `pageSize` is the last.
 */
export function usePagedList<Item, Cursor>(
  fetchPage: (before: Cursor | undefined, signal: AbortSignal) => Promise<Item[]>,
  cursorOf: (item: Item) => Cursor,
  pageSize: number,
): PagedList<Item> {
  const [items, setItems] = useState<Item[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<UiError>();
  const [hasMore, setHasMore] = useState(false);
  const controller = useRef<AbortController | undefined>(undefined);
  // The latest values, read when a page is asked for: the callbacks keep one identity.
  const latest = useRef({ items, fetchPage, cursorOf });
  latest.current = { items, fetchPage, cursorOf };

  const load = useCallback(
    (fromStart: boolean) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      const { items: shown, fetchPage: fetchNext, cursorOf: cursor } = latest.current;
      const last = fromStart ? undefined : shown[shown.length - 1];
      setLoading(true);
      setError(undefined);
      fetchNext(last === undefined ? undefined : cursor(last), current.signal).then(
        (page) => {
          if (current.signal.aborted) return;
          setItems((before) => (fromStart ? page : [...before, ...page]));
          setHasMore(page.length >= pageSize);
          setLoading(false);
        },
        (failure: unknown) => {
          if (current.signal.aborted) return;
          setError(describeError(failure));
          setLoading(false);
        },
      );
    },
    [pageSize],
  );

  useEffect(() => {
    load(true);
    return () => controller.current?.abort();
  }, [load]);

  const loadMore = useCallback(() => load(false), [load]);
  const retry = useCallback(() => load(latest.current.items.length === 0), [load]);
  return { items, loading, error, hasMore, loadMore, retry };
}

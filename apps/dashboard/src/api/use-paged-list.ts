import { useCallback, useEffect, useRef, useState } from 'react';
import { useRememberedState } from '../app/screen-memory';
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
 * The reads of a list's pages, one at a time: a read aborts the one before it (its page would be stale), and
 * the one running is aborted when the list goes away. A read sets `loading`, and `error` when it fails; a
 * `quiet` one (a refresh behind items already shown) only shows its page, when it comes.
 */
export function usePageReads() {
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<UiError>();
  const controller = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => controller.current?.abort(), []);
  const read = useCallback(
    <Page>(fetchPage: (signal: AbortSignal) => Promise<Page>, show: (page: Page) => void, quiet = false) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      if (!quiet) {
        setLoading(true);
        setError(undefined);
      }
      fetchPage(current.signal).then(
        (page) => {
          if (current.signal.aborted) return;
          show(page);
          if (!quiet) setLoading(false);
        },
        (failure: unknown) => {
          if (current.signal.aborted || quiet) return;
          setError(describeError(failure));
          setLoading(false);
        },
      );
    },
    [],
  );
  return { loading, error, read };
}

/** The pages read so far, kept in the screen memory. */
interface LoadedPages<Item> {
  items: Item[];
  hasMore: boolean;
  /** At least the first page has come back. */
  loaded: boolean;
}

/**
 * A newest-first list read page by page (`before` = the last item's id), as /api/runs and /api/audit serve
 * it. The first page loads on mount; a page shorter than `pageSize` is the last.
 *
 * With `rememberAs`, the pages read so far (and whether there are more) are kept in the screen memory: when
 * the screen comes back (another tab, or back from a run's detail) they show again at once, and the first
 * page is read again quietly to put newer items on top.
 */
export function usePagedList<Item, Cursor>(
  fetchPage: (before: Cursor | undefined, signal: AbortSignal) => Promise<Item[]>,
  cursorOf: (item: Item) => Cursor,
  pageSize: number,
  rememberAs?: string,
): PagedList<Item> {
  const [pages, setPages] = useRememberedState<LoadedPages<Item>>(
    rememberAs === undefined ? undefined : `${rememberAs}.pages`,
    {
      items: [],
      hasMore: false,
      loaded: false,
    },
  );
  const [remembered] = useState(() => rememberAs !== undefined && pages.loaded);
  const { loading, error, read } = usePageReads();
  // The latest values, read when a page is asked for: the callbacks keep one identity.
  const latest = useRef({ pages, fetchPage, cursorOf, setPages });
  latest.current = { pages, fetchPage, cursorOf, setPages };

  const load = useCallback(
    (fromStart: boolean) => {
      const { pages: shown, fetchPage: fetchNext, cursorOf: cursor } = latest.current;
      const last = fromStart ? undefined : shown.items[shown.items.length - 1];
      read(
        (signal) => fetchNext(last === undefined ? undefined : cursor(last), signal),
        (page) => {
          const before = latest.current.pages.items;
          latest.current.setPages({
            items: fromStart ? page : [...before, ...page],
            hasMore: page.length >= pageSize,
            loaded: true,
          });
        },
      );
    },
    [pageSize, read],
  );

  /** Reads the first page again without showing it, and puts what is newer than the kept items on top. */
  const refreshTop = useCallback(() => {
    const { fetchPage: fetchFirst, cursorOf: cursor } = latest.current;
    // A failure is not shown: the kept items still show; the next "Load more" or visit tries again.
    read(
      (signal) => fetchFirst(undefined, signal),
      (page) => {
        const kept = latest.current.pages;
        const keys = new Set(kept.items.map(cursor));
        const overlap = page.findIndex((item) => keys.has(cursor(item)));
        latest.current.setPages(
          overlap === -1
            ? // Nothing in common: more than a page is new, so start again from the newest page.
              { items: page, hasMore: page.length >= pageSize, loaded: true }
            : { ...kept, items: [...page.slice(0, overlap), ...kept.items] },
        );
      },
      true,
    );
  }, [pageSize, read]);

  useEffect(() => {
    if (remembered) refreshTop();
    else load(true);
  }, [load, refreshTop, remembered]);

  const loadMore = useCallback(() => load(false), [load]);
  const retry = useCallback(() => load(latest.current.pages.items.length === 0), [load]);
  return { items: pages.items, loading, error, hasMore: pages.hasMore, loadMore, retry };
}

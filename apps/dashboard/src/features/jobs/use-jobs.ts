import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError, type UiError } from '../../api/error-message';
import { followJob, isFinished } from '../../api/job-events';
import { type ListenedStore, setStoreState, useStoreState } from '../../api/listened-store';
import { type JobStatus } from '../../api/types';
import { type PagedList, usePageReads } from '../../api/use-paged-list';
import { useRememberedObject } from '../../app/screen-memory';
import { useSession } from '../../app/session';
import { jobTitle, STATUS_LABELS } from './job-labels';

/** A job as the list shows it: the list answers without results (opening one reads its result). */
export type ListedJob = Omit<JobStatus, 'result'>;

export const JOBS_PAGE_SIZE = 20;

/**
 * Jobs followed live at once, newest first: each holds a connection, of the six a browser opens to one
 * server, and the rest of the screen needs some. A job further down moves once one of these finishes.
 */
export const MAX_FOLLOWED_JOBS = 3;

interface JobsState {
  items: ListedJob[];
  hasMore: boolean;
  /** At least the first page has come back. */
  loaded: boolean;
  /** What the jobs submitted from this screen run on, by job id ("SPY · ma-cross"). */
  described: Record<string, string>;
  /** The last change worth announcing: a job submitted, or finished while on screen. */
  notice?: string;
}

/** Kept in the screen memory: the list and what follows it outlive a tab switch. */
type JobsStore = ListenedStore<JobsState>;

function createStore(): JobsStore {
  return { state: { items: [], hasMore: false, loaded: false, described: {} }, listeners: new Set() };
}

function change(store: JobsStore, next: Partial<JobsState>) {
  setStoreState(store, { ...store.state, ...next });
}

function listed(job: JobStatus): ListedJob {
  const copy: Partial<JobStatus> = { ...job };
  delete copy.result;
  return copy as ListedJob;
}

/** Puts `job` in place of its older self (or on top), and says so when it has just finished. */
function upsert(store: JobsStore, job: JobStatus) {
  const { items, described } = store.state;
  const index = items.findIndex((item) => item.job_id === job.job_id);
  const before = items[index];
  const finishedNow = before !== undefined && !isFinished(before) && isFinished(job);
  change(store, {
    items:
      index === -1 ? [listed(job), ...items] : items.map((item, i) => (i === index ? listed(job) : item)),
    ...(finishedNow ? { notice: finishedNotice(job, described[job.job_id]) } : {}),
  });
}

function finishedNotice(job: JobStatus, described: string | undefined): string {
  const title = jobTitle(job, described);
  const status = STATUS_LABELS[job.status].toLowerCase();
  return job.status === 'failed' && job.error
    ? `${title} failed: ${job.error.message}`
    : `${title} ${status}.`;
}

export interface Jobs {
  /** The jobs newest first, page by page, with their latest status. */
  list: PagedList<ListedJob>;
  /** The list has answered at least once: empty then means no jobs, not "not read yet". */
  loaded: boolean;
  described: Record<string, string>;
  notice?: string;
  /** A job just submitted, `described` by what it runs on: shown on top and followed. */
  add: (job: JobStatus, described: string) => void;
  /** Reads the first page again and follows again the jobs whose progress stopped. */
  refresh: () => void;
  cancel: (job: ListedJob) => void;
  cancelling: ReadonlySet<string>;
  cancelErrors: Readonly<Record<string, UiError>>;
  /** Jobs whose progress could no longer be read, and why. */
  followErrors: Readonly<Record<string, UiError>>;
}

/**
 * The signed-in key's jobs (an admin's: everyone's), newest first, with the unfinished ones followed live
 * (their event stream, else a read every second) and cancelled on request.
 */
export function useJobs(): Jobs {
  const { client, openEventStream } = useSession();
  const store = useRememberedObject<JobsStore>('jobs.store', createStore);
  const state = useStoreState(store);

  const { loading, error, read } = usePageReads();
  const [cancelling, setCancelling] = useState<ReadonlySet<string>>(new Set());
  const [cancelErrors, setCancelErrors] = useState<Record<string, UiError>>({});
  const [followErrors, setFollowErrors] = useState<Record<string, UiError>>({});

  const load = useCallback(
    (fromStart: boolean) => {
      const offset = fromStart ? 0 : store.state.items.length;
      read(
        (signal) => client.call('jobs', { limit: JOBS_PAGE_SIZE, offset }, { signal }),
        ({ jobs }) => {
          const kept = fromStart ? [] : store.state.items;
          // A job submitted since the last page shifts the offsets: skip what is shown already.
          const shown = new Set(kept.map((job) => job.job_id));
          change(store, {
            items: [...kept, ...jobs.filter((job) => !shown.has(job.job_id))],
            hasMore: jobs.length >= JOBS_PAGE_SIZE,
            loaded: true,
          });
        },
      );
    },
    [client, store, read],
  );

  // The first page on every visit: statuses change while the screen is away.
  useEffect(() => {
    load(true);
  }, [load]);

  const followed = state.items
    .filter((job) => !isFinished(job) && followErrors[job.job_id] === undefined)
    .slice(0, MAX_FOLLOWED_JOBS)
    .map((job) => job.job_id)
    .join(' ');
  const followers = useRef(new Map<string, AbortController>());
  useEffect(() => {
    const wanted = new Set(followed === '' ? [] : followed.split(' '));
    for (const [id, controller] of followers.current) {
      if (wanted.has(id)) continue;
      controller.abort();
      followers.current.delete(id);
    }
    for (const id of wanted) {
      if (followers.current.has(id)) continue;
      const controller = new AbortController();
      followers.current.set(id, controller);
      followJob(id, (job) => upsert(store, job), { client, openEventStream, signal: controller.signal }).then(
        () => followers.current.delete(id),
        (failure: unknown) => {
          if (controller.signal.aborted) return;
          followers.current.delete(id);
          setFollowErrors((errors) => ({ ...errors, [id]: describeError(failure) }));
        },
      );
    }
  }, [followed, client, openEventStream, store]);
  // Leaving the screen stops following; coming back reads the list and follows again.
  useEffect(() => {
    const running = followers.current;
    return () => {
      for (const controller of running.values()) controller.abort();
      running.clear();
    };
  }, []);

  const add = useCallback(
    (job: JobStatus, described: string) => {
      const title = jobTitle(job, described);
      change(store, {
        described: { ...store.state.described, [job.job_id]: described },
        notice: isFinished(job)
          ? `${title} was submitted before: ${STATUS_LABELS[job.status].toLowerCase()}.`
          : `${title} submitted: its progress shows below.`,
      });
      upsert(store, job);
    },
    [store],
  );

  const refresh = useCallback(() => {
    setFollowErrors({});
    load(true);
  }, [load]);

  const cancel = useCallback(
    (job: ListedJob) => {
      const id = job.job_id;
      setCancelling((ids) => new Set([...ids, id]));
      setCancelErrors(({ [id]: _dropped, ...others }) => others);
      client
        .call('cancelJob', { id })
        .then(
          (answer) => upsert(store, answer),
          (failure: unknown) => setCancelErrors((errors) => ({ ...errors, [id]: describeError(failure) })),
        )
        .finally(() => setCancelling((ids) => new Set([...ids].filter((kept) => kept !== id))));
    },
    [client, store],
  );

  const list: PagedList<ListedJob> = {
    items: state.items,
    loading,
    error,
    hasMore: state.hasMore,
    loadMore: () => load(false),
    retry: () => load(state.items.length === 0),
  };
  return {
    list,
    loaded: state.loaded,
    described: state.described,
    notice: state.notice,
    add,
    refresh,
    cancel,
    cancelling,
    cancelErrors,
    followErrors,
  };
}

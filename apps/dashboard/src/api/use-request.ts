import { useCallback, useEffect } from 'react';
import { useRememberedObject } from '../app/screen-memory';
import { describeError, type UiError } from './error-message';
import { type ListenedStore, setStoreState, useStoreState } from './listened-store';

export type RequestState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'success'; data: T }
  | { status: 'error'; error: UiError };

export interface Request<T> {
  state: RequestState<T>;
  /** Starts `call`, cancelling one still running (its answer would be stale). */
  run: (call: (signal: AbortSignal) => Promise<T>) => void;
  /** Runs the last call again (the Retry button). */
  retry: () => void;
}

/** A request's state and the call behind it, kept where the screen's outcome outlives the screen. */
interface RequestStore<T> extends ListenedStore<RequestState<T>> {
  controller?: AbortController;
  lastCall?: (signal: AbortSignal) => Promise<T>;
}

function createStore<T>(): RequestStore<T> {
  return { state: { status: 'idle' }, listeners: new Set() };
}

/**
 * One request's loading, result and error, for a screen to render. A call is aborted only when another
 * starts (its answer would be stale).
 *
 * With `rememberAs`, the whole state (running, result or error) is kept in the screen memory: a call still
 * running when the screen goes away runs on, and its outcome is what the screen shows when it comes back;
 * a new run replaces the last outcome at once, so an old result never shows under a changed form. Without
 * `rememberAs` nothing outlives the screen, so its call is aborted when the screen goes away.
 */
export function useRequest<T>(rememberAs?: string): Request<T> {
  const store = useRememberedObject<RequestStore<T>>(
    rememberAs === undefined ? undefined : `${rememberAs}.request`,
    createStore,
  );
  const state = useStoreState(store);

  const remembered = rememberAs !== undefined;
  useEffect(
    () => () => {
      if (!remembered) store.controller?.abort();
    },
    [store, remembered],
  );

  const run = useCallback(
    (call: (signal: AbortSignal) => Promise<T>) => {
      store.controller?.abort();
      const current = new AbortController();
      store.controller = current;
      store.lastCall = call;
      setStoreState(store, { status: 'loading' });
      call(current.signal).then(
        (data) => {
          if (!current.signal.aborted) setStoreState(store, { status: 'success', data });
        },
        (error: unknown) => {
          if (!current.signal.aborted) setStoreState(store, { status: 'error', error: describeError(error) });
        },
      );
    },
    [store],
  );

  const retry = useCallback(() => {
    if (store.lastCall) run(store.lastCall);
  }, [run, store]);

  return { state, run, retry };
}

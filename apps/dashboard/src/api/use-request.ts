import { useCallback, useEffect, useRef, useState } from 'react';
import { useRememberedState } from '../app/screen-memory';
import { describeError, type UiError } from './error-message';

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

/**
 * One request's loading, result and error, for a screen to render. A call still running when the screen
 * goes away, or when another starts, is aborted and its outcome ignored. With `rememberAs`, the last result
 * is shown again when the screen comes back (see screen-memory).
 */
export function useRequest<T>(rememberAs?: string): Request<T> {
  const [remembered, remember] = useRememberedState<T | undefined>(`${rememberAs ?? ''}.result`, undefined);
  const [state, setState] = useState<RequestState<T>>(() =>
    rememberAs !== undefined && remembered !== undefined
      ? { status: 'success', data: remembered }
      : { status: 'idle' },
  );
  const controller = useRef<AbortController | undefined>(undefined);
  const lastCall = useRef<((signal: AbortSignal) => Promise<T>) | undefined>(undefined);

  // Read through refs so `run` keeps one identity (screens list it in effects' dependencies).
  const rememberRef = useRef(remember);
  const rememberAsRef = useRef(rememberAs);
  rememberRef.current = remember;
  rememberAsRef.current = rememberAs;

  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback((call: (signal: AbortSignal) => Promise<T>) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    lastCall.current = call;
    setState({ status: 'loading' });
    call(current.signal).then(
      (data) => {
        if (current.signal.aborted) return;
        if (rememberAsRef.current !== undefined) rememberRef.current(data);
        setState({ status: 'success', data });
      },
      (error: unknown) => {
        if (!current.signal.aborted) setState({ status: 'error', error: describeError(error) });
      },
    );
  }, []);

  const retry = useCallback(() => {
    if (lastCall.current) run(lastCall.current);
  }, [run]);

  return { state, run, retry };
}

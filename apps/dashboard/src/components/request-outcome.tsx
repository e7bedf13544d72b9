import { useEffect, useRef, type ReactNode } from 'react';
import { type Request } from '../api/use-request';
import { Progress } from './submit-button';
import { RequestError } from './request-error';

export interface RequestOutcomeProps<T> {
  request: Request<T>;
  /** Names the progress bar ("Running backtest"). */
  progressLabel: string;
  children: (data: T) => ReactNode;
}

/**
 * What a request has come to: progress while it runs, its error with a way forward, or its result. When a
 * result arrives, focus moves to its first heading, which also scrolls it into view: on a phone the results
 * are below the form, out of sight. A result shown again when the screen comes back does not take the focus.
 */
export function RequestOutcome<T>({ request, progressLabel, children }: RequestOutcomeProps<T>) {
  const { state } = request;
  const results = useRef<HTMLDivElement>(null);
  const lastStatus = useRef(state.status);
  useEffect(() => {
    const arrived = lastStatus.current === 'loading' && state.status === 'success';
    lastStatus.current = state.status;
    if (!arrived || !results.current) return;
    const target =
      results.current.querySelector<HTMLElement>('h2, h3, h4') ??
      results.current.querySelector<HTMLElement>('section') ??
      results.current;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus();
  }, [state.status]);
  switch (state.status) {
    case 'loading':
      return <Progress label={progressLabel} />;
    case 'error':
      return <RequestError error={state.error} onRetry={request.retry} />;
    case 'success':
      return <div ref={results}>{children(state.data)}</div>;
    default:
      return null;
  }
}

/** The 400's errors by field while the request's last outcome is one, else none. */
export function fieldErrorsOf<T>(request: Request<T>): Record<string, string> {
  return request.state.status === 'error' ? request.state.error.fieldErrors : {};
}

/** The error of `field` or of one of its items (`symbols[2]`, `symbols.2`), for a field that edits a list. */
export function listFieldError(fieldErrors: Record<string, string>, field: string): string | undefined {
  const entry = Object.entries(fieldErrors).find(
    ([name]) => name === field || name.startsWith(`${field}[`) || name.startsWith(`${field}.`),
  );
  return entry?.[1];
}

import { type ReactNode } from 'react';
import { type Request } from '../api/use-request';
import { Progress } from './submit-button';
import { RequestError } from './request-error';

export interface RequestOutcomeProps<T> {
  request: Request<T>;
  /** Names the progress bar ("Running backtest"). */
  progressLabel: string;
  children: (data: T) => ReactNode;
}

/** What a request has come to: progress while it runs, its error with a way forward, or its result. */
export function RequestOutcome<T>({ request, progressLabel, children }: RequestOutcomeProps<T>) {
  const { state } = request;
  switch (state.status) {
    case 'loading':
      return <Progress label={progressLabel} />;
    case 'error':
      return <RequestError error={state.error} onRetry={request.retry} />;
    case 'success':
      return <>{children(state.data)}</>;
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

import { useEffect, useState } from 'react';
import { KEY_TROUBLESHOOTING, type UiError } from '../api/error-message';
import { useOptionalSession } from '../app/session';

export interface RequestErrorProps {
  error: UiError;
  /** Offered for failures worth retrying (network down, server failure, rate limit once it has passed). */
  onRetry?: () => void;
}

/**
 * A failed request, in words a person can act on: never the raw response. The title and the hint are
 * announced at once (role="alert"); what changes afterwards (a 429's countdown) sits outside the alert and is
 * not announced every second (aria-live="off"), so the alert never goes stale nor repeats itself.
 */
export function RequestError({ error, onRetry }: RequestErrorProps) {
  const session = useOptionalSession();
  const waiting = useCountdown(error.retryAfterSeconds);
  const counting = error.kind === 'rate-limit' && error.retryAfterSeconds !== undefined;
  return (
    <div className="alert">
      <div role="alert">
        <p className="alert__title">{error.title}</p>
        {error.kind === 'key' ? (
          <ul className="alert__steps">
            {KEY_TROUBLESHOOTING.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ul>
        ) : counting ? (
          <p>{`The server asks for a pause of ${secondsText(error.retryAfterSeconds ?? 0)}.`}</p>
        ) : (
          error.hint && <p>{error.hint}</p>
        )}
      </div>
      {counting && (
        <p aria-live="off" className="alert__countdown">
          {waiting > 0 ? `Try again in ${secondsText(waiting)}.` : 'You can try again now.'}
        </p>
      )}
      {error.requestId && <p className="alert__request-id">Request id: {error.requestId}</p>}
      <div className="alert__actions">
        {error.kind === 'key' && session && (
          <button type="button" className="button button--secondary" onClick={session.signOut}>
            Enter a new key
          </button>
        )}
        {error.retryable && onRetry && (
          <button type="button" className="button button--secondary" onClick={onRetry} disabled={waiting > 0}>
            Retry
          </button>
        )}
      </div>
    </div>
  );
}

function secondsText(seconds: number): string {
  return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
}

/** Seconds left of a 429's Retry-After, ticking down so Retry enables itself when the wait is over. */
function useCountdown(seconds: number | undefined): number {
  const [left, setLeft] = useState(seconds ?? 0);
  useEffect(() => {
    setLeft(seconds ?? 0);
    if (!seconds) return undefined;
    // Once at 0 the updates change nothing, so nothing renders again.
    const timer = setInterval(() => setLeft((value) => Math.max(0, value - 1)), 1000);
    return () => clearInterval(timer);
  }, [seconds]);
  return left;
}

import { type MouseEvent } from 'react';

export interface SubmitButtonProps {
  label: string;
  busy: boolean;
  /** Said while busy, e.g. "Running backtest…". */
  busyLabel: string;
}

/**
 * The form's submit button; while the request runs it stays named `label` (so it is found the same way)
 * but is busy and shows a spinner and the busy text. It is never `disabled` (that would drop the focus of
 * the person who just pressed it): aria-disabled says it does nothing, and a press while busy is ignored.
 */
export function SubmitButton({ label, busy, busyLabel }: SubmitButtonProps) {
  return (
    <button
      type="submit"
      className="button button--primary"
      aria-busy={busy}
      aria-disabled={busy}
      aria-label={label}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        // Enter in a field submits through this button too.
        if (busy) event.preventDefault();
      }}
    >
      {busy && <span className="spinner" aria-hidden="true" />}
      <span aria-hidden="true">{busy ? busyLabel : label}</span>
    </button>
  );
}

/** An indeterminate progress bar for a request whose length is unknown. */
export function Progress({ label }: { label: string }) {
  return (
    <div role="progressbar" aria-label={label} className="progress">
      <span className="progress__bar" />
    </div>
  );
}

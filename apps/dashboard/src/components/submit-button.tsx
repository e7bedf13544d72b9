export interface SubmitButtonProps {
  label: string;
  busy: boolean;
  /** Said while busy, e.g. "Running backtest…". */
  busyLabel: string;
}

/**
 * The form's submit button; while the request runs it stays named `label` (so it is found the same way)
 * but is busy and shows a spinner and the busy text.
 */
export function SubmitButton({ label, busy, busyLabel }: SubmitButtonProps) {
  return (
    <button
      type="submit"
      className="button button--primary"
      aria-busy={busy}
      aria-label={label}
      disabled={busy}
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

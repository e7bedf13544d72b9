export interface ProviderNoteProps {
  provider: string;
  first: string;
  last: string;
  /** Bars in the run, when the report says. */
  rows?: number;
}

/** Where the prices came from and their span; synthetic prices are called out, never passed off as real. */
export function ProviderNote({ provider, first, last, rows }: ProviderNoteProps) {
  return (
    <p className="provider-note">
      {provider === 'synthetic' ? (
        <strong className="badge badge--warning">Synthetic data: not real market prices</strong>
      ) : (
        <span className="badge">Data: {provider}</span>
      )}{' '}
      <span>
        {first} to {last}
        {rows === undefined ? '' : ` (${rows.toLocaleString('en-US')} bars)`}
      </span>
    </p>
  );
}

/** Warnings the run reported without failing (for instance: the run could not be recorded). */
export function RunWarnings({ warnings }: { warnings?: readonly string[] }) {
  if (!warnings || warnings.length === 0) return null;
  return (
    <ul className="warnings">
      {warnings.map((warning) => (
        <li key={warning}>{warning}</li>
      ))}
    </ul>
  );
}

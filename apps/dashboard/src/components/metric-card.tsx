export interface MetricCardProps {
  label: string;
  value: string;
  /** The same figure for the benchmark (buy-and-hold), for comparison. */
  benchmark?: string;
  /** Colours the value: whether the strategy did better than its benchmark. */
  tone?: 'better' | 'worse' | 'neutral';
}

/** One headline figure; a group named by its label so a screen reader (and a test) finds it by name. */
export function MetricCard({ label, value, benchmark, tone = 'neutral' }: MetricCardProps) {
  return (
    <div role="group" aria-label={label} className="metric-card">
      <span className="metric-card__label">{label}</span>
      <span className={`metric-card__value metric-card__value--${tone}`}>{value}</span>
      {benchmark !== undefined && <span className="metric-card__benchmark">Benchmark {benchmark}</span>}
    </div>
  );
}

/** Compares a strategy's figure to its benchmark's, where larger is better (drawdowns are ≤ 0, so they are too). */
export function compareTone(value: number | null, benchmark: number | null): MetricCardProps['tone'] {
  if (value === null || benchmark === null || value === benchmark) return 'neutral';
  return value > benchmark ? 'better' : 'worse';
}

import { benchmarkInPhrase, benchmarkName } from './benchmark';
import { type Tone } from './format';
import { toneClass } from './signed';

export interface MetricCardProps {
  label: string;
  value: string;
  /** The value's colour: its sign for a figure that can be a gain or a loss; `none` (uncoloured) otherwise. */
  tone?: Tone;
  /** The same figure for the benchmark (buy-and-hold), as text. */
  benchmark?: string;
  /** What the run was measured against, as reports name it (`QQQ`, `equal-weight`); unnamed: "Benchmark". */
  benchmarkOf?: string;
  /** The figure minus the benchmark's ("+3.3 pp"), coloured by its own sign. */
  versusBenchmark?: { text: string; tone: Tone };
}

/** One headline figure; a group named by its label so a screen reader (and a test) finds it by name. */
export function MetricCard({
  label,
  value,
  tone = 'none',
  benchmark,
  benchmarkOf,
  versusBenchmark,
}: MetricCardProps) {
  return (
    <div role="group" aria-label={label} className="metric-card">
      <span className="metric-card__label">{label}</span>
      <span className={`metric-card__value ${toneClass(tone)}`}>{value}</span>
      {benchmark !== undefined && (
        <span className="metric-card__benchmark">
          {benchmarkName(benchmarkOf)} <span className="metric-card__figure">{benchmark}</span>
        </span>
      )}
      {versusBenchmark !== undefined && (
        <span className="metric-card__benchmark">
          vs {benchmarkInPhrase(benchmarkOf)}{' '}
          <span className={`metric-card__figure ${toneClass(versusBenchmark.tone)}`}>
            {versusBenchmark.text}
          </span>
        </span>
      )}
    </div>
  );
}

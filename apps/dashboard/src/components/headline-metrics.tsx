import { type HeadlineFigures, type MetricsReport } from '../api/types';
import { BenchmarkNote } from './benchmark-note';
import { type Fact } from './facts';
import { formatDecimal, formatMoney, formatPercent, formatPercentagePoints, toneOf } from './format';
import { MetricCard } from './metric-card';
import { metricFact } from './metric-catalog';

type Figure = number | null;

interface Headline {
  label: string;
  value: (figures: HeadlineFigures) => Figure;
  benchmark: (figures: HeadlineFigures) => Figure;
  format: (value: Figure) => string;
  /** A return or a ratio is a gain or a loss, coloured by its sign; equity is an amount, left uncoloured. */
  signed: boolean;
  /** The figure minus the benchmark's, and how that difference reads. */
  difference: (figures: HeadlineFigures) => Figure;
  formatDifference: (difference: Figure) => string;
}

const minus = (a: Figure, b: Figure): Figure => (a === null || b === null ? null : a - b);

const HEADLINES: readonly Headline[] = [
  {
    label: 'Annual return',
    value: (figures) => figures.annual_return,
    benchmark: (figures) => figures.benchmark_annual_return,
    format: (value) => formatPercent(value),
    signed: true,
    // Subtracted before rounding by the API: the difference of the rounded figures could be 0.1 pp off.
    difference: (figures) => figures.excess_annual_return,
    formatDifference: (difference) => formatPercentagePoints(difference),
  },
  {
    label: 'Sharpe',
    value: (figures) => figures.sharpe,
    benchmark: (figures) => figures.benchmark_sharpe,
    format: (value) => formatDecimal(value),
    signed: true,
    difference: (figures) => minus(figures.sharpe, figures.benchmark_sharpe),
    formatDifference: (difference) => formatDecimal(difference, 2, { signed: true }),
  },
  {
    label: 'Max drawdown',
    value: (figures) => figures.max_drawdown,
    benchmark: (figures) => figures.benchmark_max_drawdown,
    format: (value) => formatPercent(value),
    signed: true,
    // Drawdowns are ≤ 0: a shallower one is larger, so a positive difference is better here too.
    difference: (figures) => minus(figures.max_drawdown, figures.benchmark_max_drawdown),
    formatDifference: (difference) => formatPercentagePoints(difference),
  },
  {
    label: 'Final equity',
    value: (figures) => figures.final_equity,
    benchmark: (figures) => figures.benchmark_final_equity,
    format: (value) => formatMoney(value),
    signed: false,
    difference: (figures) => minus(figures.final_equity, figures.benchmark_final_equity),
    formatDifference: (difference) => formatMoney(difference, { signed: true }),
  },
];

/**
 * A strategy's four headline figures (a backtest, a walk-forward, a portfolio backtest): each coloured by its
 * own sign, with the benchmark's figure and the difference from it ("vs QQQ +3.3 pp"), coloured by the
 * difference's sign. `benchmark` is what the report says it was measured against.
 */
export function HeadlineMetrics({ figures, benchmark }: { figures: HeadlineFigures; benchmark?: string }) {
  return (
    <>
      {benchmark !== undefined && <BenchmarkNote benchmark={benchmark} />}
      <div className="metric-grid">
        {HEADLINES.map((headline) => {
          const value = headline.value(figures);
          const text = headline.format(value);
          const difference = headline.difference(figures);
          const differenceText = headline.formatDifference(difference);
          return (
            <MetricCard
              key={headline.label}
              label={headline.label}
              value={text}
              tone={headline.signed ? toneOf(value, text) : 'none'}
              benchmark={headline.format(headline.benchmark(figures))}
              benchmarkOf={benchmark}
              versusBenchmark={{ text: differenceText, tone: toneOf(difference, differenceText) }}
            />
          );
        })}
      </div>
    </>
  );
}

/** The order the figures beyond the headline ones are listed in: returns, risk-adjusted, then trading. */
const METRIC_ORDER: readonly (keyof MetricsReport)[] = [
  'total_return',
  'volatility',
  'sortino',
  'calmar',
  'alpha',
  'beta',
  'var_95',
  'cvar_95',
  'max_drawdown_duration',
  'win_rate',
  'profit_factor',
  'exposure',
  'turnover',
];

/** Every figure of a report's `metrics` beyond the headline ones, labelled and formatted, as `Facts`. */
export function metricFacts(metrics: MetricsReport): Fact[] {
  const known = new Set<string>(METRIC_ORDER);
  // A metric the API added since this list was written still shows, after the known ones.
  const added = Object.keys(metrics).filter((name) => !known.has(name));
  return [...METRIC_ORDER, ...added].map((name) =>
    metricFact(name, (metrics as Record<string, number | null>)[name]),
  );
}

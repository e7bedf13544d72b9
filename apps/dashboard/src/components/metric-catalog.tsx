import { type Fact } from './facts';
import {
  formatBars,
  formatCount,
  formatDecimal,
  formatFigure,
  formatMoney,
  formatMultiple,
  formatPercent,
  formatQuantity,
} from './format';
import { Signed } from './signed';

type Figure = number | null | undefined;

/** How one named figure of the API reads: its label, its format and whether its sign is a gain or a loss. */
export interface MetricDefinition {
  label: string;
  format: (value: Figure) => string;
  /** A gain or a loss (returns, Sharpe-like ratios, drawdowns): coloured by its sign. */
  signed: boolean;
  /**
   * Which of two runs' values is the better one, when one is (runs compared side by side): `higher` for
   * returns and risk-adjusted ratios (a drawdown or a VaR is ≤ 0, so higher is shallower), `lower` for
   * volatility and the longest drawdown; absent for figures that are neither better nor worse (beta, exposure,
   * counts) or not comparable between runs of different cash (equity).
   */
  better?: 'higher' | 'lower';
}

const percent = (value: Figure) => formatPercent(value);
const percent2 = (value: Figure) => formatPercent(value, 2);
const ratio = (value: Figure) => formatDecimal(value);
const money = (value: Figure) => formatMoney(value);

/**
 * Every figure the API names in a report's `metrics` or a run's recorded metrics, once (the habit of
 * vectorbt's metric table: one entry per metric). Names not here still show, labelled from their name and
 * formatted by `formatFigure`.
 */
export const METRICS: Readonly<Record<string, MetricDefinition>> = {
  annual_return: { label: 'Annual return', format: percent, signed: true, better: 'higher' },
  total_return: { label: 'Total return', format: percent, signed: true, better: 'higher' },
  max_drawdown: { label: 'Max drawdown', format: percent, signed: true, better: 'higher' },
  sharpe: { label: 'Sharpe', format: ratio, signed: true, better: 'higher' },
  benchmark_sharpe: { label: 'Benchmark Sharpe', format: ratio, signed: true },
  sortino: { label: 'Sortino', format: ratio, signed: true, better: 'higher' },
  calmar: { label: 'Calmar', format: ratio, signed: true, better: 'higher' },
  alpha: { label: 'Alpha (annual)', format: percent2, signed: true, better: 'higher' },
  var_95: { label: 'VaR 95% (one bar)', format: percent2, signed: true, better: 'higher' },
  cvar_95: { label: 'CVaR 95% (one bar)', format: percent2, signed: true, better: 'higher' },
  expected_return: { label: 'Expected return', format: percent, signed: true, better: 'higher' },
  best_sharpe: { label: 'Best Sharpe', format: ratio, signed: true, better: 'higher' },
  best_annual_return: { label: 'Best annual return', format: percent, signed: true, better: 'higher' },
  best_max_drawdown: { label: 'Best max drawdown', format: percent, signed: true, better: 'higher' },
  volatility: { label: 'Volatility', format: percent, signed: false, better: 'lower' },
  beta: { label: 'Beta', format: ratio, signed: false },
  win_rate: { label: 'Win rate', format: percent, signed: false, better: 'higher' },
  profit_factor: { label: 'Profit factor', format: ratio, signed: false, better: 'higher' },
  exposure: { label: 'Exposure', format: percent, signed: false },
  turnover: { label: 'Turnover (a year)', format: formatMultiple, signed: false },
  max_drawdown_duration: { label: 'Longest drawdown', format: formatBars, signed: false, better: 'lower' },
  final_equity: { label: 'Final equity', format: money, signed: false },
  start_equity: { label: 'Start equity', format: money, signed: false },
  cash: { label: 'Cash', format: money, signed: false },
  position: { label: 'Position', format: formatQuantity, signed: false },
  trades: { label: 'Trades', format: formatCount, signed: false },
  rebalances: { label: 'Rebalances', format: formatCount, signed: false },
  combinations: { label: 'Combinations', format: formatCount, signed: false },
  evaluated: { label: 'Backtested', format: formatCount, signed: false },
  skipped: { label: 'Skipped as invalid', format: formatCount, signed: false },
};

/** `names` in the catalog's order (returns, risk, ratios, trading, amounts), names it does not know last. */
export function catalogOrder(names: Iterable<string>): string[] {
  const given = new Set(names);
  const known = Object.keys(METRICS).filter((name) => given.has(name));
  return [...known, ...[...given].filter((name) => !Object.hasOwn(METRICS, name))];
}

/** `metric_name` as a label when the catalog does not know it: "Metric name". */
function labelOf(name: string): string {
  const words = name.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function metricDefinition(name: string): MetricDefinition {
  return METRICS[name] ?? { label: labelOf(name), format: formatFigure, signed: false };
}

/** One named figure as a `Fact`: labelled, formatted, and coloured by its sign when it is a gain or a loss. */
export function metricFact(name: string, value: Figure): Fact {
  const { label, format, signed } = metricDefinition(name);
  return { label, value: signed ? <Signed value={value} format={format} /> : format(value) };
}

/**
 * The positions of the best of `values` by the catalog's `better` rule for metric `name` (every one tied for
 * best); none when the metric has no better side or fewer than two values can be compared.
 */
export function bestPositions(name: string, values: readonly Figure[]): number[] {
  const { better } = metricDefinition(name);
  const finite = values.filter(
    (value): value is number => value !== null && value !== undefined && Number.isFinite(value),
  );
  if (better === undefined || finite.length < 2) return [];
  const best = better === 'higher' ? Math.max(...finite) : Math.min(...finite);
  // All alike: none is better.
  if (finite.every((value) => value === best)) return [];
  return values.flatMap((value, index) => (value === best ? [index] : []));
}

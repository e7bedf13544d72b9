import { type FigureKind, type TearsheetFigure } from '@aetherquant/tearsheet';

/** A figure a report may hold: its key, the label a reader sees, and how it is shown. */
/** `signed`: its sign means gain or loss, and a page colours it so. */
type FigureLine = readonly [key: string, label: string, kind: FigureKind, signed?: 'signed'];

/** Headline figures, each beside the benchmark's `benchmark_<key>` when the report has one. */
const HEADLINE: readonly FigureLine[] = [
  ['annual_return', 'Annual return', 'percent', 'signed'],
  ['total_return', 'Total return', 'percent', 'signed'],
  ['max_drawdown', 'Max drawdown', 'percent', 'signed'],
  ['sharpe', 'Sharpe ratio', 'ratio', 'signed'],
  ['final_equity', 'Final equity', 'money'],
  ['start_equity', 'Start equity', 'money'],
  ['excess_annual_return', 'Excess annual return', 'percent', 'signed'],
];

/** The figures under `metrics` (the strategy's only). */
const METRICS: readonly FigureLine[] = [
  ['total_return', 'Total return', 'percent', 'signed'],
  ['volatility', 'Volatility', 'percent'],
  ['sortino', 'Sortino ratio', 'ratio', 'signed'],
  ['calmar', 'Calmar ratio', 'ratio', 'signed'],
  ['max_drawdown_duration', 'Longest drawdown (bars)', 'count'],
  ['var_95', 'Value at risk (95 %)', 'percent', 'signed'],
  ['cvar_95', 'Conditional VaR (95 %)', 'percent', 'signed'],
  ['beta', 'Beta', 'ratio'],
  ['alpha', 'Alpha (annual)', 'percent', 'signed'],
  ['win_rate', 'Win rate', 'percent'],
  ['profit_factor', 'Profit factor', 'ratio'],
  ['exposure', 'Exposure', 'percent'],
  ['turnover', 'Turnover', 'ratio'],
];

/** Counts and states, last. */
const COUNTS: readonly FigureLine[] = [
  ['rows', 'Bars', 'count'],
  ['warmup_bars', 'Warm-up bars', 'count'],
  ['trades', 'Trades', 'count'],
  ['rebalances', 'Rebalances', 'count'],
  ['orders_placed', 'Orders placed', 'count'],
  ['cash', 'Cash', 'money'],
  ['position', 'Position (units)', 'count'],
  ['combinations', 'Combinations', 'count'],
  ['evaluated', 'Combinations backtested', 'count'],
  ['skipped', 'Combinations skipped', 'count'],
];

const isFigure = (value: unknown): value is number | null => value === null || typeof value === 'number';

/**
 * A recorded run's figures as a report shows them, exactly as recorded: the headline figures beside the
 * benchmark's, then the other metrics, then counts. A figure the result does not hold is left out (a sweep has
 * no Sharpe ratio of its own); `total_return` appears once, from the top level or else from `metrics`.
 */
export function runFigures(result: Readonly<Record<string, unknown>>): TearsheetFigure[] {
  const figures: TearsheetFigure[] = [];
  const shown = new Set<string>();
  const add = (
    source: Readonly<Record<string, unknown>>,
    [key, label, kind, signed]: FigureLine,
    withBenchmark: boolean,
  ) => {
    const value = source[key];
    if (!isFigure(value) || shown.has(key)) return;
    shown.add(key);
    const benchmark = withBenchmark ? source[`benchmark_${key}`] : undefined;
    figures.push({
      label,
      strategy: value,
      kind,
      ...(isFigure(benchmark) ? { benchmark } : {}),
      ...(signed ? { signed: true } : {}),
    });
  };
  for (const line of HEADLINE) add(result, line, true);
  const metrics = result['metrics'];
  if (typeof metrics === 'object' && metrics !== null) {
    for (const line of METRICS) add(metrics as Record<string, unknown>, line, false);
  }
  for (const line of COUNTS) add(result, line, false);
  return figures;
}

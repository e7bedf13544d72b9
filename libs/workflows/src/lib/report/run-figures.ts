import { figureSpec } from '@aetherquant/core';
import { type TearsheetFigure } from '@aetherquant/tearsheet';

/** Headline figures, each beside the benchmark's `benchmark_<key>` when the report has one. */
const HEADLINE = [
  'annual_return',
  'total_return',
  'max_drawdown',
  'sharpe',
  'final_equity',
  'start_equity',
  'excess_annual_return',
  'expected_return',
  'volatility',
] as const;

/** The figures under `metrics` (the strategy's only). */
const METRICS = [
  'total_return',
  'volatility',
  'sortino',
  'calmar',
  'max_drawdown_duration',
  'var_95',
  'cvar_95',
  'beta',
  'alpha',
  'win_rate',
  'profit_factor',
  'exposure',
  'turnover',
] as const;

/** Counts and states, last. */
const COUNTS = [
  'rows',
  'warmup_bars',
  'trades',
  'rebalances',
  'orders_placed',
  'cash',
  'position',
  'combinations',
  'evaluated',
  'skipped',
] as const;

const isFigure = (value: unknown): value is number | null => value === null || typeof value === 'number';

/**
 * A recorded run's figures as a report shows them, exactly as recorded, labelled and formatted by core's
 * figure catalog (the CLI's tables read the same): the headline figures beside the benchmark's, then the other
 * metrics, then counts. A figure the result does not hold is left out (a sweep has no Sharpe ratio of its own);
 * one held at the top level and under `metrics` (`total_return`) appears once.
 */
export function runFigures(result: Readonly<Record<string, unknown>>): TearsheetFigure[] {
  const figures: TearsheetFigure[] = [];
  const shown = new Set<string>();
  const add = (source: Readonly<Record<string, unknown>>, key: string, withBenchmark: boolean) => {
    const value = source[key];
    if (!isFigure(value) || shown.has(key)) return;
    shown.add(key);
    const { label, kind, toned } = figureSpec(key);
    const benchmark = withBenchmark ? source[`benchmark_${key}`] : undefined;
    figures.push({
      label,
      strategy: value,
      kind,
      ...(isFigure(benchmark) ? { benchmark } : {}),
      ...(toned ? { signed: true } : {}),
    });
  };
  for (const key of HEADLINE) add(result, key, true);
  const metrics = result['metrics'];
  if (typeof metrics === 'object' && metrics !== null) {
    for (const key of METRICS) add(metrics as Record<string, unknown>, key, false);
  }
  for (const key of COUNTS) add(result, key, false);
  return figures;
}

import { EQUAL_WEIGHT_BENCHMARK } from '@aetherquant/core';
import { type ListedRunView, type RunDetailView } from '../../api/types';

/**
 * What a recorded run is, as its screens show it: the run types the API records (`RECORDED_RUN_TYPES`: a
 * portfolio backtest is recorded as a `backtest`), plus a live decision, which the API may record as `live`.
 */
export type RunKind =
  'backtest' | 'portfolioBacktest' | 'papertrade' | 'liveTrade' | 'optimize' | 'sweep' | 'walkForward';

export const RUN_KIND_LABELS: Record<RunKind, string> = {
  backtest: 'Backtest',
  portfolioBacktest: 'Portfolio backtest',
  papertrade: 'Paper trade',
  liveTrade: 'Live trade',
  optimize: 'Optimisation',
  sweep: 'Sweep',
  walkForward: 'Walk-forward',
};

/** The run types (`runs.type`) and use cases (`spec.use_case`) by the kind they are. */
const BY_NAME: Record<string, RunKind> = {
  backtest: 'backtest',
  portfolioBacktest: 'portfolioBacktest',
  papertrade: 'papertrade',
  live: 'liveTrade',
  liveTrade: 'liveTrade',
  optimize: 'optimize',
  sweep: 'sweep',
  'walk-forward': 'walkForward',
  walkForward: 'walkForward',
};

/**
 * The kind of a run as listed (no result or spec at hand): a `backtest` of several symbols, or with an
 * allocation, is a portfolio backtest. Undefined for a type this dashboard does not know.
 */
export function listedRunKind(
  run: Pick<ListedRunView, 'type' | 'symbols' | 'parameters'>,
): RunKind | undefined {
  const kind = BY_NAME[run.type];
  if (kind === 'backtest' && (run.symbols.length > 1 || Object.hasOwn(run.parameters, 'allocation')))
    return 'portfolioBacktest';
  return kind;
}

/** The kind of a run read whole: its spec names its use case; older runs are told by their result. */
export function runKind(
  detail: Pick<RunDetailView, 'type' | 'symbols' | 'parameters' | 'spec' | 'result'>,
): RunKind | undefined {
  const fromSpec = detail.spec ? BY_NAME[detail.spec.use_case] : undefined;
  if (fromSpec) return fromSpec;
  const kind = listedRunKind(detail);
  if (kind === 'backtest' && isRecord(detail.result) && Array.isArray(detail.result['symbols']))
    return 'portfolioBacktest';
  return kind;
}

/** What a list names a run by: "Portfolio backtest", or its type as recorded when unknown. */
export function runLabel(run: Pick<ListedRunView, 'type' | 'symbols' | 'parameters'>): string {
  const kind = listedRunKind(run);
  return kind ? RUN_KIND_LABELS[kind] : run.type;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The keys a recorded result must have for its kind's view to show it (else its metrics show instead). */
export const RESULT_KEYS: Record<RunKind, readonly string[]> = {
  backtest: ['symbol', 'annual_return', 'sharpe', 'final_equity', 'trades', 'metrics', 'params'],
  portfolioBacktest: ['symbols', 'annual_return', 'sharpe', 'final_equity', 'weights', 'metrics'],
  papertrade: ['symbol', 'start_equity', 'final_equity', 'cash', 'position', 'orders_placed'],
  liveTrade: ['symbol', 'reason', 'account'],
  optimize: ['symbols', 'weights', 'risk_contributions', 'expected_return', 'volatility'],
  sweep: ['symbol', 'results', 'combinations', 'evaluated', 'skipped', 'rank_by'],
  walkForward: ['symbol', 'annual_return', 'windows', 'metrics', 'rank_by'],
};

/** Whether `result` has what the view of `kind` reads. */
export function resultFits(kind: RunKind, result: unknown): result is Record<string, unknown> {
  return isRecord(result) && RESULT_KEYS[kind].every((key) => Object.hasOwn(result, key));
}

/**
 * What a run's report holds besides its page, by kind: the CSV tables (`GET /api/runs/:id/report?format=csv`)
 * its rerun draws. A sweep, an optimisation or a live decision has no curve; only a backtest lists trades.
 */
export const RUN_KIND_TABLES: Record<RunKind, readonly ('trades' | 'equity')[]> = {
  backtest: ['trades', 'equity'],
  portfolioBacktest: ['equity'],
  papertrade: ['equity'],
  walkForward: ['equity'],
  liveTrade: [],
  optimize: [],
  sweep: [],
};

/**
 * What a recorded run was measured against: as its result or spec names it, else the default of its time
 * (its own symbol; equal weights for a portfolio).
 */
export function recordedBenchmark(
  detail: Pick<RunDetailView, 'symbols' | 'spec' | 'result' | 'parameters'>,
  kind: RunKind | undefined,
): string {
  const named = [
    isRecord(detail.result) ? detail.result['benchmark'] : undefined,
    detail.spec?.request['benchmark'],
    detail.parameters['benchmark'],
  ].find((value): value is string => typeof value === 'string' && value !== '');
  if (named !== undefined) return named;
  return kind === 'portfolioBacktest' ? EQUAL_WEIGHT_BENCHMARK : (detail.symbols[0] ?? '');
}

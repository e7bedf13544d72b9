import { createHash } from 'node:crypto';
import { EQUAL_WEIGHT_BENCHMARK, parseInterval, type RunDetailView } from '@aetherquant/core';
import {
  type TearsheetGrid,
  type TearsheetInput,
  type TearsheetSeries,
  type TearsheetTable,
} from '@aetherquant/tearsheet';
import { type Replay } from './replay-run';
import { parametersText, type RunDetail } from './run-detail';
import { runFigures } from './run-figures';

/** Money figures are in the account currency; AetherQuant keeps one, in US dollars (as its data providers quote). */
export const REPORT_CURRENCY = 'USD';

/** What a run's page needs besides the run: the rerun (or why there is none) and where the page comes from. */
export interface TearsheetSources {
  replay: Replay | null;
  /** Differences between the recorded figures and the rerun's (see replayDifferences). */
  differences: readonly string[];
  versions: Readonly<Record<string, string>>;
  generatedAt: string;
}

const RUN_TYPE_NAMES: Readonly<Record<string, string>> = {
  backtest: 'Backtest',
  papertrade: 'Paper trading',
  optimize: 'Portfolio optimisation',
  sweep: 'Parameter sweep',
  'walk-forward': 'Walk-forward analysis',
};

/**
 * The tearsheet of a recorded run: its recorded figures (never recomputed), the rerun's curves, trades and
 * weights, or what it recorded for a sweep (its best combinations as a grid) and an optimisation (its
 * weights), its paper orders, its spec, and warnings a reader must see (synthetic data, a rerun that differs
 * from the record or could not be made).
 */
export function runTearsheetInput(run: RunDetailView, sources: TearsheetSources): TearsheetInput {
  const result = (run.result ?? {}) as Readonly<Record<string, unknown>>;
  const detail: RunDetail = sources.replay?.ok ? (sources.replay.detail ?? {}) : {};
  const interval = parseInterval(run.interval ?? '1d');
  const strategy = typeof result['strategy'] === 'string' ? result['strategy'] : undefined;
  const params = result['params'] as Readonly<Record<string, number>> | undefined;
  const first = (result['first'] as string | undefined) ?? run.start?.slice(0, 10);
  const last = (result['last'] as string | undefined) ?? run.end?.slice(0, 10);
  const span = first && last ? `, ${first} → ${last}` : '';
  const tables = [...(detail.tables ?? []), ...recordedTables(run, result)];
  return {
    title: `${run.symbols.join(', ') || 'Run'} · ${strategy ?? RUN_TYPE_NAMES[run.type] ?? run.type}`,
    subtitle: `${RUN_TYPE_NAMES[run.type] ?? run.type}, ${interval.name} bars${span}`,
    currency: REPORT_CURRENCY,
    interval,
    strategyLabel: strategyLabel(strategy, params, result),
    benchmarkLabel: detail.benchmarkLabel ?? benchmarkLabel(result, run.symbols),
    figures: runFigures(result),
    ...(detail.series ? { series: detail.series } : {}),
    ...(detail.trades ? { trades: detail.trades } : {}),
    ...(detail.weights ? { weights: detail.weights } : {}),
    ...(detail.contributions ? { contributions: detail.contributions } : {}),
    ...((detail.grid ?? recordedGrid(run, result)) ? { grid: detail.grid ?? recordedGrid(run, result) } : {}),
    ...(tables.length > 0 ? { tables } : {}),
    ...(run.spec ? { spec: run.spec } : {}),
    provenance: {
      runId: run.id,
      runType: run.type,
      recordedAt: run.created_at,
      provider:
        typeof result['provider'] === 'string'
          ? result['provider']
          : ((run.parameters['provider'] as string | undefined) ?? null),
      dataHash:
        run.data_hash ??
        (detail.series?.price ? `${priceHash(detail.series)} (sha256 of the bars' times and closes)` : null),
      jobId: run.job_id,
      versions: sources.versions,
      generatedAt: sources.generatedAt,
    },
    warnings: reportWarnings(run, result, sources),
  };
}

/** What a reader must know before trusting the page. */
function reportWarnings(
  run: RunDetailView,
  result: Readonly<Record<string, unknown>>,
  sources: TearsheetSources,
): string[] {
  const warnings: string[] = [];
  if (result['provider'] === 'synthetic' || run.parameters['provider'] === 'synthetic')
    warnings.push('Synthetic data: generated prices, not market data.');
  const replay = sources.replay;
  if (replay === null)
    warnings.push('No curves or trades: the run was recorded before runs kept their spec.');
  else if (!replay.ok && !run.type.match(/^(sweep|optimize)$/))
    warnings.push(
      `No curves or trades: the run could not be rerun (${replay.failed})${run.spec?.strategy_file ? `; its strategy came from ${run.spec.strategy_file}: the CLI reruns it given that file (--strategy-file), a server when its AETHERQ_STRATEGY_PATHS holds it` : ''}.`,
    );
  else if (replay.ok && replay.detail?.series === undefined)
    warnings.push(`No curves or trades: a rerun of this ${run.type} run draws none.`);
  if (sources.differences.length > 0)
    warnings.push(
      `The rerun differs from the recorded run (${sources.differences.slice(0, 4).join('; ')}${sources.differences.length > 4 ? '; …' : ''}): the data (or the strategy's code) changed since it was recorded. Figures are as recorded; curves and trades are from the rerun.`,
    );
  for (const warning of (result['warnings'] as unknown[] | undefined) ?? [])
    if (typeof warning === 'string') warnings.push(`Recorded with the run: ${warning}`);
  return warnings;
}

function strategyLabel(
  strategy: string | undefined,
  params: Readonly<Record<string, number>> | undefined,
  result: Readonly<Record<string, unknown>>,
): string {
  if (strategy !== undefined) {
    const shown = parametersText(params);
    return shown === '' ? strategy : `${strategy} (${shown})`;
  }
  if (typeof result['allocation'] === 'string') return `${result['allocation']} portfolio`;
  return 'Strategy';
}

/** The benchmark's legend: `benchmark` of the report names a symbol, `equal-weight`, or (absent) buy-and-hold. */
function benchmarkLabel(
  result: Readonly<Record<string, unknown>>,
  symbols: readonly string[],
): string | null {
  const benchmark = result['benchmark'];
  if (benchmark === EQUAL_WEIGHT_BENCHMARK) return 'Equal weight';
  if (typeof benchmark === 'string') return `Buy and hold ${benchmark}`;
  const measured = Object.hasOwn(result, 'benchmark_annual_return');
  if (measured && symbols.length === 1) return `Buy and hold ${symbols[0]}`;
  return measured ? 'Benchmark' : null;
}

/** A sweep's recorded best combinations as a grid over its first two parameters (the rest fixed or not). */
function recordedGrid(
  run: RunDetailView,
  result: Readonly<Record<string, unknown>>,
): TearsheetGrid | undefined {
  if (run.type !== 'sweep') return undefined;
  const entries = (result['results'] as { params: Record<string, number> }[] | undefined) ?? [];
  const rankBy = typeof result['rank_by'] === 'string' ? result['rank_by'] : 'sharpe';
  // The parameters the recorded combinations vary: a grid of one or two of them; more would fold cells
  // that differ in a third into one, so those sweeps show their table alone.
  const names = Object.keys(entries[0]?.params ?? {}).filter(
    (name) => new Set(entries.map((entry) => entry.params[name])).size > 1,
  );
  const [xName, yName] = names;
  if (xName === undefined || names.length > 2) return undefined;
  const values = (name: string) =>
    [...new Set(entries.map((e) => e.params[name] as number))].sort((a, b) => a - b);
  const xs = values(xName);
  const ys = yName === undefined ? null : values(yName);
  const cells = (ys ?? [null]).map((y) =>
    xs.map((x) => {
      const entry = entries.find(
        (e) => e.params[xName] === x && (y === null || e.params[yName as string] === y),
      );
      const value = entry === undefined ? undefined : (entry as unknown as Record<string, unknown>)[rankBy];
      return typeof value === 'number' ? value : null;
    }),
  );
  return {
    metric: rankBy === 'sharpe' ? 'Sharpe ratio' : rankBy.replace(/_/g, ' '),
    metricKind:
      rankBy === 'sharpe' || rankBy === 'sortino' || rankBy === 'calmar'
        ? 'decimal'
        : rankBy === 'final_equity'
          ? 'money'
          : 'percent',
    x: { name: xName, values: xs },
    y: yName === undefined || ys === null ? null : { name: yName, values: ys },
    values: cells,
  };
}

/** Tables of what a run recorded: a sweep's best combinations, an optimisation's weights, paper orders. */
function recordedTables(run: RunDetailView, result: Readonly<Record<string, unknown>>): TearsheetTable[] {
  const tables: TearsheetTable[] = [];
  if (run.type === 'sweep') {
    const entries = (result['results'] as Record<string, unknown>[] | undefined) ?? [];
    tables.push({
      title: 'Best combinations',
      note: `The ${entries.length} best of ${String(result['combinations'] ?? '?')} combinations by ${String(result['rank_by'] ?? 'sharpe')}, as recorded: cells outside them are not recorded.`,
      columns: [
        { label: 'Parameters', kind: 'text' },
        { label: 'Sharpe ratio', kind: 'decimal' },
        { label: 'Annual return', kind: 'percent' },
        { label: 'Max drawdown', kind: 'percent' },
        { label: 'Final equity', kind: 'money' },
        { label: 'Trades', kind: 'count' },
      ],
      rows: entries.map((e) => [
        parametersText(e['params'] as Record<string, number> | undefined),
        e['sharpe'] as number | null,
        e['annual_return'] as number | null,
        e['max_drawdown'] as number | null,
        e['final_equity'] as number | null,
        e['trades'] as number | null,
      ]),
    });
  }
  const weights = result['weights'];
  if (run.type === 'optimize' && typeof weights === 'object' && weights !== null) {
    tables.push({
      title: 'Weights',
      columns: [
        { label: 'Symbol', kind: 'text' },
        { label: 'Weight', kind: 'percent' },
      ],
      rows: Object.entries(weights as Record<string, number>).map(([symbol, weight]) => [symbol, weight]),
    });
  }
  if (run.orders.length > 0) {
    tables.push({
      title: 'Orders',
      note: 'As the paper broker filled them, after slippage and commission.',
      columns: [
        { label: 'Time', kind: 'text' },
        { label: 'Symbol', kind: 'text' },
        { label: 'Side', kind: 'text' },
        { label: 'Quantity', kind: 'count' },
        { label: 'Price', kind: 'money' },
        { label: 'Commission', kind: 'money' },
      ],
      rows: run.orders.map((o) => [o.timestamp, o.symbol, o.side, o.quantity, o.price, o.commission]),
    });
  }
  return tables;
}

/**
 * sha256 of the bars a page was drawn from: their times and the traded symbol's closes, as 64-bit floats.
 * Only the data: two runs on the same bars show the same hash, whatever their strategy, cash or costs.
 */
function priceHash(series: TearsheetSeries): string {
  const hash = createHash('sha256');
  hash.update(Float64Array.from(series.time as ArrayLike<number>));
  hash.update(Float64Array.from((series.price?.close ?? []) as ArrayLike<number>));
  return hash.digest('hex');
}

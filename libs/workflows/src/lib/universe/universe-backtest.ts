import {
  AetherError,
  BarSeries,
  DAY_MS,
  EQUAL_WEIGHT_BENCHMARK,
  formatBarTime,
  type MetricsReport,
  parsePeriod,
  periodWindow,
  type PortfolioBacktestReport,
  type PortfolioBacktestRequest,
} from '@aetherquant/core';
import {
  backtestStrategySleeves,
  backtestUniverseStrategy,
  type BacktestResult,
  type SleeveBacktestResult,
  type UniverseBacktestResult,
  type UniverseStrategyBacktestResult,
} from '@aetherquant/backtest';
import { alignSeries, loadBarsBefore } from '@aetherquant/data';
import { type Strategy, type StrategyParameters, type UniverseStrategy } from '@aetherquant/strategies';
import { headlineFigures, metricsReport, money, ratio } from '../backtest/backtest-report';
import { resolveRequestParams } from '../backtest/request-params';
import { tradingCosts } from '../backtest/trading-costs';
import { chartSeries } from '../chart/chart-series';
import { loadAlignedBars } from '../market-data/load-aligned-bars';
import { loadBars } from '../market-data/load-bars';
import { loadRunBenchmark } from '../market-data/load-benchmark';
import { concatSeries } from '../market-data/load-warmup-bars';
import { type RecordedComputation } from '../runs/recorded-workflow';
import { strategyRegistryOf, universeRegistryOf } from '../strategies/strategy-registry-of';
import { type WorkflowContext } from '../workflow/workflow-context';

type Chosen =
  | { kind: 'sleeves'; strategy: Strategy; parameters: StrategyParameters; warmup: number }
  | { kind: 'cross-sectional'; strategy: UniverseStrategy; parameters: StrategyParameters; warmup: number };

/** The request's strategy: a universe strategy by that name, else a single-asset one (both lists named when neither). */
async function chooseStrategy(request: PortfolioBacktestRequest, context: WorkflowContext): Promise<Chosen> {
  const name = request.strategy as string;
  const params = request.params ?? {};
  const universe = (await universeRegistryOf(context)).find(name);
  if (universe !== undefined) {
    let parameters: StrategyParameters;
    try {
      parameters = universe.resolveParameters(params);
    } catch (error) {
      if (error instanceof AetherError) throw error.withFieldNames((field) => `params.${field}`);
      throw error;
    }
    return {
      kind: 'cross-sectional',
      strategy: universe,
      parameters,
      warmup: universe.warmupBars(parameters),
    };
  }
  const registry = await strategyRegistryOf(context);
  let strategy: Strategy;
  try {
    strategy = registry.get(name);
  } catch (error) {
    if (!(error instanceof AetherError)) throw error;
    const names = [...registry.names(), ...(await universeRegistryOf(context)).names()];
    throw AetherError.invalid([
      { field: 'strategy', rule: `must be one of ${names.join(', ')} (got ${JSON.stringify(name)})` },
    ]);
  }
  const parameters = resolveRequestParams(strategy, params);
  return { kind: 'sleeves', strategy, parameters, warmup: strategy.warmupBars(parameters) };
}

/**
 * `backtest --symbols … --strategy X`: a universe backtest (docs/backtest.md "Universes and cross-sectional
 * strategies"). The symbols' requested windows are loaded and aligned as the portfolio backtest loads them;
 * then, for every symbol, the bars before the window that the run needs (the strategy's warm-up, and for
 * sleeves weighted from a lookback as many bars as the lookback spans) are loaded by date, as a single-symbol
 * run loads its warm-up, and the whole is aligned again on the common calendar. A single-asset strategy runs
 * on each symbol in sleeves (`backtestStrategySleeves`); a universe strategy on all of them at once
 * (`backtestUniverseStrategy`). Every figure covers the window.
 */
export async function computeUniverseBacktest(
  request: PortfolioBacktestRequest,
  context: WorkflowContext,
): Promise<RecordedComputation<'portfolioBacktest'>> {
  const chosen = await chooseStrategy(request, context);
  const costs = tradingCosts(request, context.settings);
  const sleeves = chosen.kind === 'sleeves';
  const lookback = parsePeriod(request.lookback, 'lookback');
  if (lookback.kind !== 'relative') {
    throw AetherError.invalid([
      { field: 'lookback', rule: `must be a span such as 6mo or 1y (got ${lookback.name})` },
    ]);
  }
  const aligned = await loadAlignedBars(request.symbols, request, context);
  const windows = aligned.series;
  const first = windows[0] as BarSeries;
  const interval = first.interval;
  const firstTime = first.time[0] as number;
  const alignmentWarnings = (aligned as { warnings?: unknown }).warnings;

  // Bars before the window: the strategy's warm-up, and the lookback's span for weights estimated from it.
  const lookbackSpan = firstTime + 1 - (periodWindow(lookback, firstTime + 1).start as number);
  const lookbackBars =
    sleeves && request.allocation !== 'equal-weight'
      ? Math.ceil((lookbackSpan / (365.25 * DAY_MS)) * interval.periodsPerYear) + 2
      : 0;
  const needed = Math.max(chosen.warmup, lookbackBars);
  const unlimited = { ...context, limits: undefined };
  const source = { ...request, symbol: first.symbol };
  const full = await Promise.all(
    windows.map(async (window) => {
      const before = await loadBarsBefore(
        (bars) =>
          loadBars(
            { ...source, symbol: window.symbol, period: undefined, start: bars.start, end: bars.end },
            unlimited,
          ),
        { symbol: window.symbol },
        interval,
        firstTime,
        needed,
      );
      return before === undefined ? window : concatSeries(before, window);
    }),
  );
  const series = needed === 0 ? windows : alignSeries(full).series;
  const windowStart = (series[0] as BarSeries).firstIndexAtOrAfter(firstTime);

  const warnings: string[] = Array.isArray(alignmentWarnings) ? alignmentWarnings.map(String) : [];
  if (windowStart < chosen.warmup) {
    const ready = chosen.warmup - windowStart;
    const readyBar =
      ready < first.length ? formatBarTime(first.time[ready] as number, interval) : 'no bar of the window';
    warnings.push(
      `${request.symbols.join(',')} ${interval.name}: ${chosen.strategy.name} needs ${chosen.warmup} warm-up bars before ` +
        `${formatBarTime(firstTime, interval)} but the common data holds ${windowStart === 0 ? 'none' : `only ${windowStart}`}; ` +
        `the strategy is ready from ${readyBar}, and its targets before that bar are flat`,
    );
  }

  // The benchmark over the window's bars (the series' from windowStart), as the engines take it.
  const symbolsLabel = windows.map((window) => window.symbol).join(',');
  const benchmark = await loadRunBenchmark(
    request.benchmark,
    EQUAL_WEIGHT_BENCHMARK,
    { label: symbolsLabel, time: (series[0] as BarSeries).time.subarray(windowStart), interval },
    request,
    context,
  );
  const options = {
    ...costs,
    windowStart,
    ...(benchmark.closes === undefined ? {} : { benchmarkCloses: benchmark.closes }),
  };
  const result =
    chosen.kind === 'sleeves'
      ? backtestStrategySleeves(series, chosen.strategy, chosen.parameters, {
          ...options,
          allocation: request.allocation,
          rebalance:
            typeof request.rebalance === 'number' ? { everyBars: request.rebalance } : request.rebalance,
          lookback,
          optimizer: {
            estimator: request.covariance,
            maxWeight: request.max_weight,
            allowShort: request.allow_short,
            riskAversion: request.risk_aversion,
            riskFreeRate: request.risk_free_rate,
            riskBudgets: request.risk_budgets,
          },
        })
      : backtestUniverseStrategy(series, chosen.strategy, chosen.parameters, options);

  const symbols = result.symbols;
  const n = result.equity.length;
  const bySymbol = (values: readonly number[]) =>
    Object.fromEntries(symbols.map((symbol, i) => [symbol, ratio(values[i] ?? 0) as number]));
  let weights: Record<string, number>;
  let rebalances: number;
  let weightHistory: PortfolioBacktestReport['weight_history'];
  let perSymbol: Record<string, UniverseSymbolReport>;
  if (isSleeves(result)) {
    const partial = result.rebalances.find(
      (rebalance) => !rebalance.complete && request.allocation !== 'equal-weight',
    );
    if (partial !== undefined) {
      warnings.push(
        `${request.allocation} weights on ${formatBarTime(partial.time, interval)} were estimated from ${partial.bars} bars: ` +
          `the data does not reach back the whole lookback of ${lookback.name}`,
      );
    }
    weights = bySymbol(result.rebalances[result.rebalances.length - 1]?.weights ?? []);
    rebalances = result.rebalances.length;
    weightHistory = result.rebalances.map((rebalance) => ({
      date: formatBarTime(rebalance.time, interval),
      weights: bySymbol(rebalance.weights),
    }));
    perSymbol = Object.fromEntries(result.sleeves.map((sleeve, i) => [symbols[i], symbolReport(sleeve)]));
  } else {
    weights = bySymbol(result.positions.map((column) => column[n - 1] as number));
    rebalances = changedBars(result);
    perSymbol = Object.fromEntries(result.columns.map((column, i) => [symbols[i], symbolReport(column)]));
  }

  const report: PortfolioBacktestReport = {
    symbols,
    rows: n,
    ...headlineFigures(result),
    provider: aligned.provider,
    benchmark: benchmark.name,
    ...(sleeves
      ? { allocation: request.allocation, rebalance: request.rebalance, lookback: request.lookback }
      : {}),
    first: formatBarTime(result.time[0] as number, interval),
    last: formatBarTime(result.time[n - 1] as number, interval),
    rebalances,
    weights,
    strategy: chosen.strategy.name,
    universe: chosen.kind,
    params: result.parameters,
    warmup_bars: result.warmupBars,
    per_symbol: perSymbol,
    ...(weightHistory === undefined ? {} : { weight_history: weightHistory }),
    metrics: metricsReport(result.summary),
  };
  return {
    report,
    warnings: [...warnings, ...benchmark.warnings()],
    run: {
      symbols,
      period: request.period ?? null,
      interval: interval.name,
      start: new Date(result.time[0] as number),
      end: new Date(result.time[n - 1] as number),
      parameters: {
        strategy: chosen.strategy.name,
        universe: chosen.kind,
        params: result.parameters,
        ...(sleeves
          ? {
              allocation: request.allocation,
              rebalance: request.rebalance,
              lookback: request.lookback,
              max_weight: request.max_weight,
              covariance: request.covariance,
            }
          : {}),
        provider: aligned.provider,
        benchmark: benchmark.name,
        commission_bps: costs.commissionBps,
        slippage_bps: costs.slippageBps,
        initial_cash: costs.initialCash,
        long_only: costs.longOnly,
        ...(request.start === undefined ? {} : { start: request.start }),
        ...(request.end === undefined ? {} : { end: request.end }),
      },
      finalEquity: result.equity[n - 1] as number,
      ordersPlaced: orderCount(result),
      metrics: {
        sharpe: report.sharpe,
        annual_return: report.annual_return,
        max_drawdown: report.max_drawdown,
        ...report.metrics,
      },
    },
    screen: (chartPoints) => ({
      chart: chartSeries(
        { time: result.time, equity: result.equity, benchmark: result.benchmarkEquity, interval },
        chartPoints,
      ),
    }),
    // A universe's page: its equity against the benchmark, and for sleeves the weights of each rebalance.
    detail: () => ({
      series: { time: result.time, equity: result.equity, benchmark: result.benchmarkEquity },
      ...(isSleeves(result)
        ? {
            weights: {
              symbols,
              time: result.rebalances.map((rebalance) => rebalance.time),
              weights: result.rebalances.map((rebalance) => rebalance.weights),
            },
          }
        : {}),
      benchmarkLabel:
        benchmark.name === EQUAL_WEIGHT_BENCHMARK
          ? 'Equal weight, bought and held'
          : `Buy and hold ${benchmark.name}`,
    }),
  };
}

function isSleeves(
  result: SleeveBacktestResult | UniverseStrategyBacktestResult,
): result is SleeveBacktestResult {
  return Object.hasOwn(result, 'sleeves');
}

type UniverseSymbolReport = {
  annual_return: number | null;
  max_drawdown: number | null;
  sharpe: number | null;
  final_equity: number;
  trades: number;
  metrics: MetricsReport;
};

function symbolReport(result: BacktestResult): UniverseSymbolReport {
  return {
    annual_return: ratio(result.summary.annualReturn),
    max_drawdown: ratio(result.summary.maxDrawdown),
    sharpe: ratio(result.summary.sharpe),
    final_equity: money(result.equity[result.equity.length - 1] as number),
    trades: result.tradeCount,
    metrics: metricsReport(result.summary),
  };
}

/** Bars where any position changed (the first bar's entry included). */
function changedBars(result: UniverseBacktestResult): number {
  let count = 0;
  for (let t = 0; t < result.traded.length; t++) if ((result.traded[t] as number) > 0) count++;
  return count;
}

/** Position changes, per symbol and bar: what a recorded run counts as orders. */
function orderCount(result: UniverseBacktestResult): number {
  let count = 0;
  for (const column of result.positions) {
    for (let t = 0; t < column.length; t++) if (column[t] !== (t === 0 ? 0 : column[t - 1])) count++;
  }
  return count;
}

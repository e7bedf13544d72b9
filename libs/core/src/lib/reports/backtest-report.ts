// The JSON shapes of a backtest's report (snake_case, as the CLI prints it and the API returns it).

import { z } from 'zod';
import { chartSeriesSchema } from './chart-series';
import { recordingFields } from './recording-fields';
import {
  barTimeSchema,
  benchmarkSchema,
  ratioSchema,
  strategyParamsSchema,
  warmupBarsSchema,
} from './report-fields';
import { withResponseMeta } from './response-meta';

/** The seed's headline figures of a strategy against its benchmark, rounded as it prints them. */
export const headlineFiguresSchema = z
  .strictObject({
    annual_return: ratioSchema,
    max_drawdown: ratioSchema,
    sharpe: ratioSchema,
    final_equity: z.number().describe('2 decimals.'),
    benchmark_annual_return: ratioSchema,
    benchmark_max_drawdown: ratioSchema,
    benchmark_sharpe: ratioSchema,
    benchmark_final_equity: z.number().describe('2 decimals.'),
    excess_annual_return: ratioSchema.describe(
      "The strategy's annual return minus the benchmark's, subtracted before rounding.",
    ),
  })
  .meta({
    description:
      "The seed's headline figures of a strategy against its benchmark: ratios to 6 decimals (`null` where undefined), money to 2.",
  });

/** The metrics beyond the headline figures, snake_case as the CLI and the API show them. */
export const metricsReportSchema = z
  .strictObject({
    volatility: ratioSchema,
    sortino: ratioSchema,
    calmar: ratioSchema,
    max_drawdown_duration: z
      .number()
      .int()
      .min(0)
      .describe('The longest run of bars below the running peak.'),
    var_95: ratioSchema,
    cvar_95: ratioSchema,
    beta: ratioSchema,
    alpha: ratioSchema,
    total_return: ratioSchema,
    win_rate: ratioSchema,
    profit_factor: ratioSchema,
    exposure: ratioSchema,
    turnover: ratioSchema,
  })
  .meta({
    description:
      'The metrics beyond the headline figures, 6 decimals; `null` where undefined (no trades, no volatility, or not computed for the run).',
  });

/** One trade as a report lists it. */
export const tradeViewSchema = z
  .strictObject({
    side: z.enum(['long', 'short']),
    entry: barTimeSchema,
    exit: barTimeSchema,
    entry_price: z
      .number()
      .describe('The close at entry, where the exposure was taken: exactly the price the engine used.'),
    exit_price: z.number().describe('The close at exit, exactly the price the engine used.'),
    size: z
      .number()
      .min(0)
      .describe(
        'Units taken at entry: |exposure| × equity at entry ÷ entry price (fractional; `side` gives the direction). The engine holds a fraction of equity, so for a fractional or short exposure the units drift within the trade.',
      ),
    return: z.number().describe('Equity at exit ÷ equity at entry − 1, costs included.'),
    pnl: z
      .number()
      .describe(
        'Profit or loss in the account currency: equity at exit − equity at entry (= return × equity at entry), costs included as in `return`; 2 decimals.',
      ),
    bars_held: z.number().int().min(0),
    open: z.boolean().describe('Still open at the last bar (its exit is that bar).'),
  })
  .meta({
    description:
      'One trade as a report lists it: prices and size as the engine computed them (unrounded), the P&L to 2 decimals, the return to 6.',
  });

export const backtestReportSchema = withResponseMeta(
  z.strictObject({
    symbol: z.string(),
    rows: z.number().int().min(1).describe('Bars backtested.'),
    ...headlineFiguresSchema.shape,
    run_id: recordingFields.run_id,
    provider: z.string().describe('Where the bars came from; `synthetic` data never passes for market data.'),
    benchmark: benchmarkSchema.describe(
      "What the `benchmark_*` figures, `beta`, `alpha` and the chart's benchmark measure: a symbol, bought with the initial cash at the window's first close and held without costs; by default (and when the request names it) the traded symbol itself. Another symbol's bars come from the same provider and interval, aligned to the traded bars (a missing bar's close is carried forward, with a warning).",
    ),
    strategy: z.string(),
    params: strategyParamsSchema,
    first: barTimeSchema.describe(
      'The first bar of the requested window: the first point of the equity curve.',
    ),
    last: barTimeSchema,
    warmup_bars: warmupBarsSchema,
    trades: z.number().int().min(0).describe('The number of trades.'),
    metrics: metricsReportSchema,
    warnings: recordingFields.warnings,
    chart: chartSeriesSchema
      .optional()
      .describe('Present when the caller asked for charts (the API does); never recorded.'),
    trade_list: z
      .array(tradeViewSchema)
      .optional()
      .describe('The latest trades (at most 500), oldest first, with the chart; never recorded.'),
  }),
  "What `aetherquant backtest` prints and `POST /api/backtest` (with `symbol`) returns: a strategy against buy-and-hold of the same bars, or of the `benchmark` the request names. The seed's keys first, then what this engine adds.",
  {
    symbol: 'SPY',
    rows: 252,
    annual_return: 0.101082,
    max_drawdown: -0.111965,
    sharpe: 0.864903,
    final_equity: 110108.21,
    benchmark_annual_return: 0.255893,
    benchmark_max_drawdown: -0.084056,
    benchmark_sharpe: 1.882411,
    benchmark_final_equity: 125589.3,
    excess_annual_return: -0.154811,
    run_id: '0193a1c4-7e21-7000-88aa-1eddc98f20a9',
    provider: 'csv',
    benchmark: 'SPY',
    strategy: 'ma-cross',
    params: { fast: 10, slow: 30 },
    first: '2024-01-02',
    last: '2024-12-31',
    warmup_bars: 29,
    trades: 6,
    metrics: {
      volatility: 0.120116,
      sortino: 1.229665,
      calmar: 0.902805,
      max_drawdown_duration: 84,
      var_95: -0.012462,
      cvar_95: -0.018123,
      beta: 0.349274,
      alpha: 0.021197,
      total_return: 0.101082,
      win_rate: 0.666667,
      profit_factor: 2.465033,
      exposure: 0.884462,
      turnover: 11,
    },
    chart: {
      time: ['2024-01-02', '2024-09-06', '2024-12-30', '2024-12-31'],
      equity: [100000, 95867.41, 109709.09, 110108.21],
      benchmark: [100000, 115050.79, 126047.86, 125589.3],
      drawdown: [0, -0.111965, 0, 0],
    },
    trade_list: [
      {
        side: 'long',
        entry: '2024-02-13',
        exit: '2024-04-16',
        entry_price: 487.82257080078125,
        exit_price: 498.6975402832031,
        size: 201.18505348962182,
        return: 0.021986,
        pnl: 2157.76,
        bars_held: 43,
        open: false,
      },
      {
        side: 'short',
        entry: '2024-04-16',
        exit: '2024-05-09',
        entry_price: 498.6975402832031,
        exit_price: 515.1778564453125,
        size: 201.1246535185252,
        return: -0.033347,
        pnl: -3344.72,
        bars_held: 17,
        open: false,
      },
    ],
  },
);

/** The seed's headline figures of a strategy against its benchmark, rounded as it prints them. */
export type HeadlineFigures = z.infer<typeof headlineFiguresSchema>;
/** The metrics beyond the headline figures, snake_case as the CLI and the API show them. */
export type MetricsReport = z.infer<typeof metricsReportSchema>;
/** One trade as a report lists it. */
export type TradeView = z.infer<typeof tradeViewSchema>;
/**
 * What `aetherquant backtest` prints: the seed's keys first, then what this engine adds. In JSON the keys come
 * in this order: `symbol`, `rows`, the {@link HeadlineFigures}, `run_id` (when recorded), `provider`, `benchmark` …
 * `metrics`, `warnings`, `chart`, `trade_list` (`warmup_bars` between `last` and `trades`).
 */
export type BacktestReport = z.infer<typeof backtestReportSchema>;

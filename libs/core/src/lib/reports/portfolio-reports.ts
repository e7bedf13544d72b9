// The JSON shapes of portfolio optimisation and portfolio backtests.

import { z } from 'zod';
import { ALLOCATIONS, OPTIMIZATION_METHODS } from '../requests/portfolio-requests';
import { headlineFiguresSchema, metricsReportSchema } from './backtest-report';
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

const provider = z
  .string()
  .describe('Where the bars came from; `synthetic` data never passes for market data.');
/** Ratios by symbol, in the order of `symbols`. */
const bySymbol = z.record(z.string(), z.number());

/** One symbol of a universe backtest, backtested alone (its sleeve, or its target column). */
const universeSymbolSchema = z.strictObject({
  annual_return: ratioSchema,
  max_drawdown: ratioSchema,
  sharpe: ratioSchema,
  final_equity: z.number().describe('2 decimals, from the same initial cash.'),
  trades: z.number().int().min(0),
  metrics: metricsReportSchema,
});

export const optimizeReportSchema = withResponseMeta(
  z.strictObject({
    method: z.enum(OPTIMIZATION_METHODS),
    symbols: z.array(z.string()),
    weights: bySymbol.describe('By symbol, rounded to 6 decimals.'),
    risk_contributions: bySymbol.describe(
      "Each symbol's share of the portfolio's variance, wᵢ(Σw)ᵢ / w'Σw, 6 decimals.",
    ),
    expected_return: ratioSchema.describe("Annual, from the window's mean returns and covariance."),
    volatility: ratioSchema.describe('Annual.'),
    rows: z.number().int().min(1).describe('Aligned bars used (their returns are one fewer).'),
    provider,
    first: barTimeSchema,
    last: barTimeSchema,
    ...recordingFields,
  }),
  'What `aetherquant optimize` prints and `POST /api/optimize` returns: portfolio weights of several symbols by one optimiser, from their aligned returns.',
  {
    method: 'risk-parity',
    symbols: ['SPY', 'QQQ', 'TLT'],
    weights: { SPY: 0.336772, QQQ: 0.244732, TLT: 0.418496 },
    risk_contributions: { SPY: 0.333333, QQQ: 0.333333, TLT: 0.333333 },
    expected_return: 0.115225,
    volatility: 0.105437,
    rows: 252,
    provider: 'csv',
    first: '2024-01-02',
    last: '2024-12-31',
    run_id: '0193a1c4-8012-7000-8a11-13dad12b96f3',
  },
);

export const portfolioBacktestReportSchema = withResponseMeta(
  z.strictObject({
    symbols: z.array(z.string()),
    rows: z.number().int().min(1).describe('Bars from the first allocation on.'),
    ...headlineFiguresSchema.shape,
    provider,
    benchmark: benchmarkSchema.describe(
      "What the `benchmark_*` figures, `beta`, `alpha` and the chart's benchmark measure: `equal-weight` by default (without a strategy, the equal-weight portfolio rebalanced on the same schedule with the same costs; with one, 1/N of the cash in each symbol at the window's first close, held without costs), or a symbol the request named, bought with the initial cash at the first measured close and held without costs (its bars aligned to the portfolio's, a missing bar's close carried forward).",
    ),
    allocation: z
      .enum(ALLOCATIONS)
      .optional()
      .describe('Absent for a universe (cross-sectional) strategy, which sets every weight itself.'),
    rebalance: z
      .union([z.enum(['monthly', 'quarterly']), z.number().int().min(1)])
      .optional()
      .describe('`monthly`, `quarterly`, or every N bars; absent for a universe strategy.'),
    lookback: z
      .string()
      .optional()
      .describe(
        'The trailing window each rebalance estimates from (`1y`, `6mo`); absent for a universe strategy.',
      ),
    first: barTimeSchema,
    last: barTimeSchema,
    rebalances: z
      .number()
      .int()
      .min(0)
      .describe('Rebalances made; for a universe strategy, the bars where its targets changed.'),
    weights: bySymbol.describe(
      'The weights of the last rebalance, by symbol, 6 decimals; for a universe strategy, its last targets.',
    ),
    strategy: z
      .string()
      .optional()
      .describe('With a strategy: its name (a universe backtest; see `universe`).'),
    universe: z
      .enum(['sleeves', 'cross-sectional'])
      .optional()
      .describe(
        '`sleeves`: a single-asset strategy run on each symbol, position = sleeve weight × target; `cross-sectional`: a universe strategy setting every target.',
      ),
    params: strategyParamsSchema.optional(),
    warmup_bars: warmupBarsSchema,
    per_symbol: z
      .record(z.string(), universeSymbolSchema)
      .optional()
      .describe(
        "With a strategy, by symbol: each sleeve's standalone backtest over the same window and costs (for a universe strategy, its target column backtested alone).",
      ),
    weight_history: z
      .array(z.strictObject({ date: barTimeSchema, weights: bySymbol }))
      .optional()
      .describe('With a single-asset strategy: the sleeve weights set at each rebalance, 6 decimals.'),
    metrics: metricsReportSchema,
    ...recordingFields,
    chart: chartSeriesSchema
      .optional()
      .describe(
        'Present when the caller asked for charts (the API does), the benchmark being the one `benchmark` names; never recorded.',
      ),
  }),
  "What `aetherquant backtest --symbols` prints and `POST /api/backtest` (with `symbols`) returns: a rebalanced portfolio backtest; by default its `benchmark_*` figures are the equal-weight portfolio's, rebalanced the same way. With `strategy` (a universe backtest) it adds `strategy`, `universe`, `params`, `warmup_bars`, `per_symbol` and `weight_history`, and its default `benchmark_*` figures are buying 1/N of each symbol and holding it. A `benchmark` symbol in the request replaces either with buy-and-hold of that symbol; `benchmark` says which it was.",
  {
    symbols: ['SPY', 'QQQ'],
    rows: 378,
    annual_return: 0.232025,
    max_drawdown: -0.101686,
    sharpe: 1.552875,
    final_equity: 136730.17,
    benchmark_annual_return: 0.234484,
    benchmark_max_drawdown: -0.106586,
    benchmark_sharpe: 1.524679,
    benchmark_final_equity: 137139.71,
    excess_annual_return: -0.002459,
    provider: 'csv',
    benchmark: 'equal-weight',
    allocation: 'risk-parity',
    rebalance: 'monthly',
    lookback: '6mo',
    first: '2023-07-03',
    last: '2024-12-31',
    rebalances: 18,
    weights: { SPY: 0.595428, QQQ: 0.404572 },
    metrics: {
      volatility: 0.141195,
      sortino: 2.237902,
      calmar: 2.281772,
      max_drawdown_duration: 78,
      var_95: -0.014738,
      cvar_95: -0.020182,
      beta: 0.969807,
      alpha: 0.004078,
      total_return: 0.367507,
      win_rate: null,
      profit_factor: null,
      exposure: null,
      turnover: null,
    },
    run_id: '0193a1c4-7f44-7000-943d-f64ed281b2eb',
    chart: {
      time: ['2023-07-03', '2023-10-27', '2024-08-05', '2024-12-16', '2024-12-31'],
      equity: [99985, 93081.45, 118343.36, 142158.08, 136730.17],
      benchmark: [99985, 93114.31, 118338.39, 142834.78, 137139.71],
      drawdown: [0, -0.099222, -0.101686, 0, -0.038182],
    },
  },
);

/** What `aetherquant optimize` prints (see {@link optimizeReportSchema}). */
export type OptimizeReport = z.infer<typeof optimizeReportSchema>;
/** A rebalanced portfolio backtest; its `benchmark_*` figures are `benchmark`'s (equal weights by default). */
export type PortfolioBacktestReport = z.infer<typeof portfolioBacktestReportSchema>;

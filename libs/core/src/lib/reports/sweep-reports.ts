// The JSON shapes of parameter sweeps and walk-forward analyses.

import { z } from 'zod';
import { RANK_METRICS } from '../requests/backtest-request';
import { headlineFiguresSchema, metricsReportSchema } from './backtest-report';
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
const rankBy = z.enum(RANK_METRICS).describe('The metric combinations were ranked by; larger is better.');

/** One combination of a sweep's grid with its figures. */
export const sweepEntrySchema = z
  .strictObject({
    params: strategyParamsSchema,
    sharpe: ratioSchema,
    annual_return: ratioSchema,
    total_return: ratioSchema,
    max_drawdown: ratioSchema,
    final_equity: z.number().describe('2 decimals.'),
    sortino: ratioSchema,
    calmar: ratioSchema,
    trades: z.number().int().min(0),
  })
  .meta({ description: "One combination of a sweep's grid with its figures." });

export const sweepReportSchema = withResponseMeta(
  z.strictObject({
    symbol: z.string(),
    provider,
    strategy: z.string(),
    rank_by: rankBy,
    rows: z
      .number()
      .int()
      .min(1)
      .describe('Bars of the requested window, on which every combination is evaluated.'),
    first: barTimeSchema,
    last: barTimeSchema,
    warmup_bars: warmupBarsSchema.describe(
      "Bars loaded before the window: the most any valid combination needs. Each combination takes its own warm-up from them, so every combination's figures cover exactly `first` to `last`.",
    ),
    combinations: z.number().int().min(0).describe('Combinations in the grid.'),
    evaluated: z.number().int().min(0).describe('Combinations backtested.'),
    skipped: z.number().int().min(0).describe('Combinations skipped as invalid (e.g. fast ≥ slow).'),
    run_id: recordingFields.run_id,
    results: z.array(sweepEntrySchema).describe('The best `top` combinations, best first.'),
    warnings: recordingFields.warnings,
  }),
  'What `aetherquant sweep` prints and `POST /api/sweep` returns: every combination of the grid backtested, the best `top` of them by `rank_by`.',
  {
    symbol: 'SPY',
    provider: 'csv',
    strategy: 'ma-cross',
    rank_by: 'sharpe',
    rows: 252,
    first: '2024-01-02',
    last: '2024-12-31',
    warmup_bars: 99,
    combinations: 4,
    evaluated: 4,
    skipped: 0,
    run_id: '0193a1c4-80a7-7000-a8c3-1474ff0fdba1',
    results: [
      {
        params: { fast: 10, slow: 100 },
        sharpe: 1.189901,
        annual_return: 0.124934,
        total_return: 0.124934,
        max_drawdown: -0.084056,
        final_equity: 112493.44,
        sortino: 1.66124,
        calmar: 1.486322,
        trades: 1,
      },
      {
        params: { fast: 10, slow: 50 },
        sharpe: 0.830556,
        annual_return: 0.089712,
        total_return: 0.089712,
        max_drawdown: -0.102377,
        final_equity: 108971.2,
        sortino: 1.161305,
        calmar: 0.876294,
        trades: 5,
      },
    ],
  },
);

/** One train/test window of a walk-forward analysis. */
export const walkForwardWindowReportSchema = z
  .strictObject({
    train_start: barTimeSchema,
    train_end: barTimeSchema,
    test_start: barTimeSchema,
    test_end: barTimeSchema,
    params: strategyParamsSchema.describe(
      'The parameters that ranked best on the train window, traded on the test window.',
    ),
    train_score: ratioSchema.describe('Their `rank_by` figure on the train window.'),
    annual_return: ratioSchema,
    sharpe: ratioSchema,
    max_drawdown: ratioSchema,
    total_return: ratioSchema,
  })
  .meta({
    description: 'One train/test window of a walk-forward analysis; its figures are the test window’s.',
  });

export const walkForwardReportSchema = withResponseMeta(
  z.strictObject({
    symbol: z.string(),
    rows: z.number().int().min(1).describe('Out-of-sample bars: the test windows stitched together.'),
    ...headlineFiguresSchema.shape,
    provider,
    benchmark: benchmarkSchema.describe(
      'What the `benchmark_*` figures, `beta` and `alpha` measure: a symbol, bought with the initial cash at the first out-of-sample close and held without costs over the same bars; by default the traded symbol itself.',
    ),
    strategy: z.string(),
    rank_by: rankBy,
    train: z.string().describe('The train window’s length (`3y`).'),
    test: z.string().describe('The test window’s length (`1y`).'),
    first: barTimeSchema,
    last: barTimeSchema,
    warmup_bars: warmupBarsSchema.describe(
      'Bars loaded before the requested history: the most any valid combination needs. The first train window starts at the first requested bar; every train and test evaluation takes its warm-up from the bars before its own window.',
    ),
    windows: z.array(walkForwardWindowReportSchema),
    metrics: metricsReportSchema,
    ...recordingFields,
  }),
  'What `aetherquant walk-forward` prints: on each train window the best parameters by `rank_by`, traded on the test window that follows; the out-of-sample equity stitched and summarised against buy-and-hold of the same bars (or of the `benchmark` the request names).',
  {
    symbol: 'SPY',
    rows: 502,
    annual_return: 0.015316,
    max_drawdown: -0.205422,
    sharpe: 0.182545,
    final_equity: 103058.77,
    benchmark_annual_return: 0.259096,
    benchmark_max_drawdown: -0.099743,
    benchmark_sharpe: 1.865756,
    benchmark_final_equity: 158242.66,
    excess_annual_return: -0.24378,
    provider: 'csv',
    benchmark: 'SPY',
    strategy: 'ma-cross',
    rank_by: 'sharpe',
    train: '1y',
    test: '1y',
    first: '2023-01-03',
    last: '2024-12-31',
    warmup_bars: 49,
    windows: [
      {
        train_start: '2022-01-03',
        train_end: '2022-12-30',
        test_start: '2023-01-03',
        test_end: '2024-01-02',
        params: { fast: 10, slow: 50 },
        train_score: 0.084383,
        annual_return: 0.061958,
        sharpe: 0.524095,
        max_drawdown: -0.115096,
        total_return: 0.061705,
      },
      {
        train_start: '2023-01-03',
        train_end: '2024-01-02',
        test_start: '2024-01-03',
        test_end: '2024-12-31',
        params: { fast: 10, slow: 50 },
        train_score: 0.830556,
        annual_return: -0.029131,
        sharpe: -0.170876,
        max_drawdown: -0.205422,
        total_return: -0.029017,
      },
    ],
    metrics: {
      volatility: 0.128985,
      sortino: 0.252193,
      calmar: 0.074559,
      max_drawdown_duration: 192,
      var_95: -0.013911,
      cvar_95: -0.018366,
      beta: 0.426739,
      alpha: -0.078515,
      total_return: 0.030742,
      win_rate: 0.384615,
      profit_factor: 1.201474,
      exposure: 0.998004,
      turnover: null,
    },
    run_id: '0193a1c4-81b2-7000-96ef-e4704a7a5efd',
  },
);

/** One combination of a sweep's grid with its figures. */
export type SweepEntry = z.infer<typeof sweepEntrySchema>;
/** What `aetherquant sweep` prints (see {@link sweepReportSchema}). */
export type SweepReport = z.infer<typeof sweepReportSchema>;
/** One train/test window of a walk-forward analysis. */
export type WalkForwardWindowReport = z.infer<typeof walkForwardWindowReportSchema>;
/** What `aetherquant walk-forward` prints (see {@link walkForwardReportSchema}). */
export type WalkForwardReport = z.infer<typeof walkForwardReportSchema>;

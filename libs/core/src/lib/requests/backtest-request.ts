import { z } from 'zod';
import { barSourceFields } from './bar-source';
import { benchmarkField } from './benchmark-field';
import { strategyField, strategyParamsField } from './strategy-fields';

/** Costs, cash and direction: defaults come from the settings (`AETHERQ_COMMISSION_BPS`, …). */
export const tradingFields = {
  commission_bps: z.number().min(0).max(1000).optional(),
  slippage_bps: z.number().min(0).max(1000).optional(),
  initial_cash: z.number().positive().optional(),
  /** Clip targets at 0: no short positions. */
  long_only: z.boolean().default(false),
};

/** Input of the backtest use case (CLI `aetherquant backtest`, API `POST /api/backtest`). */
export const backtestRequestSchema = z
  .object({
    ...barSourceFields,
    /** Defaults to the `AETHERQ_DEFAULT_SYMBOL` setting. */
    symbol: z.string().optional(),
    ...tradingFields,
    strategy: strategyField,
    params: strategyParamsField,
    benchmark: benchmarkField,
  })
  .strict();

export type BacktestRequest = z.output<typeof backtestRequestSchema>;

/** Metrics a sweep can rank by; larger is better for each (drawdowns are ≤ 0). */
export const RANK_METRICS = [
  'sharpe',
  'annual_return',
  'total_return',
  'final_equity',
  'sortino',
  'calmar',
  'max_drawdown',
] as const;
export type RankMetric = (typeof RANK_METRICS)[number];

/** A parameter's values in a grid: a number, a list, or text such as `5:50:5` (start:stop:step) or `5,10,20`. */
const gridValues = z.union([z.number(), z.array(z.number()).min(1), z.string().min(1)]);

const gridSearchFields = {
  ...barSourceFields,
  /** Defaults to the `AETHERQ_DEFAULT_SYMBOL` setting. */
  symbol: z.string().optional(),
  ...tradingFields,
  strategy: strategyField,
  /** Values to try per strategy parameter; parameters left out keep their defaults. */
  grid: z.record(z.string(), gridValues).default({}),
  rank_by: z.enum(RANK_METRICS).default('sharpe'),
};

/** Input of the sweep use case (CLI `aetherquant sweep`, API `POST /api/sweep`). */
export const sweepRequestSchema = z
  .object({
    ...gridSearchFields,
    /** How many of the best combinations to return. */
    top: z.number().int().min(1).max(1000).default(20),
  })
  .strict();

/** Input of the walk-forward use case: train on `train`, trade the next `test`, roll on. */
export const walkForwardRequestSchema = z
  .object({
    ...gridSearchFields,
    train: z.string().min(1).default('3y'),
    test: z.string().min(1).default('1y'),
    /** The stitched out-of-sample equity is measured against it (a sweep reports no benchmark figures). */
    benchmark: benchmarkField,
  })
  .strict();

export type SweepRequest = z.output<typeof sweepRequestSchema>;
export type WalkForwardRequest = z.output<typeof walkForwardRequestSchema>;

import { z } from 'zod';
import { barSourceFields } from './bar-source';

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
    strategy: z.string().min(1).default('ma-cross'),
    /** Strategy parameters by name (`fast`, `slow`, …); the strategy fills in defaults and checks bounds. */
    params: z.record(z.string(), z.number()).default({}),
  })
  .strict();

export type BacktestRequest = z.output<typeof backtestRequestSchema>;

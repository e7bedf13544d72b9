import { z } from 'zod';
import { LIVE_BROKER_PROVIDERS } from '../settings/settings-schema';
import { tradingFields } from './backtest-request';
import { barSourceFields } from './bar-source';
import { benchmarkField } from './benchmark-field';
import { strategyField, strategyParamsField } from './strategy-fields';

/** Paper history when a request names neither a period nor dates. */
export const DEFAULT_PAPERTRADE_PERIOD = '6mo';

const strategyFields = {
  ...barSourceFields,
  /** Defaults to the `AETHERQ_DEFAULT_SYMBOL` setting. */
  symbol: z.string().optional(),
  strategy: strategyField,
  params: strategyParamsField,
};

/** Input of the paper-trading use case (CLI `aetherquant papertrade`, API `POST /api/papertrade`). */
export const papertradeRequestSchema = z
  .object({
    ...strategyFields,
    ...tradingFields,
    /** Allow fractional shares; whole shares by default. */
    fractional: z.boolean().default(false),
    /** What the chart's benchmark curve holds. */
    benchmark: benchmarkField,
  })
  .strict();

/** Input of the live use case (CLI `aetherquant papertrade --broker live`): one decision on the latest bar. */
export const liveTradeRequestSchema = z
  .object({
    ...strategyFields,
    /** Each defaults to its `AETHERQ_LIVE_BROKER_*` setting. */
    broker_provider: z.enum(LIVE_BROKER_PROVIDERS).optional(),
    broker_endpoint: z
      .url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' })
      .optional(),
    broker_key_id: z.string().min(1).optional(),
    broker_token: z.string().min(1).optional(),
    /** Defaults to `AETHERQ_LIVE_BROKER_DRY_RUN` (true). */
    dry_run: z.boolean().optional(),
    /** Send an order even when the newest bar is older than the latest complete one (the report warns). */
    allow_stale: z.boolean().default(false),
  })
  .strict();

export type PapertradeRequest = z.output<typeof papertradeRequestSchema>;
export type LiveTradeRequest = z.output<typeof liveTradeRequestSchema>;

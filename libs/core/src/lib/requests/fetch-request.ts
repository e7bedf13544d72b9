import { z } from 'zod';
import { DATA_PROVIDERS } from '../settings/settings-schema';

/** Default seed of the synthetic provider. */
export const DEFAULT_SYNTHETIC_SEED = 42;

/**
 * Input of the `fetch` use case (CLI flags `--symbol`, `--period`, …; API body in snake_case). The shape is
 * checked here; symbol, interval, period and dates are checked, all at once, when the request is resolved.
 */
export const fetchRequestSchema = z
  .object({
    symbol: z.string(),
    interval: z.string().optional(),
    /** `5d`, `6mo`, `1y`, `ytd`, `max`: counted back from the latest bar; not with start/end. */
    period: z.string().optional(),
    /** Inclusive ISO dates. */
    start: z.string().optional(),
    end: z.string().optional(),
    /** Defaults to the `AETHERQ_DATA_PROVIDER` setting. */
    provider: z.enum(DATA_PROVIDERS).optional(),
    /** The csv provider's folder; defaults to `AETHERQ_DATA_DIR`. */
    data_dir: z.string().min(1).optional(),
    /** Split- and dividend-adjusted prices (default) or raw ones. */
    adjusted: z.boolean().default(true),
    /** The synthetic provider's seed. */
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(DEFAULT_SYNTHETIC_SEED),
    /** Where to write the bars as CSV; `-` for standard output. */
    output: z.string().min(1).optional(),
  })
  .strict();

export type FetchRequest = z.output<typeof fetchRequestSchema>;

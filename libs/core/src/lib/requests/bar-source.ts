import { z } from 'zod';
import { DATA_PROVIDERS } from '../settings/settings-schema';

/** Default seed of the synthetic provider. */
export const DEFAULT_SYNTHETIC_SEED = 42;

/** Where the bars of a run come from: the fields `fetch`, `backtest`, `sweep` and `walk-forward` share. */
export const barSourceFields = {
  symbol: z.string(),
  interval: z.string().optional(),
  /** Counted back from the latest bar; not with start/end. */
  period: z.string().optional(),
  /** Inclusive ISO dates. */
  start: z.string().optional(),
  end: z.string().optional(),
  /** Defaults to the `AETHERQ_DATA_PROVIDER` setting. */
  provider: z.enum(DATA_PROVIDERS).optional(),
  /** The csv provider's folder; defaults to `AETHERQ_DATA_DIR`. */
  data_dir: z.string().min(1).optional(),
  /** The synthetic provider's seed. */
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(DEFAULT_SYNTHETIC_SEED),
};

import { z } from 'zod';
import { barSourceFields } from './bar-source';

/**
 * Input of the `fetch` use case (CLI flags `--symbol`, `--period`, …; API body in snake_case). The shape is
 * checked here; symbol, interval, period and dates are checked, all at once, when the request is resolved.
 */
export const fetchRequestSchema = z
  .object({
    ...barSourceFields,
    /** Split- and dividend-adjusted prices (default) or raw ones. */
    adjusted: z.boolean().default(true),
    /** Where to write the bars as CSV; `-` for standard output. */
    output: z.string().min(1).optional(),
  })
  .strict();

export type FetchRequest = z.output<typeof fetchRequestSchema>;

import { z } from 'zod';
import { barSourceFields } from './bar-source';

/**
 * Input of the `fetch` use case (CLI flags `--symbol`, `--period`, …; API body in snake_case). The shape is
 * checked here; symbol, interval, period and dates are checked, all at once, when the request is resolved.
 *
 * One symbol (`symbol`) is loaded and written to `output`; several (`symbols`) are written as
 * `<SYMBOL>.csv` files into `data_dir`, each file updated incrementally when it exists. Exactly one of the
 * two is given (checked by the workflow, naming both fields).
 */
export const fetchRequestSchema = z
  .object({
    ...barSourceFields,
    /** One symbol; not with `symbols`. */
    symbol: z.string().optional(),
    /** Several symbols, each into its own file of `data_dir`; not with `symbol` nor `output`. */
    symbols: z.array(z.string()).min(1).optional(),
    /** Split- and dividend-adjusted prices (default) or raw ones. */
    adjusted: z.boolean().default(true),
    /** Where to write the bars of `symbol` as CSV; `-` for standard output. */
    output: z.string().min(1).optional(),
  })
  .strict();

export type FetchRequest = z.output<typeof fetchRequestSchema>;

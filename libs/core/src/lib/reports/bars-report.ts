// The JSON shapes of `fetch` and of the bars a caller reads (`GET /api/bars`).

import { z } from 'zod';
import { barTimeSchema } from './report-fields';
import { withResponseMeta } from './response-meta';

const summaryFields = {
  symbol: z.string(),
  provider: z
    .string()
    .describe(
      '`synthetic` is said wherever results are shown, so generated data never passes for market data.',
    ),
  interval: z.string().describe('`1d`, `1h`, …'),
  rows: z.number().int().min(1),
  first: barTimeSchema.describe('The first bar: a date, or a full timestamp for intraday bars.'),
  last: barTimeSchema.describe('The last bar: a date, or a full timestamp for intraday bars.'),
  dropped_rows: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('Rows the source sent with missing values and that were dropped (only when there were some).'),
};

export const fetchSummarySchema = withResponseMeta(
  z.strictObject({
    ...summaryFields,
    output: z
      .string()
      .optional()
      .describe('The absolute path written, `-` for standard output, absent when nothing was written.'),
  }),
  'What `aetherquant fetch` prints: one JSON line summing up the bars loaded, and where they were written.',
  {
    symbol: 'SPY',
    provider: 'yahoo',
    interval: '1d',
    rows: 251,
    first: '2024-01-02',
    last: '2024-12-31',
    dropped_rows: 1,
    output: '/home/analyst/data/SPY.csv',
  },
);

/** A column of the bars, ascending, one value per bar. */
const column = (description: string) => z.array(z.number()).describe(description);

export const barsReportSchema = withResponseMeta(
  z.strictObject({
    ...summaryFields,
    time: z.array(barTimeSchema).describe('Dates, or full timestamps for intraday bars.'),
    open: column('Opening prices (adjusted for splits and dividends unless raw prices were asked for).'),
    high: column('Highest prices.'),
    low: column('Lowest prices.'),
    close: column('Closing prices.'),
    volume: column('Volumes traded.'),
  }),
  'What `GET /api/bars` returns: the bars of one symbol as columns, ascending, with the summary `aetherquant fetch` prints (never an output path).',
  {
    symbol: 'SPY',
    provider: 'csv',
    interval: '1d',
    rows: 4,
    first: '2024-12-23',
    last: '2024-12-27',
    time: ['2024-12-23', '2024-12-24', '2024-12-26', '2024-12-27'],
    open: [590.89, 596.06, 599.5, 597.54],
    high: [595.3, 601.34, 602.48, 597.78],
    low: [587.66, 595.47, 598.08, 590.76],
    close: [594.69, 601.3, 601.34, 595.01],
    volume: [57635800, 33160100, 41219100, 64969300],
  },
);

/** What `fetch` reports: one JSON line on the CLI. */
export type FetchSummary = z.infer<typeof fetchSummarySchema>;
/** The bars of one symbol as columns, ascending, with the summary `fetch` prints (never an output path). */
export type BarsReport = z.infer<typeof barsReportSchema>;

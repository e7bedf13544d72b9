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

/** What happened to one symbol's file in a folder fetch (`aetherquant fetch --symbols`). */
export const FETCH_FILE_STATUSES = ['created', 'updated', 'unchanged', 'rewritten', 'failed'] as const;

export const fetchFileSummarySchema = z
  .strictObject({
    symbol: z.string(),
    status: z
      .enum(FETCH_FILE_STATUSES)
      .describe(
        '`created` (a new file), `updated` (new bars appended), `unchanged` (no new bars), `rewritten` (the bars the file and the source share differ, e.g. history re-adjusted for a split or dividend, so the whole file was written again; `reason` says which bar), `failed` (`error` says why; the file, if any, is left as it was).',
      ),
    rows_added: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('Bars after the previous last bar (all of them for a new file).'),
    rows: z.number().int().min(1).optional().describe('Bars in the file now.'),
    first: barTimeSchema.optional().describe("The file's first bar now."),
    last: barTimeSchema.optional().describe("The file's last bar now."),
    file: z.string().optional().describe('The absolute path of the file.'),
    dropped_rows: summaryFields.dropped_rows,
    reason: z
      .string()
      .optional()
      .describe('Why a file was rewritten whole: the first bar that changed, and how.'),
    error: z
      .strictObject({ code: z.string(), message: z.string() })
      .optional()
      .describe('Why the symbol failed (its error code and message).'),
  })
  .describe("One symbol's file.");

export const fetchFolderSummarySchema = withResponseMeta(
  z.strictObject({
    provider: summaryFields.provider,
    interval: summaryFields.interval,
    data_dir: z.string().describe('The absolute path of the folder written.'),
    symbols: z.array(fetchFileSummarySchema).describe('One entry per symbol, in the order given.'),
    failed: z
      .array(z.string())
      .describe('The symbols that failed, in the order given (empty when every one succeeded).'),
  }),
  'What `aetherquant fetch --symbols` prints: one entry per symbol written into the folder (created, updated, unchanged, rewritten or failed).',
  {
    provider: 'yahoo',
    interval: '1d',
    data_dir: '/home/analyst/data/market',
    symbols: [
      {
        symbol: 'SPY',
        status: 'updated',
        rows_added: 5,
        rows: 256,
        first: '2024-01-02',
        last: '2025-01-07',
        file: '/home/analyst/data/market/SPY.csv',
      },
      {
        symbol: 'NOPE',
        status: 'failed',
        error: { code: 'DATA_UNAVAILABLE', message: 'no bars for NOPE (1d, period 1y) from yahoo' },
      },
    ],
    failed: ['NOPE'],
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
/** What `fetch --symbols` reports: one entry per symbol's file. */
export type FetchFolderSummary = z.infer<typeof fetchFolderSummarySchema>;
/** One symbol's file in a folder fetch. */
export type FetchFileSummary = z.infer<typeof fetchFileSummarySchema>;
/** The bars of one symbol as columns, ascending, with the summary `fetch` prints (never an output path). */
export type BarsReport = z.infer<typeof barsReportSchema>;

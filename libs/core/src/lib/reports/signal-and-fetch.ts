// The results of the two use cases whose workflows define no report of their own: `signal` and `fetch`.
// The workflows' `SignalResult` and `FetchResult` types are inferred from these schemas.

import { z } from 'zod';
import { BarSeries } from '../bars/bar-series';
import { SIGNALS } from '../requests/signal-request';
import { fetchFolderSummarySchema, fetchSummarySchema } from './bars-report';
import { withResponseMeta } from './response-meta';

/** What `aetherquant signal` prints; the workflows' `SignalResult` is inferred from it. */
export const signalResultSchema = withResponseMeta(
  z.strictObject({
    signal: z
      .enum(SIGNALS)
      .describe(
        '`buy` strictly above `threshold`, `sell` strictly below `−threshold`, `hold` inside the band (its edges included).',
      ),
    latest_return: z.number().describe('The return classified, as a fraction (0.015 is +1.5%).'),
    threshold: z.number().min(0).describe('Half-width of the hold band, a fraction.'),
  }),
  'What `aetherquant signal` prints: the latest return classified against a band around zero.',
  { signal: 'buy', latest_return: 0.015, threshold: 0.01 },
);

/**
 * What the fetch use case hands its callers in-process for one symbol: the summary it prints, the bars
 * themselves and, for standard output, their CSV. Not JSON (the series is a {@link BarSeries}): the CLI
 * prints the summary, and the bars use case (`GET /api/bars`) turns the series into columns.
 */
export const fetchSymbolResultSchema = z.strictObject({
  summary: fetchSummarySchema,
  series: z.instanceof(BarSeries).describe('The bars loaded (a `BarSeries`, not JSON).'),
  csv: z
    .string()
    .optional()
    .describe('The CSV text, when the request asked for standard output (`output: "-"`).'),
});

/** What the fetch use case returns for several symbols (`symbols`): the folder's summary, which the CLI prints. */
export const fetchFolderResultSchema = z.strictObject({ folder: fetchFolderSummarySchema });

/**
 * The result of the fetch use case in-process: for one symbol, {@link fetchSymbolResultSchema}; for
 * several, {@link fetchFolderResultSchema}.
 */
export const fetchResultSchema = withResponseMeta(
  z.union([fetchSymbolResultSchema, fetchFolderResultSchema]),
  'The result of the fetch use case in-process: for one symbol, the summary `aetherquant fetch` prints, the bars, and their CSV when written to standard output; for several (`symbols`), the summary of the folder written.',
  {
    summary: {
      symbol: 'SPY',
      provider: 'csv',
      interval: '1d',
      rows: 2,
      first: '2024-12-26',
      last: '2024-12-27',
      output: '-',
    },
    series: new BarSeries({
      symbol: 'SPY',
      interval: '1d',
      time: [Date.UTC(2024, 11, 26), Date.UTC(2024, 11, 27)],
      open: [599.5, 597.54],
      high: [602.48, 597.78],
      low: [598.08, 590.76],
      close: [601.34, 595.01],
      volume: [41219100, 64969300],
      provenance: { provider: 'csv', adjusted: true },
    }),
    csv: 'date,open,high,low,close,volume\n2024-12-26,599.5,602.48,598.08,601.34,41219100\n2024-12-27,597.54,597.78,590.76,595.01,64969300\n',
  },
);

import { resolve } from 'node:path';
import { type fetchResultSchema, type FetchSummary, formatBarTime } from '@aetherquant/core';
import { type z } from 'zod';
import { formatBarsCsv } from '@aetherquant/data';
import { writeFileAtomic } from '../files/write-file-atomic';
import { loadBars } from '../market-data/load-bars';
import { defineWorkflow } from '../workflow/workflow';

/** What `fetch` returns: the summary it prints, the bars, and their CSV for standard output (core's `fetchResultSchema`). */
export type FetchResult = z.infer<typeof fetchResultSchema>;

/**
 * Loads bars from the chosen provider (the request's, else the settings'), and writes them as CSV
 * (`date,open,high,low,close,volume`, ascending) when an output is given. Files are replaced atomically.
 */
export const fetchWorkflow = defineWorkflow('fetch', {
  async run(request, context): Promise<FetchResult> {
    const series = await loadBars(request, context);

    const summary: FetchSummary = {
      symbol: series.symbol,
      provider: series.provenance?.provider ?? request.provider ?? context.settings.data.provider,
      interval: series.interval.name,
      rows: series.length,
      first: formatBarTime(series.time[0] as number, series.interval),
      last: formatBarTime(series.time[series.length - 1] as number, series.interval),
    };
    if (series.provenance?.droppedRows) summary.dropped_rows = series.provenance.droppedRows;
    if (request.output === '-')
      return { summary: { ...summary, output: '-' }, series, csv: formatBarsCsv(series) };
    if (request.output !== undefined) {
      const output = resolve(request.output);
      await writeFileAtomic(output, formatBarsCsv(series));
      summary.output = output;
    }
    return { summary, series };
  },
});

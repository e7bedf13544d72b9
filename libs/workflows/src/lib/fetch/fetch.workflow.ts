import { resolve } from 'node:path';
import {
  AetherError,
  type FetchRequest,
  type fetchResultSchema,
  type FetchSummary,
  type FieldViolation,
  formatBarTime,
} from '@aetherquant/core';
import { type z } from 'zod';
import { formatBarsCsv } from '@aetherquant/data';
import { writeFileAtomic } from '../files/write-file-atomic';
import { loadBars } from '../market-data/load-bars';
import { defineWorkflow } from '../workflow/workflow';
import { type WorkflowContext } from '../workflow/workflow-context';
import { fetchFolder } from './fetch-folder';

/**
 * What `fetch` returns: for one symbol, the summary it prints, the bars, and their CSV for standard output;
 * for several, the folder's summary (core's `fetchResultSchema`).
 */
export type FetchResult = z.infer<typeof fetchResultSchema>;
/** What `fetch` returns for one symbol. */
export type FetchSymbolResult = Extract<FetchResult, { summary: unknown }>;

/**
 * Loads bars from the chosen provider (the request's, else the settings'). One symbol (`symbol`) is written
 * as CSV (`date,open,high,low,close,volume`, ascending) when an output is given; several (`symbols`) are
 * written into a folder, one `<SYMBOL>.csv` each, updated incrementally (see `fetchFolder`). Files are
 * replaced atomically.
 */
export const fetchWorkflow = defineWorkflow('fetch', {
  async run(request, context): Promise<FetchResult> {
    checkSymbolFields(request);
    if (request.symbols !== undefined)
      return { folder: await fetchFolder(request, request.symbols, context) };
    return fetchSymbol(request, request.symbol as string, context);
  },
});

/** One symbol: its bars, written to `output` when given. */
export async function fetchSymbol(
  request: FetchRequest,
  symbol: string,
  context: WorkflowContext,
): Promise<FetchSymbolResult> {
  const series = await loadBars({ ...request, symbol }, context);

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
}

/** Exactly one of `symbol` and `symbols`; `output` only with `symbol` (several symbols go to `data_dir`). */
function checkSymbolFields(request: FetchRequest): void {
  const violations: FieldViolation[] = [];
  if (request.symbol === undefined && request.symbols === undefined) {
    violations.push({ field: 'symbol', rule: 'is required (or symbols, for several)' });
  }
  if (request.symbol !== undefined && request.symbols !== undefined) {
    violations.push({ field: 'symbols', rule: 'cannot be combined with symbol: give one or the other' });
  }
  if (request.symbols !== undefined && request.output !== undefined) {
    violations.push({
      field: 'output',
      rule: 'is for one symbol: several symbols are written as <SYMBOL>.csv files into data_dir',
    });
  }
  if (violations.length > 0) throw AetherError.invalid(violations, 'fetch request');
}

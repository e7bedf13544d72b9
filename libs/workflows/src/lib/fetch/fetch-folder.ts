import { join, resolve } from 'node:path';
import {
  AetherError,
  type BarSeries,
  type FetchFileSummary,
  type FetchFolderSummary,
  type FetchRequest,
  type FieldViolation,
  formatBarTime,
  type Interval,
  normalizeSymbol,
  parseInterval,
} from '@aetherquant/core';
import {
  appendNewBars,
  describeChangedBar,
  firstChangedBar,
  formatBarsCsv,
  readBarFile,
} from '@aetherquant/data';
import { writeFileAtomic } from '../files/write-file-atomic';
import { checkSymbolLimit } from '../limits/request-limits';
import { type BarSource, countSourceBars, loadBars } from '../market-data/load-bars';
import { type WorkflowContext } from '../workflow/workflow-context';

/** Symbols loaded at once: a few requests in flight, never a burst a source would throttle. */
const CONCURRENT_SYMBOLS = 4;

/**
 * Writes the bars of several symbols into one folder (`data_dir`, else the `AETHERQ_DATA_DIR` setting), one
 * `<SYMBOL>.csv` each in the layout the csv provider reads back, and says per symbol what happened.
 *
 * **Incremental rule.** A symbol without a file gets the request's bars (its period or dates). A symbol
 * with a file gets only what is new: the source is asked from the file's last bar on (the request's period
 * and start are ignored, its end is kept), and
 * - when the source's bar on that date agrees with the file's (prices within a relative 1e-6), the bars
 *   after it are appended (`updated`, or `unchanged` when there are none);
 * - when it differs, or the source no longer has it, the source has re-adjusted (a split or dividend since
 *   the file was written), corrected the history, or the file's last bar was still forming: the file is
 *   rewritten whole, from its first date (`rewritten`, `reason` naming the bar and the change).
 * Every file is written atomically (a temporary file renamed over it), so a failure or a crash leaves the
 * old file whole.
 *
 * **Failures** are per symbol: one that fails (`failed`, with its error's code and message) leaves its
 * file as it was and the others go on; `failed` lists them. A bad request (a malformed symbol, period or
 * date, no folder, the csv provider) fails before anything is fetched.
 */
export async function fetchFolder(
  request: FetchRequest,
  symbols: readonly string[],
  context: WorkflowContext,
): Promise<FetchFolderSummary> {
  checkSymbolLimit(symbols.length, context.limits);
  const { data } = context.settings;
  const provider = request.provider ?? data.provider;
  const folder = request.data_dir ?? data.dir;
  const violations: FieldViolation[] = [];
  const normalised = symbols.map((text, i) => {
    try {
      return normalizeSymbol(text, `symbols[${i}]`);
    } catch (error) {
      if (error instanceof AetherError && error.details?.violations)
        violations.push(...error.details.violations);
      else throw error;
      return text;
    }
  });
  const repeated = normalised.filter((symbol, i) => normalised.indexOf(symbol) !== i);
  if (repeated.length > 0) {
    violations.push({
      field: 'symbols',
      rule: `must be distinct (${[...new Set(repeated)].join(', ')} given twice)`,
    });
  }
  if (folder === undefined) {
    violations.push({
      field: 'data_dir',
      rule: 'is required with symbols: the folder their <SYMBOL>.csv files are written to',
    });
  }
  if (provider === 'csv') {
    violations.push({
      field: 'provider',
      rule: 'csv reads the folder that symbols fills: fetch from yahoo or synthetic into data_dir',
    });
  }
  if (violations.length > 0) throw AetherError.invalid(violations, 'fetch request');

  // The period, dates and interval, checked once for all (as loading each symbol would).
  const source = { ...request, provider, data_dir: undefined, symbol: normalised[0] as string };
  countSourceBars(source, context);
  const interval = parseInterval(request.interval ?? '1d');
  const dataDir = resolve(folder as string);

  const files: FetchFileSummary[] = new Array(normalised.length);
  let next = 0;
  const worker = async () => {
    while (next < normalised.length) {
      const i = next++;
      const symbol = normalised[i] as string;
      files[i] = await updateFile(
        { ...source, symbol },
        join(dataDir, `${symbol}.csv`),
        interval,
        context,
      ).catch((error: unknown) => failed(symbol, error));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_SYMBOLS, normalised.length) }, worker));
  return {
    provider,
    interval: interval.name,
    data_dir: dataDir,
    symbols: files,
    failed: files.filter((file) => file.status === 'failed').map((file) => file.symbol),
  };
}

/** One symbol's file: created, or brought up to date by the incremental rule of {@link fetchFolder}. */
async function updateFile(
  source: BarSource,
  path: string,
  interval: Interval,
  context: WorkflowContext,
): Promise<FetchFileSummary> {
  const existing = await readBarFile(path, source.symbol, interval);
  if (existing === undefined) {
    const series = await loadBars(source, context);
    await writeFileAtomic(path, formatBarsCsv(series));
    return fileSummary('created', path, series, series.length, series);
  }

  const last = existing.time[existing.length - 1] as number;
  const since = { ...source, period: undefined, start: formatBarTime(last, interval) };
  const fetched = await loadBars(since, context).catch((error: unknown) => {
    if (error instanceof AetherError && error.code === 'DATA_UNAVAILABLE') return undefined;
    throw error;
  });
  const changed =
    fetched === undefined ? { time: last, change: 'no longer served' } : firstChangedBar(existing, fetched);
  if (changed === undefined && fetched !== undefined) {
    const { series, added } = appendNewBars(existing, fetched);
    if (added > 0) await writeFileAtomic(path, formatBarsCsv(series));
    return fileSummary(added > 0 ? 'updated' : 'unchanged', path, series, added, fetched);
  }

  const whole = await loadBars(
    { ...since, start: formatBarTime(existing.time[0] as number, interval) },
    context,
  );
  await writeFileAtomic(path, formatBarsCsv(whole));
  let added = 0;
  for (let i = whole.length - 1; i >= 0 && (whole.time[i] as number) > last; i--) added++;
  return {
    ...fileSummary('rewritten', path, whole, added, whole),
    reason:
      `the bar of ${describeChangedBar(changed as { time: number; change: string }, existing)} at the source ` +
      '(history re-adjusted for a split or dividend, or corrected, or a bar still forming when written): the file was rewritten whole',
  };
}

function fileSummary(
  status: FetchFileSummary['status'],
  file: string,
  series: BarSeries,
  added: number,
  loaded: BarSeries,
): FetchFileSummary {
  return {
    symbol: series.symbol,
    status,
    rows_added: added,
    rows: series.length,
    first: formatBarTime(series.time[0] as number, series.interval),
    last: formatBarTime(series.time[series.length - 1] as number, series.interval),
    file,
    ...(loaded.provenance?.droppedRows ? { dropped_rows: loaded.provenance.droppedRows } : {}),
  };
}

function failed(symbol: string, error: unknown): FetchFileSummary {
  const code = error instanceof AetherError ? error.code : 'INTERNAL';
  const message = error instanceof Error ? error.message : String(error);
  return { symbol, status: 'failed', error: { code, message } };
}

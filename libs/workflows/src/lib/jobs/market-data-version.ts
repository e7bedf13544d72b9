import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DAY_MS,
  type DataProviderName,
  normalizeSymbol,
  parseInterval,
  type Settings,
} from '@aetherquant/core';
import { canonicalJson, type DataVersion } from './job-identity';

/**
 * The version of the bars a job's request reads, without reading them (a submission must be cheap): what
 * makes the same request read other bars.
 *
 * - `csv`: each symbol's file, by size and modification time: a rewritten file is new data.
 * - `yahoo` and `synthetic` without an `end`: the window ends at the latest bar, so the data moves on with the
 *   clock, by one bar: the day for daily and longer bars, the bar's own length below (a 5m request is new
 *   work every five minutes).
 * - With an `end` (and not csv), the request names its data fully.
 */
export function marketDataVersion(
  settings: Pick<Settings, 'data'>,
  clock: () => number = Date.now,
): DataVersion {
  return async (_useCase, request) => {
    const provider = (request['provider'] as DataProviderName | undefined) ?? settings.data.provider;
    const symbols = symbolsOf(request);
    if (provider === 'csv') {
      const folder = (request['data_dir'] as string | undefined) ?? settings.data.dir ?? '.';
      const files = await Promise.all(symbols.map((symbol) => csvFileVersion(folder, symbol)));
      return canonicalJson({ provider, files });
    }
    if (request['end'] !== undefined) return canonicalJson({ provider });
    const interval = typeof request['interval'] === 'string' ? request['interval'] : '1d';
    const bar = parseInterval(interval, 'request.interval');
    const barMs = bar.intraday ? bar.nominalMs : DAY_MS;
    return canonicalJson({ provider, asOf: Math.floor(clock() / barMs) });
  };
}

/**
 * The request's symbols, checked as the data layer checks them (INVALID_ARGUMENT on `request.symbol(s)`)
 * before any becomes a file name: `../x` never reaches the file system.
 */
function symbolsOf(request: Readonly<Record<string, unknown>>): string[] {
  const many = request['symbols'];
  if (Array.isArray(many)) {
    return many.map((symbol, index) => normalizeSymbol(String(symbol), `request.symbols[${index}]`));
  }
  return typeof request['symbol'] === 'string' ? [normalizeSymbol(request['symbol'], 'request.symbol')] : [];
}

/** `<size>:<mtime>` of the file the csv provider reads for `symbol` (either case of its name), or `missing`. */
async function csvFileVersion(folder: string, symbol: string): Promise<string> {
  for (const name of [`${symbol.toUpperCase()}.csv`, `${symbol.toLowerCase()}.csv`]) {
    try {
      const { size, mtimeMs } = await stat(join(folder, name));
      return `${name}:${size}:${Math.trunc(mtimeMs)}`;
    } catch {
      // try the other spelling
    }
  }
  return `${symbol}:missing`;
}

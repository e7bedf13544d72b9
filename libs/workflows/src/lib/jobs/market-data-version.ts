import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DAY_MS,
  type DataProviderName,
  EQUAL_WEIGHT_BENCHMARK,
  normalizeSymbol,
  parseInterval,
  type Settings,
} from '@aetherquant/core';
import { SYNTHETIC_GENERATOR_VERSION } from '@aetherquant/data';
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
 * - `synthetic` also names the generator's version (`SYNTHETIC_GENERATOR_VERSION`), raised when the model
 *   changes: the same request then reads other bars.
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
    // Synthetic bars are also what the generator makes of them: a new model is new data.
    const source =
      provider === 'synthetic' ? { provider, generator: SYNTHETIC_GENERATOR_VERSION } : { provider };
    if (request['end'] !== undefined) return canonicalJson(source);
    const interval = typeof request['interval'] === 'string' ? request['interval'] : '1d';
    const bar = parseInterval(interval, 'request.interval');
    const barMs = bar.intraday ? bar.nominalMs : DAY_MS;
    return canonicalJson({ ...source, asOf: Math.floor(clock() / barMs) });
  };
}

/**
 * The request's symbols, its benchmark's among them, checked as the data layer checks them (INVALID_ARGUMENT
 * on `request.symbol(s)`) before any becomes a file name: `../x` never reaches the file system.
 */
function symbolsOf(request: Readonly<Record<string, unknown>>): string[] {
  const many = request['symbols'];
  const traded = Array.isArray(many)
    ? many.map((symbol, index) => normalizeSymbol(String(symbol), `request.symbols[${index}]`))
    : typeof request['symbol'] === 'string'
      ? [normalizeSymbol(request['symbol'], 'request.symbol')]
      : [];
  // A benchmark symbol's bars are read too (`equal-weight` reads none).
  const benchmark = request['benchmark'];
  return typeof benchmark === 'string' && benchmark !== EQUAL_WEIGHT_BENCHMARK
    ? [...traded, normalizeSymbol(benchmark, 'request.benchmark')]
    : traded;
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

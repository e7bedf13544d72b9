import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AetherError } from '@aetherquant/core';
import { SYNTHETIC_GENERATOR_VERSION } from '@aetherquant/data';
import { rejection } from '@aetherquant/testing';
import { marketDataVersion } from './market-data-version';

const data = { provider: 'yahoo' as const, dir: undefined, cacheDir: null, yahooUrl: undefined };
const at = (iso: string) => () => Date.parse(iso);

describe('marketDataVersion', () => {
  it('moves with the day for daily bars that end at the latest one', async () => {
    const morning = marketDataVersion({ data }, at('2024-01-02T00:00:01Z'));
    const evening = marketDataVersion({ data }, at('2024-01-02T23:59:59Z'));
    const nextDay = marketDataVersion({ data }, at('2024-01-03T00:00:00Z'));
    const request = { symbol: 'SPY', period: '1y' };
    expect(await morning('backtest', request)).toBe(await evening('backtest', request));
    expect(await nextDay('backtest', request)).not.toBe(await evening('backtest', request));
  });

  it("moves with the bar's length for intraday bars", async () => {
    const request = { symbol: 'SPY', interval: '5m', period: '5d' };
    const v = (iso: string) => marketDataVersion({ data }, at(iso))('sweep', request);
    expect(await v('2024-01-02T10:00:00Z')).toBe(await v('2024-01-02T10:04:59Z'));
    expect(await v('2024-01-02T10:05:00Z')).not.toBe(await v('2024-01-02T10:04:59Z'));
  });

  it('does not move with the clock when the request names its end', async () => {
    const request = { symbol: 'SPY', start: '2020-01-01', end: '2020-12-31' };
    expect(await marketDataVersion({ data }, at('2024-01-02T00:00:00Z'))('backtest', request)).toBe(
      await marketDataVersion({ data }, at('2025-06-30T00:00:00Z'))('backtest', request),
    );
  });

  it('follows csv files: the same file is the same data, a rewritten or missing one is not', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'aq-data-version-'));
    const file = join(folder, 'SPY.csv');
    writeFileSync(file, 'Date,Open,High,Low,Close,Volume\n2024-01-02,1,1,1,1,1\n');
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    const version = marketDataVersion({ data: { ...data, provider: 'csv', dir: folder } });
    const request = { symbol: 'SPY', period: '1y' };
    const first = await version('backtest', request);
    expect(await version('backtest', request)).toBe(first);
    writeFileSync(file, 'Date,Open,High,Low,Close,Volume\n2024-01-02,1,1,1,2,1\n'); // same size, new time
    expect(await version('backtest', request)).not.toBe(first);
    expect(await version('backtest', { symbol: 'QQQ' })).toContain('QQQ:missing');
    // A folder in the request wins over the setting.
    expect(await version('backtest', { ...request, data_dir: join(folder, 'elsewhere') })).toContain(
      'missing',
    );
  });

  it('never turns a symbol that is not one into a file name: refused by name before the file system', async () => {
    const version = marketDataVersion({ data: { ...data, provider: 'csv', dir: tmpdir() } });
    const error = await rejection(version('backtest', { symbol: '../etc/passwd' }), 'INVALID_ARGUMENT');
    expect(error.message).toContain('request.symbol');
    await rejection(version('portfolioBacktest', { symbols: ['SPY', '../x'] }), 'INVALID_ARGUMENT');
  });

  it("names the synthetic generator's version, so a new model is new data", async () => {
    const request = { symbol: 'SPY', start: '2020-01-01', end: '2020-12-31' };
    const synthetic = { data: { ...data, provider: 'synthetic' as const } };
    const version = await marketDataVersion(synthetic)('backtest', request);
    expect(JSON.parse(version)).toEqual({ provider: 'synthetic', generator: SYNTHETIC_GENERATOR_VERSION });
    expect(SYNTHETIC_GENERATOR_VERSION).toBe(2);
    const latest = await marketDataVersion(synthetic, at('2024-01-02T00:00:00Z'))('backtest', {
      symbol: 'SPY',
    });
    expect(JSON.parse(latest)).toMatchObject({ generator: 2 });
    // Yahoo's bars are the market's: no generator to name.
    expect(JSON.parse(await marketDataVersion({ data })('backtest', request))).toEqual({ provider: 'yahoo' });
  });

  it('names a bad interval as the request field it is', async () => {
    const error = await rejection(marketDataVersion({ data })('sweep', { symbol: 'SPY', interval: '7x' }));
    expect(error).toBeInstanceOf(AetherError);
    expect(error.message).toContain('request.interval');
  });
});

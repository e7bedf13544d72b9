import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rejection } from '@aetherquant/testing';
import { marketDataVersion } from './market-data-version';

// A job's data version covers the benchmark's bars too: a rewritten benchmark file is new work.

describe('marketDataVersion of a request with a benchmark', () => {
  const folder = mkdtempSync(join(tmpdir(), 'aq-data-version-benchmark-'));
  const write = (symbol: string, close: number, mtime: number) => {
    const file = join(folder, `${symbol}.csv`);
    writeFileSync(
      file,
      `Date,Open,High,Low,Close,Volume\n2024-01-02,${close},${close},${close},${close},1\n`,
    );
    utimesSync(file, mtime, mtime);
  };
  const version = marketDataVersion({
    data: { provider: 'csv', dir: folder, cacheDir: null, yahooUrl: undefined },
  });

  it('names the benchmark’s file beside the traded ones, and follows it', async () => {
    write('QQQ', 1, 1_700_000_000);
    write('SPY', 1, 1_700_000_000);
    const request = { symbol: 'QQQ', benchmark: 'SPY' };
    const text = await version('backtest', request);
    expect(await version('backtest', request)).toBe(text);
    const before = JSON.parse(text) as { files: string[] };
    expect(before.files).toEqual([expect.stringMatching(/^QQQ\.csv:/), expect.stringMatching(/^SPY\.csv:/)]);
    write('SPY', 2.5, 1_700_000_100);
    expect(await version('backtest', request)).not.toBe(text);
    expect(JSON.parse(await version('backtest', { symbol: 'QQQ' }))).toEqual({
      provider: 'csv',
      files: [before.files[0]],
    });
  });

  it('reads no file for equal-weight, and refuses a benchmark that is no symbol before it becomes a path', async () => {
    write('TLT', 1, 1_700_000_000);
    const portfolio = { symbols: ['QQQ', 'TLT'], benchmark: 'equal-weight' };
    expect(
      (JSON.parse(await version('portfolioBacktest', portfolio)) as { files: string[] }).files,
    ).toHaveLength(2);
    await rejection(version('backtest', { symbol: 'QQQ', benchmark: '../x' }), 'INVALID_ARGUMENT');
  });
});

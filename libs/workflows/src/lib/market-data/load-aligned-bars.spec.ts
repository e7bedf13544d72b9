import { BarSeries, parseInterval, parseSettings } from '@aetherquant/core';
import { describeWithMarketData } from '@aetherquant/testing';
import { runWorkflow } from '../workflow/workflow';
import { optimizeWorkflow } from '../portfolio/optimize.workflow';
import { calendarSpan, loadAlignedBars, windowWarnings } from './load-aligned-bars';

const settings = () => parseSettings({ AETHERQ_DATABASE_URL: 'none', AETHERQ_CACHE_DIR: 'none' }).settings;

/** Daily bars on the given dates, flat prices. */
function daily(symbol: string, dates: string[]): BarSeries {
  const ones = dates.map(() => 1);
  return new BarSeries({
    symbol,
    interval: '1d',
    time: dates.map((date) => Date.parse(`${date}T00:00:00Z`)),
    open: ones,
    high: ones,
    low: ones,
    close: ones,
    volume: ones,
  });
}

describe('alignment warnings', () => {
  it('names the symbol that starts last and the one that ends first, with the shortfall', () => {
    const long = daily('AAA', ['2020-01-02', '2020-03-02', '2020-06-01', '2021-06-01']);
    const late = daily('BBB', ['2020-03-02', '2020-06-01', '2021-06-01']);
    const early = daily('CCC', ['2020-01-02', '2020-03-02', '2020-06-01']);
    const common = [daily('AAA', ['2020-03-02', '2020-06-01'])];
    expect(windowWarnings([long, late, early], common, { period: 'max' })).toEqual([
      'BBB starts 2020-03-02: the window starts there, 2mo after the 2020-01-02 requested',
      'CCC ends 2020-06-01: the window ends there, 1y before the 2021-06-01 requested',
    ]);
  });

  it('says nothing of a holiday or a weekend at either end', () => {
    const a = daily('AAA', ['2024-01-02', '2024-01-03', '2024-12-31']);
    const b = daily('BBB', ['2024-01-03', '2024-12-30']);
    const common = [daily('AAA', ['2024-01-03', '2024-12-30'])];
    expect(windowWarnings([a, b], common, { start: '2024-01-01', end: '2024-12-31' })).toEqual([]);
  });

  it('reads spans as whole months, else days', () => {
    const day = parseInterval('1d');
    const at = (date: string) => Date.parse(`${date}T00:00:00Z`);
    expect(calendarSpan(at('2023-03-31'), at('2025-03-07'), day)).toBe('1y 11mo');
    expect(calendarSpan(at('2023-03-31'), at('2024-03-31'), day)).toBe('1y');
    expect(calendarSpan(at('2024-03-01'), at('2024-03-13'), day)).toBe('12 days');
  });
});

describeWithMarketData('alignment warnings on the real XLE and SPY files', (market) => {
  it('says that XLE ends the window 1y 11mo before SPY’s last bar', async () => {
    const aligned = await loadAlignedBars(
      ['SPY', 'XLE'],
      { period: '10y', provider: 'csv', data_dir: market.dir, seed: 42 },
      { settings: settings() },
    );
    expect(aligned.warnings).toEqual([
      'XLE ends 2023-03-31: the window ends there, 1y 11mo before the 2025-03-07 requested',
    ]);
  });

  it('carries the warning into the optimize report', async () => {
    const report = await runWorkflow(
      optimizeWorkflow,
      { symbols: ['SPY', 'XLE'], period: '10y', provider: 'csv', data_dir: market.dir },
      { context: { settings: settings() } },
    );
    expect(report).toMatchObject({ symbols: ['SPY', 'XLE'], last: '2023-03-31' });
    expect(report.warnings).toEqual([
      'XLE ends 2023-03-31: the window ends there, 1y 11mo before the 2025-03-07 requested',
    ]);
  });

  it('says that DBC starts the window late, and nothing of symbols that cover it', async () => {
    const aligned = await loadAlignedBars(
      ['SPY', 'QQQ', 'DBC'],
      { start: '2005-01-03', end: '2025-03-07', provider: 'csv', data_dir: market.dir, seed: 42 },
      { settings: settings() },
    );
    expect(aligned.warnings).toEqual([
      'DBC starts 2006-02-06: the window starts there, 1y 1mo after the 2005-01-03 requested',
    ]);
    const covered = await loadAlignedBars(
      ['SPY', 'QQQ'],
      { start: '2005-01-03', end: '2025-03-07', provider: 'csv', data_dir: market.dir, seed: 42 },
      { settings: settings() },
    );
    expect(covered.warnings).toEqual([]);
  });
});

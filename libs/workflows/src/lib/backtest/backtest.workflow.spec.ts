import { parseSettings } from '@aetherquant/core';
import { type Database, openDatabase } from '@aetherquant/persistence';
import { backtestStrategy } from '@aetherquant/backtest';
import { CsvProvider } from '@aetherquant/data';
import { maCrossStrategy } from '@aetherquant/strategies';
import { describeWithMarketData } from '@aetherquant/testing';
import { headlineFigures } from './backtest-report';
import { runWorkflow } from '../workflow/workflow';
import { backtestWorkflow } from './backtest.workflow';

const settings = (env: Record<string, string> = {}) =>
  parseSettings({ AETHERQ_DATABASE_URL: 'none', AETHERQ_CACHE_DIR: 'none', ...env }).settings;
// Monday 2024-06-03, noon UTC: synthetic history ends on Friday 2024-05-31.
const now = () => Date.UTC(2024, 5, 3, 12);

describeWithMarketData('backtest golden test: SPY 2010–2019, ma-cross 20/50, 1 bps commission', (market) => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase('sqlite::memory:');
  });
  afterAll(() => database.close());

  it('warms ma-cross up on the 49 bars before 2010, so its figures cover exactly 2010–2019, and records the run', async () => {
    const report = await runWorkflow(
      backtestWorkflow,
      {
        symbol: 'SPY',
        provider: 'csv',
        data_dir: market.dir,
        start: '2010-01-01',
        end: '2019-12-31',
        strategy: 'ma-cross',
        params: { fast: 20, slow: 50 },
        commission_bps: 1,
        slippage_bps: 0,
        initial_cash: 100000,
      },
      { context: { settings: settings(), database } },
    );
    expect(report).toMatchObject({
      symbol: 'SPY',
      rows: 2516,
      // The seed sat flat for the first 49 bars of the window (4 January to 15 March 2010) while its
      // averages filled; with the 49 bars of October–December 2009 loaded before the window, ma-cross holds
      // its target from 4 January on, so its figures
      // differ from the seed's (sharpe 0.010916, annual −0.008997, final 91,371.38: see the engine's own
      // check below, on the window's bars alone) ...
      sharpe: -0.088108,
      max_drawdown: -0.434251,
      annual_return: -0.023535,
      final_equity: 78829.41,
      // ... and buy-and-hold, over the same window, is the seed's to the last decimal.
      benchmark_sharpe: 0.922059,
      benchmark_annual_return: 0.132669,
      benchmark_max_drawdown: -0.193489,
      benchmark_final_equity: 346875.08,
      excess_annual_return: -0.156204,
      provider: 'csv',
      strategy: 'ma-cross',
      params: { fast: 20, slow: 50 },
      first: '2010-01-04',
      last: '2019-12-31',
      warmup_bars: 49,
    });
    expect(report.warnings).toBeUndefined();
    expect(report.run_id).toMatch(/^[0-9a-f-]{36}$/);
    const recorded = await database.runs.get(report.run_id as string);
    expect(recorded).toMatchObject({ type: 'backtest', symbols: ['SPY'], interval: '1d' });
    // The recorded span is the requested window, not the warm-up.
    expect(recorded.start?.toISOString().slice(0, 10)).toBe('2010-01-04');
    expect(recorded.end?.toISOString().slice(0, 10)).toBe('2019-12-31');
    expect(recorded.finalEquity).toBeCloseTo(78829.41, 2); // unrounded in the database
    expect(recorded.metrics['sharpe']).toBe(-0.088108);
    expect(recorded.result).toMatchObject({ sharpe: -0.088108, final_equity: 78829.41, warmup_bars: 49 });
  });

  it('still reproduces the seed’s figures when the engine is given the window’s bars alone (no warm-up)', async () => {
    const bars = await new CsvProvider({ dataDir: market.dir }).getBars({
      symbol: 'SPY',
      start: '2010-01-01',
      end: '2019-12-31',
    });
    const costs = { initialCash: 100000, commissionBps: 1, slippageBps: 0 };
    const seed = backtestStrategy(bars, maCrossStrategy, { fast: 20, slow: 50 }, costs);
    expect(headlineFigures(seed)).toMatchObject({
      sharpe: 0.010916,
      max_drawdown: -0.390244,
      annual_return: -0.008997,
      final_equity: 91371.38,
      // −0.0089974088 − 0.1326694538 = −0.1416668626: subtracted before rounding, so −0.141667 (not the
      // −0.141666 that subtracting the rounded figures would give).
      excess_annual_return: -0.141667,
    });
    expect(seed.warmupBars).toBe(0);
    expect(seed.targets.subarray(0, 49).every((target) => target === 0)).toBe(true);
  });
});

describe('backtestWorkflow', () => {
  it('needs the backtest permission', () => {
    expect(backtestWorkflow.useCase.permission).toBe('backtest');
  });

  it('takes the symbol, costs and cash from the settings when the request leaves them out', async () => {
    const report = await runWorkflow(
      backtestWorkflow,
      { provider: 'synthetic', period: '2y', strategy: 'buy-and-hold' },
      {
        context: {
          settings: settings({
            AETHERQ_DEFAULT_SYMBOL: 'QQQ',
            AETHERQ_INITIAL_CASH: '5000',
            AETHERQ_COMMISSION_BPS: '0',
            AETHERQ_SLIPPAGE_BPS: '0',
          }),
          now,
        },
      },
    );
    expect(report.symbol).toBe('QQQ');
    expect(report.provider).toBe('synthetic');
    expect(report.run_id).toBeUndefined(); // persistence is off
    // Buy-and-hold without costs is the benchmark itself.
    expect(report.final_equity).toBe(report.benchmark_final_equity);
    expect(report.sharpe).toBe(report.benchmark_sharpe);
  });

  it.each([
    [{ strategy: 'magic' }, 'strategy must be one of'],
    [{ params: { fast: 50, slow: 20 } }, 'fast must be less than slow'],
    [{ commission_bps: -1 }, 'commission_bps must be at least 0'],
    // Warm-up bars are loaded before the window, so only a window too short to earn one return fails: one
    // bar (49 warm-up + 1 = 50 bars, one short of the 51 ma-cross 20/50 needs). A month now runs.
    [
      { start: '2024-05-31', end: '2024-05-31', params: { fast: 20, slow: 50 } },
      'bars must number at least 51',
    ],
  ])('refuses %j with a clear message', async (request, message) => {
    await expect(
      runWorkflow(
        backtestWorkflow,
        { symbol: 'SPY', provider: 'synthetic', ...request },
        { context: { settings: settings(), now } },
      ),
    ).rejects.toThrow(message);
  });
});

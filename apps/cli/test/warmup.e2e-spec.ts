import { describeWithMarketData } from '@aetherquant/testing';
import { runCli, scratchDir } from './run-cli';

const offline = { AETHERQ_CACHE_DIR: 'none', AETHERQ_DATABASE_URL: 'none' };

// The bars a strategy needs before its window are loaded ahead of it: the built binary, on the real SPY
// file (csv periods count back from its last bar, 2025-03-07, so these windows are fixed).
describeWithMarketData(
  'aetherquant backtest loads warm-up bars before the window (built binary)',
  (market) => {
    const backtest = (...args: string[]) => {
      const run = runCli(
        [
          'backtest',
          '--symbol',
          'SPY',
          '--provider',
          'csv',
          '--data-dir',
          market.dir,
          '--commission-bps',
          '1',
          '--slippage-bps',
          '0',
          '--initial-cash',
          '100000',
          ...args,
        ],
        { cwd: scratchDir(), env: offline },
      );
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      return JSON.parse(run.stdout);
    };

    it('--period ytd with the default ma-cross 20/50 runs (it used to fail: bars must number at least 51)', () => {
      const report = backtest('--period', 'ytd');
      expect(report).toMatchObject({
        params: { fast: 20, slow: 50 },
        first: '2025-01-02',
        last: '2025-03-07',
        warmup_bars: 49,
      });
      // Ready on the first requested bar: in the market on every bar of the window.
      expect(report.metrics.exposure).toBe(1);
      expect(report.warnings).toBeUndefined();
    });

    it('--period 1y --fast 50 --slow 200 is invested from the first bar (it used to sit flat for 199 bars)', () => {
      const report = backtest('--period', '1y', '--fast', '50', '--slow', '200');
      expect(report).toMatchObject({ rows: 250, first: '2024-03-08', last: '2025-03-07', warmup_bars: 199 });
      expect(report.metrics.exposure).toBe(1);
      // It holds a position from the first bar, so at least one trade, and it pays to enter on that bar.
      expect(report.trades).toBeGreaterThanOrEqual(1);
    });

    it('--start/--end: the report covers exactly the dates asked, with the warm-up said', () => {
      const report = backtest('--start', '2015-01-01', '--end', '2015-12-31');
      expect(report).toMatchObject({ first: '2015-01-02', last: '2015-12-31', rows: 252, warmup_bars: 49 });
      expect(report.metrics.exposure).toBe(1);
    });

    it('--start at the file’s first bar: a warning names the first ready bar, and the run does not fail', () => {
      const report = backtest('--start', '1999-12-31', '--end', '2000-12-31');
      // No bar before 1999-12-31: ma-cross 20/50 is ready on the window's 50th bar.
      expect(report).toMatchObject({ first: '1999-12-31', warmup_bars: 0 });
      expect(report.warnings).toEqual([
        expect.stringContaining(
          'SPY 1d: ma-cross needs 49 warm-up bars before 1999-12-31 but the data holds none; the strategy is ready from 2000-03-13',
        ),
      ]);
    });

    it('sweep: every combination covers the window, with the largest warm-up loaded once', () => {
      const run = runCli(
        [
          'sweep',
          '--symbol',
          'SPY',
          '--provider',
          'csv',
          '--data-dir',
          market.dir,
          '--start',
          '2019-01-01',
          '--end',
          '2019-12-31',
          '--fast',
          '10,20',
          '--slow',
          '50,150',
        ],
        { cwd: scratchDir(), env: offline },
      );
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const report = JSON.parse(run.stdout);
      expect(report).toMatchObject({
        first: '2019-01-02',
        last: '2019-12-31',
        warmup_bars: 149,
        evaluated: 4,
      });
    });
  },
);

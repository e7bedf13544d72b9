import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeWithMarketData } from '@aetherquant/testing';
import { runCli } from './run-cli';

const offline = { AETHERQ_CACHE_DIR: 'none', AETHERQ_DATABASE_URL: 'none' };

/** Adjusted closes by date from a csv file, read without any AetherQuant code. */
function adjustedCloses(file: string): Map<string, number> {
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  const header = (lines[0] as string).split(',');
  const date = header.indexOf('date');
  const adjusted = header.indexOf('adj_close');
  return new Map(
    lines.slice(1).map((line) => {
      const cells = line.split(',');
      return [cells[date] as string, Number(cells[adjusted])];
    }),
  );
}

/**
 * ma-cross fast/slow run on each symbol in equal sleeves (1/N each, so a rebalance changes nothing), computed
 * independently: common dates, SMAs by plain sums, +1 above / −1 below / 0 equal or undefined, warmed up on
 * exactly slow − 1 common bars before the window; position_i = target_i / N, the engine's equations with
 * costs on Σ|Δ position|.
 */
function independentMaCrossSleeves(
  dir: string,
  symbols: string[],
  {
    start,
    end,
    fast,
    slow,
    cost,
    cash,
  }: Record<'start' | 'end', string> & Record<'fast' | 'slow' | 'cost' | 'cash', number>,
) {
  const closes = symbols.map((symbol) => adjustedCloses(join(dir, `${symbol}.csv`)));
  const dates = [...(closes[0] as Map<string, number>).keys()].filter(
    (d) => d <= end && closes.every((c) => c.has(d)),
  );
  const first = dates.findIndex((d) => d >= start);
  const days = dates.slice(first - (slow - 1));
  const price = (i: number, t: number) => (closes[i] as Map<string, number>).get(days[t] as string) as number;
  const mean = (i: number, t: number, window: number) => {
    let sum = 0;
    for (let s = t - window + 1; s <= t; s++) sum += price(i, s);
    return sum / window;
  };
  const target = (i: number, t: number) => {
    if (t < slow - 1) return 0;
    const difference = mean(i, t, fast) - mean(i, t, slow);
    return difference > 0 ? 1 : difference < 0 ? -1 : 0;
  };
  const n = days.length - (slow - 1);
  const position = (i: number, s: number) => target(i, s + slow - 1) / symbols.length;
  let equity = cash * (1 - symbols.reduce((sum, _, i) => sum + Math.abs(position(i, 0)), 0) * cost);
  const curve = [equity];
  for (let s = 1; s < n; s++) {
    const t = s + slow - 1;
    let gain = 0;
    let traded = 0;
    for (let i = 0; i < symbols.length; i++) {
      gain += position(i, s - 1) * (price(i, t) / price(i, t - 1) - 1);
      traded += Math.abs(position(i, s) - position(i, s - 1));
    }
    equity *= 1 + gain - traded * cost;
    curve.push(equity);
  }
  return {
    rows: n,
    first: days[slow - 1],
    finalEquity: equity,
    annualReturn: (equity / (curve[0] as number)) ** (252 / n) - 1,
  };
}

describeWithMarketData(
  'aetherquant backtest --symbols with a strategy (built binary, real ETF files)',
  (market) => {
    const window = ['--provider', 'csv', '--start', '2012-01-01', '--end', '2019-12-31'];
    const costs = ['--commission-bps', '1', '--slippage-bps', '1', '--initial-cash', '100000'];

    it('runs ma-cross on each symbol in equal sleeves, as an independent computation from the csv files finds', () => {
      const run = runCli(
        [
          'backtest',
          '--symbols',
          'SPY,TLT,GLD',
          '--strategy',
          'ma-cross',
          '--fast',
          '20',
          '--slow',
          '50',
          '--allocation',
          'equal-weight',
          '--data-dir',
          market.dir,
          ...window,
          ...costs,
        ],
        { env: offline },
      );
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const report = JSON.parse(run.stdout);
      const expected = independentMaCrossSleeves(market.dir, ['SPY', 'TLT', 'GLD'], {
        start: '2012-01-01',
        end: '2019-12-31',
        fast: 20,
        slow: 50,
        cost: 2 / 10_000,
        cash: 100_000,
      });
      expect(report).toMatchObject({
        symbols: ['SPY', 'TLT', 'GLD'],
        rows: expected.rows,
        first: expected.first,
        last: '2019-12-31',
        strategy: 'ma-cross',
        universe: 'sleeves',
        params: { fast: 20, slow: 50 },
        warmup_bars: 49,
        allocation: 'equal-weight',
        rebalance: 'monthly',
        weights: { SPY: 0.333333, TLT: 0.333333, GLD: 0.333333 },
      });
      expect(report.final_equity).toBeCloseTo(expected.finalEquity, 2);
      expect(report.annual_return).toBeCloseTo(expected.annualReturn, 6);
      expect(Object.keys(report.per_symbol)).toEqual(['SPY', 'TLT', 'GLD']);
      expect(report.weight_history).toHaveLength(report.rebalances);

      // Each sleeve's standalone figures are the single-symbol backtest's over the same window.
      const spy = JSON.parse(
        runCli(
          [
            'backtest',
            '--symbol',
            'SPY',
            '--fast',
            '20',
            '--slow',
            '50',
            '--data-dir',
            market.dir,
            ...window,
            ...costs,
          ],
          { env: offline },
        ).stdout,
      );
      expect(report.per_symbol.SPY).toEqual({
        annual_return: spy.annual_return,
        max_drawdown: spy.max_drawdown,
        sharpe: spy.sharpe,
        final_equity: spy.final_equity,
        trades: spy.trades,
        metrics: spy.metrics,
      });
    });

    it('runs the top-momentum universe strategy (figures checked independently by the workflow golden test)', () => {
      const run = runCli(
        [
          'backtest',
          '--symbols',
          'SPY,QQQ,TLT,GLD,EFA',
          '--strategy',
          'top-momentum',
          '--param',
          'k=2',
          '--data-dir',
          market.dir,
          ...window,
          ...costs,
        ],
        { env: offline },
      );
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const report = JSON.parse(run.stdout);
      expect(report).toMatchObject({
        strategy: 'top-momentum',
        universe: 'cross-sectional',
        params: { k: 2, lookback: 252, skip: 21 },
        warmup_bars: 252,
        first: '2012-01-03',
        last: '2019-12-31',
        final_equity: 220156.94,
        annual_return: 0.10392,
        sharpe: 0.82633,
      });
      expect(report.allocation).toBeUndefined();
    });

    it('refuses --symbol with a universe, and strategy parameters without a strategy', () => {
      const both = runCli(['backtest', '--symbols', 'SPY,TLT', '--symbol', 'SPY', '--strategy', 'momentum'], {
        env: offline,
      });
      expect(both.status).toBe(2);
      expect(both.stderr).toContain('--symbols cannot be combined with --symbol');
      const params = runCli(['backtest', '--symbols', 'SPY,TLT', '--param', 'lookback=5'], { env: offline });
      expect(params.status).toBe(2);
      expect(params.stderr).toContain('--symbols cannot be combined with --param without --strategy');
    });
  },
);

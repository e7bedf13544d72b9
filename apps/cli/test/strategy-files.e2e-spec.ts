import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeWithMarketData } from '@aetherquant/testing';
import { type CliRun, runCli, scratchDir, WORKSPACE_ROOT } from './run-cli';

// A quant's own strategy, run by the built binary: a TypeScript file in a folder outside the repository, with
// no node_modules and no build step, importing only the published packages. Its figures are recomputed here
// from the CSV file with no AetherQuant code at all.

const TREND = `
import { sma, smaWarmup } from '@aetherquant/indicators';
import { defineStrategy, type StrategyParameters } from '@aetherquant/strategies';

/** Long while the close is above its lookback-bar simple average. */
export default defineStrategy({
  name: 'above-average',
  description: 'Long while the close is above its simple moving average.',
  parameters: [{ name: 'lookback', description: 'Bars averaged.', kind: 'integer', default: 50, min: 2, max: 400 }],
  contractParameterSets: [{ lookback: 2 }],
  warmupBars: ({ lookback }: StrategyParameters) => smaWarmup(lookback),
  compute(series, { lookback }, target) {
    const average = sma(series.close, lookback);
    for (let t = 0; t < series.length; t++) {
      target[t] = t >= lookback - 1 && (series.close[t] as number) > (average[t] as number) ? 1 : 0;
    }
  },
});
`;

/** The same rule deciding on the next close: what strategy check must catch. */
const PEEKING = TREND.replace("'above-average'", "'peeking'").replace(
  '(series.close[t] as number) > (average[t] as number)',
  '(series.close[t + 1] ?? 0) > (series.close[t] as number)',
);

const ZERO_COSTS = ['--commission-bps', '0', '--slippage-bps', '0'];
const json = (run: CliRun) => {
  if (run.status !== 0) throw new Error(`exit ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout);
};

interface Rows {
  date: string[];
  close: number[];
}

/** The CSV's dates and adjusted closes (the provider's default prices), parsed by hand. */
function readRows(file: string): Rows {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const columns = (header as string).split(',');
  const dateAt = columns.indexOf('date');
  const closeAt = columns.indexOf('adj_close');
  const rows = lines.map((line) => line.split(','));
  return { date: rows.map((row) => row[dateAt] as string), close: rows.map((row) => Number(row[closeAt])) };
}

/** Long (1) where the close is above the naive mean of the last `lookback` closes, else 0. */
function independentTargets(close: number[], lookback: number): number[] {
  return close.map((price, t) => {
    if (t < lookback - 1) return 0;
    let sum = 0;
    for (let k = t - lookback + 1; k <= t; k++) sum += close[k] as number;
    return price > sum / lookback ? 1 : 0;
  });
}

/** Equity with no costs from the first bar on or after `start` to the last on or before `end`. */
function independentEquity(rows: Rows, targets: number[], start: string, end: string) {
  const first = rows.date.findIndex((date) => date >= start);
  const last = rows.date.findLastIndex((date) => date <= end);
  let equity = 100_000;
  for (let t = first + 1; t <= last; t++) {
    equity *=
      1 + (targets[t - 1] as number) * ((rows.close[t] as number) / (rows.close[t - 1] as number) - 1);
  }
  return { equity, first, last, exposureOnFirstBar: targets[first] as number };
}

describeWithMarketData('a strategy file of ones own, from the built CLI (real SPY file)', (market) => {
  let dir: string;
  let rows: Rows;
  const window = ['--start', '2015-01-01', '--end', '2019-12-31'];
  const csv = () => ['--symbol', 'SPY', '--provider', 'csv', '--data-dir', market.dir];
  const cli = (args: string[], env: Record<string, string> = {}) =>
    runCli(args, { cwd: dir, env: { AETHERQ_DATABASE_URL: 'none', AETHERQ_CACHE_DIR: 'none', ...env } });

  beforeAll(() => {
    dir = scratchDir();
    mkdirSync(join(dir, 'strategies'));
    writeFileSync(join(dir, 'strategies/above-average.ts'), TREND);
    writeFileSync(join(dir, 'strategies/peeking.ts'), PEEKING);
    rows = readRows(market.file('SPY'));
  });

  it('backtests it to the figures an independent computation gives, warm-up loaded before the window', () => {
    const report = json(
      cli([
        'backtest',
        ...csv(),
        ...window,
        ...ZERO_COSTS,
        '--strategy-file',
        'strategies/above-average.ts',
        '--param',
        'lookback=100',
      ]),
    );
    const expected = independentEquity(rows, independentTargets(rows.close, 100), '2015-01-01', '2019-12-31');
    expect(report).toMatchObject({
      strategy: 'above-average',
      params: { lookback: 100 },
      first: '2015-01-02',
      last: '2019-12-31',
    });
    expect(report.final_equity).toBeCloseTo(expected.equity, 2);
    expect(report.metrics.total_return).toBeCloseTo(expected.equity / 100_000 - 1, 6);
    expect(expected.exposureOnFirstBar).toBe(1);
  });

  it('sweeps it: every cell equals its independent computation', () => {
    const report = json(
      cli([
        'sweep',
        ...csv(),
        ...window,
        ...ZERO_COSTS,
        '--strategy-file',
        'strategies/above-average.ts',
        '--param',
        'lookback=20,50,200',
      ]),
    );
    expect(report.strategy).toBe('above-average');
    const cells = report.results as {
      params: { lookback: number };
      total_return: number;
      final_equity?: number;
    }[];
    expect(cells.map((cell) => cell.params.lookback).sort((a, b) => a - b)).toEqual([20, 50, 200]);
    for (const cell of cells) {
      const expected = independentEquity(
        rows,
        independentTargets(rows.close, cell.params.lookback),
        '2015-01-01',
        '2019-12-31',
      );
      expect(cell.total_return).toBeCloseTo(expected.equity / 100_000 - 1, 6);
    }
  });

  it('paper-trades it: an order wherever the independent targets change, in whole shares at the close', () => {
    const report = json(
      cli(
        [
          'papertrade',
          ...csv(),
          ...window,
          ...ZERO_COSTS,
          '--strategy-file',
          'strategies/above-average.ts',
          '--param',
          'lookback=100',
        ],
        {
          AETHERQ_MAX_ORDER_NOTIONAL: '1000000000',
          AETHERQ_MAX_POSITION_PCT: '100',
        },
      ),
    );
    const targets = independentTargets(rows.close, 100);
    const { first, last } = independentEquity(rows, targets, '2015-01-01', '2019-12-31');
    let cash = 100_000;
    let shares = 0;
    const orders: { time: string; side: string; quantity: number }[] = [];
    for (let t = first; t <= last; t++) {
      const price = rows.close[t] as number;
      const wanted = Math.floor(((cash + shares * price) * (targets[t] as number)) / price);
      if (wanted === shares) continue;
      orders.push({
        time: rows.date[t] as string,
        side: wanted > shares ? 'buy' : 'sell',
        quantity: Math.abs(wanted - shares),
      });
      cash -= (wanted - shares) * price;
      shares = wanted;
    }
    expect(report.strategy).toBe('above-average');
    expect(
      report.orders.map((o: { time: string; side: string; quantity: number }) => ({
        time: o.time,
        side: o.side,
        quantity: o.quantity,
      })),
    ).toEqual(orders);
    expect(report.final_equity).toBeCloseTo(cash + shares * (rows.close[last] as number), 2);
  });

  it('strategy check passes the clean file and flags the look-ahead one (exit 2)', () => {
    const clean = cli(['strategy', 'check', 'strategies/above-average.ts']);
    expect(clean.status).toBe(0);
    expect(clean.stdout).toMatch(/^above-average \(.*strategies\/above-average\.ts\): passed/);
    for (const property of ['parameters', 'bounds', 'warm-up', 'determinism', 'no-look-ahead']) {
      expect(clean.stdout).toMatch(new RegExp(`^  ✓ ${property} `, 'm'));
    }
    const peeking = cli(['strategy', 'check', 'strategies/peeking.ts']);
    expect(peeking.status).toBe(2);
    expect(peeking.stdout).toMatch(/^peeking \(.*\): FAILED/);
    expect(peeking.stdout).toMatch(
      /^ {2}✗ no-look-ahead +target\[\d+\] is [01] on \d+ bars but [01] when the bars after \d+ are removed/m,
    );
    expect(peeking.stdout).toMatch(/^ {2}✓ bounds /m);
    expect(peeking.stderr).toMatch(
      /^error: strategy check: .*peeking\.ts must pass the strategy contract: peeking breaks no-look-ahead\n$/,
    );
    const asJson = cli(['strategy', 'check', 'strategies/peeking.ts', '--json']);
    expect(asJson.status).toBe(2);
    expect(
      JSON.parse(asJson.stdout).error.details.checks[0].verdicts.find(
        (v: { property: string }) => v.property === 'no-look-ahead',
      ).passed,
    ).toBe(false);
  });
});

/** A cross-sectional strategy file: every symbol held at 1/N, once `delay` bars have passed. */
const EQUAL_UNIVERSE = `
import { defineUniverseStrategy } from '@aetherquant/strategies';

export default defineUniverseStrategy({
  name: 'equal-universe',
  description: 'Holds every symbol at 1/N once delay bars have passed.',
  parameters: [{ name: 'delay', description: 'Bars flat first.', kind: 'integer', default: 5, min: 0, max: 100 }],
  contractParameterSets: [{ delay: 0 }],
  warmupBars: ({ delay }) => delay,
  compute(universe, { delay }, targets) {
    const n = universe.length;
    for (let i = 0; i < n; i++) {
      const target = targets[i] as Float64Array;
      for (let t = 0; t < target.length; t++) target[t] = t < delay ? 0 : 1 / n;
    }
  },
});
`;

describeWithMarketData(
  'a universe strategy file of ones own, from the built CLI (real ETF files)',
  (market) => {
    it('is checked against the universe contract, and backtests to an independent computation', () => {
      const dir = scratchDir();
      writeFileSync(join(dir, 'equal-universe.ts'), EQUAL_UNIVERSE);
      const env = { AETHERQ_DATABASE_URL: 'none', AETHERQ_CACHE_DIR: 'none' };
      const check = runCli(['strategy', 'check', 'equal-universe.ts'], { cwd: dir, env });
      expect(check.status).toBe(0);
      expect(check.stdout).toMatch(
        /^equal-universe \(.*equal-universe\.ts\): passed — \d+ parameter sets, \d+ universes each/,
      );

      const args = ['backtest', '--symbols', 'SPY,TLT', '--provider', 'csv', '--data-dir', market.dir];
      const window = ['--start', '2015-01-01', '--end', '2016-12-31', ...ZERO_COSTS];
      const report = json(
        runCli([...args, ...window, '--strategy-file', 'equal-universe.ts'], { cwd: dir, env }),
      );
      expect(report).toMatchObject({
        strategy: 'equal-universe',
        universe: 'cross-sectional',
        params: { delay: 5 },
      });
      // Half of each, rebalanced to half each every bar: equity grows by the mean of the two returns.
      const spy = readRows(market.file('SPY'));
      const tlt = readRows(market.file('TLT'));
      const dates = spy.date.filter(
        (date) => date >= '2015-01-01' && date <= '2016-12-31' && tlt.date.includes(date),
      );
      let equity = 100_000;
      for (let k = 1; k < dates.length; k++) {
        const growth = (rows: Rows) => {
          const at = rows.date.indexOf(dates[k] as string);
          return (
            (rows.close[at] as number) / (rows.close[rows.date.indexOf(dates[k - 1] as string)] as number) - 1
          );
        };
        equity *= 1 + 0.5 * growth(spy) + 0.5 * growth(tlt);
      }
      expect(report.final_equity).toBeCloseTo(equity, 2);
    });
  },
);

describe('strategy files that fail, from the built CLI', () => {
  const dir = scratchDir();
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
  const cli = (args: string[]) =>
    runCli(args, {
      cwd: dir,
      env: { AETHERQ_DATABASE_URL: 'none', AETHERQ_CACHE_DIR: 'none', AETHERQ_DATA_PROVIDER: 'synthetic' },
    });
  const definition = (compute: string) =>
    `export default { name: 'faulty', description: 'Faulty.', parameters: [], warmupBars: () => 0, compute(series, parameters, target) { ${compute} } };`;

  it.each([
    [
      'does not load',
      'syntax.ts',
      'export default {',
      /^error: --strategy-file must name a module that loads: .*syntax\.ts failed with Error: ParseError: Unexpected token .*syntax\.ts:1:16\n$/,
    ],
    [
      'does not exist',
      'missing.ts',
      null,
      /^error: --strategy-file must name a file that exists \(got .*missing\.ts\)\n$/,
    ],
    [
      'exports something else',
      'other.mjs',
      'export default function strategy() {}',
      /^error: strategy module .*other\.mjs: default export must be a strategy made with defineStrategy/,
    ],
    [
      'throws',
      'throws.mjs',
      definition("throw new RangeError('bad index');"),
      /^error: strategy faulty \(.*throws\.mjs\): code must not throw \(threw RangeError: bad index\)\n$/,
    ],
    [
      'writes NaN',
      'nan.mjs',
      definition('target.fill(Number.NaN);'),
      /^error: strategy faulty \(.*nan\.mjs\): targets must be finite numbers in \[-1, 1\], each written by compute \(got NaN on bar 0, \d{4}-\d\d-\d\d: written as NaN, or never written\)\n$/,
    ],
    [
      'writes a target over 1',
      'over.mjs',
      definition('target.fill(2);'),
      /targets must be finite numbers in \[-1, 1\] \(got 2 on bar 0/,
    ],
  ])('a file that %s: a clear error naming it, exit 2, no stack trace', (_label, name, text, message) => {
    if (text !== null) write(name, text);
    const run = cli(['backtest', '--symbol', 'SPY', '--period', '1y', '--strategy-file', name]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("keeps the file's console output off standard output, so the result still parses", () => {
    write(
      'chatty.mjs',
      definition("console.log('computing', series.length); console.info('info'); target.fill(0);"),
    );
    const run = cli([
      'backtest',
      '--symbol',
      'SPY',
      '--period',
      '1y',
      '--strategy-file',
      'chatty.mjs',
      '--json',
    ]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ strategy: 'faulty' });
    expect(run.stderr).toContain('computing');
  });

  it('is never sent to a server or a queue', () => {
    write('flat.mjs', definition('target.fill(0);'));
    const remote = cli(['backtest', '--strategy-file', 'flat.mjs', '--api-url', 'http://127.0.0.1:9']);
    expect(remote.status).toBe(2);
    expect(remote.stderr).toContain(
      'error: --strategy-file runs in this process only: an API server never takes code from a client',
    );
    const detached = cli(['sweep', '--strategy-file', 'flat.mjs', '--detach']);
    expect(detached.status).toBe(2);
    expect(detached.stderr).toContain('error: --strategy-file cannot be submitted as a job');
  });
});

describe('aetherquant strategy new, then list, check, backtest and its own spec', () => {
  it('scaffolds a strategy that passes its check, backtests, and whose spec passes', () => {
    const dir = scratchDir();
    const env = {
      AETHERQ_DATABASE_URL: 'none',
      AETHERQ_CACHE_DIR: 'none',
      AETHERQ_DATA_PROVIDER: 'synthetic',
    };
    const made = runCli(['strategy', 'new', 'trend-rsi', '--dir', 'strategies'], { cwd: dir, env });
    expect(made.status).toBe(0);
    expect(readFileSync(join(dir, 'strategies/README.md'), 'utf8')).toMatch(
      /^# Strategies\n\n- `trend-rsi` \(`trend-rsi\.strategy\.ts`\)/,
    );
    expect(runCli(['strategy', 'new', 'trend-rsi', '--dir', 'strategies'], { cwd: dir, env }).status).toBe(
      10,
    );
    expect(runCli(['strategy', 'new', 'Trend_RSI'], { cwd: dir, env }).stderr).toContain(
      'NAME must be lower-case words joined by hyphens',
    );

    const check = runCli(['strategy', 'check', 'strategies/trend-rsi.strategy.ts'], { cwd: dir, env });
    expect(check.status).toBe(0);
    const report = json(
      runCli(
        [
          'backtest',
          '--symbol',
          'SPY',
          '--period',
          '2y',
          '--strategy-file',
          'strategies/trend-rsi.strategy.ts',
        ],
        { cwd: dir, env },
      ),
    );
    expect(report).toMatchObject({
      strategy: 'trend-rsi',
      params: { trend: 50, period: 14, overbought: 70 },
    });

    const listed = json(
      runCli(['strategy', 'list', '--json'], {
        cwd: dir,
        env: { ...env, AETHERQ_STRATEGY_PATHS: 'strategies/trend-rsi.strategy.ts' },
      }),
    );
    const rows = (listed.strategies as { name: string; kind: string; source: string }[]).map((s) => [
      s.name,
      s.kind,
      s.source,
    ]);
    expect(rows.slice(-3)).toEqual([
      ['momentum', 'single-asset', 'built-in'],
      ['trend-rsi', 'single-asset', join(dir, 'strategies/trend-rsi.strategy.ts')],
      ['top-momentum', 'universe', 'built-in'],
    ]);

    // The spec runs as its README line says, where the packages are installed (linked here to this workspace's).
    mkdirSync(join(dir, 'node_modules/@aetherquant'), { recursive: true });
    for (const name of ['core', 'strategies', 'indicators']) {
      symlinkSync(join(WORKSPACE_ROOT, 'libs', name), join(dir, 'node_modules/@aetherquant', name));
    }
    const spec = spawnSync(
      process.execPath,
      [join(WORKSPACE_ROOT, 'node_modules/jiti/lib/jiti-cli.mjs'), 'strategies/trend-rsi.strategy.spec.ts'],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    expect(spec.stdout).toContain('# pass 3\n# fail 0');
    expect(spec.status).toBe(0);
  });
});

import { AetherError, BarSeries, DAY_MS, formatIsoDate, parsePeriod } from '@aetherquant/core';
import { maCrossStrategy } from '@aetherquant/strategies';
import { rejection } from '@aetherquant/testing';
import { dailyBars, randomWalk } from '../../testing/series';
import { buyAndHoldEquity } from '../engine/buy-and-hold';
import { runBacktest } from '../engine/vectorised-backtest';
import { runSweep } from '../sweep/run-sweep';
import { gridWarmupBars } from '../sweep/parameter-grid';
import { runWalkForward, walkForwardWindows, type WalkForwardResult } from './walk-forward';

const date = (time: number) => formatIsoDate(time);
const noCosts = { initialCash: 10_000, commissionBps: 0, slippageBps: 0 };
const costs = { initialCash: 10_000, commissionBps: 5, slippageBps: 5 };

describe('walkForwardWindows', () => {
  // 2021-01-01 … 2021-08-31: 243 calendar days.
  const year = dailyBars(
    Array.from({ length: 243 }, (_, i) => 100 + i),
    '2021-01-01',
    'CAL',
  );

  it('starts testing one train period after the first bar, then rolls test window by test window', () => {
    const spans = walkForwardWindows(year, '1mo', '1mo');
    const at = (index: number) => date(year.time[index] as number);
    expect(spans.map((span) => [at(span.trainFrom), at(span.testFrom), at(span.testTo - 1)])).toEqual([
      ['2021-01-01', '2021-02-01', '2021-02-28'],
      ['2021-02-01', '2021-03-01', '2021-03-31'],
      ['2021-03-01', '2021-04-01', '2021-04-30'],
      ['2021-04-01', '2021-05-01', '2021-05-31'],
      ['2021-05-01', '2021-06-01', '2021-06-30'],
      ['2021-06-01', '2021-07-01', '2021-07-31'],
      // The last window is partial (no bar reaches 2021-09-01) and kept: 31 bars.
      ['2021-07-01', '2021-08-01', '2021-08-31'],
    ]);
    // Contiguous: each test window starts where the previous one ended; the last ends at the last bar.
    for (let k = 1; k < spans.length; k++) expect(spans[k]?.testFrom).toBe(spans[k - 1]?.testTo);
    expect(spans[spans.length - 1]?.testTo).toBe(year.length);
  });

  it('rolls a fixed-length train window (not anchored) and takes periods as Period values', () => {
    const spans = walkForwardWindows(year, parsePeriod('2mo'), parsePeriod('3mo'));
    const at = (index: number) => date(year.time[index] as number);
    expect(spans.map((span) => [at(span.trainFrom), at(span.testFrom), at(span.testTo - 1)])).toEqual([
      ['2021-01-01', '2021-03-01', '2021-05-31'],
      ['2021-04-01', '2021-06-01', '2021-08-31'], // partial: 2021-09-01 is past the end
    ]);
  });

  it('drops a final partial test window of a single bar', () => {
    const toAugustFirst = year.slice(0, 213); // 2021-01-01 … 2021-08-01
    const spans = walkForwardWindows(toAugustFirst, '1mo', '1mo');
    expect(date(toAugustFirst.time[(spans[spans.length - 1]?.testTo as number) - 1] as number)).toBe(
      '2021-07-31',
    );
    expect(spans).toHaveLength(6);
  });

  it('refuses too little history for one train and test window, with the numbers', () => {
    const short = randomWalk(300); // 2015-01-05 … 2016-02-26
    let error = (() => {
      try {
        walkForwardWindows(short, '3y', '1y');
      } catch (caught) {
        return caught as AetherError;
      }
      throw new Error('expected an error');
    })();
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.details?.violations?.map((violation) => violation.field)).toEqual(['train', 'test']);
    expect(error.message).toBe(
      'walk-forward WALK 1d: too little history for one train and test window: train is 3y, more than the history holds (300 bars from 2015-01-05 to 2016-02-26); test is 1y, and no bar is left for it after the first train window',
    );

    // One month of training leaves a single bar (2021-02-01): a test window needs 2.
    const february = dailyBars(
      Array.from({ length: 32 }, (_, i) => 100 + i),
      '2021-01-01',
      'CAL',
    );
    error = (() => {
      try {
        walkForwardWindows(february, '1mo', '1mo');
      } catch (caught) {
        return caught as AetherError;
      }
      throw new Error('expected an error');
    })();
    expect(error.details?.violations).toEqual([
      {
        field: 'train',
        rule: 'is 1mo: the first train window spans 2021-01-01 to 2021-01-31 (31 bars of 32 bars from 2021-01-01 to 2021-02-01)',
      },
      { field: 'test', rule: 'is 1mo, and needs at least 2 bars after the first train window (got 1)' },
    ]);
  });

  it('refuses periods that are not relative, and a test period shorter than the bars are apart', () => {
    expect(() => walkForwardWindows(year, 'max', 'ytd')).toThrow(
      'walk-forward: train must be a relative period such as 3y, 6mo, 12wk or 60d (got max); test must be a relative period such as 3y, 6mo, 12wk or 60d (got ytd)',
    );
    expect(() => walkForwardWindows(year, '3 years', '1y')).toThrow(
      /^walk-forward: train must be a positive count/,
    );
    expect(() => walkForwardWindows(year, '1mo', '1d')).toThrow(
      'walk-forward CAL 1d: test must span at least 2 bars per window (got 1d: the window from 2021-02-01 holds 1 bar)',
    );
  });
});

describe('runWalkForward', () => {
  it('picks the parameters that are best on each train window, known by construction', async () => {
    // January–April 2021: closes rise by 0.5 a day. Every pair is long once its slow average is defined,
    // so slow 3 (long from the third bar) earns the most; fast 1 and 2 tie and grid order picks fast 1.
    // From May: a zigzag 101, 99, 101, … Only (2, 3) is short at 101 and long at 99 (its fast average 100
    // against a slow one of 100.33 or 99.67), winning every bar; (1, 3) and (1, 4) lose, (2, 4) stays flat.
    const rising = Array.from({ length: 120 }, (_, i) => 100 + 0.5 * i);
    const zigzag = Array.from({ length: 123 }, (_, i) => (i % 2 === 0 ? 101 : 99));
    const series = dailyBars([...rising, ...zigzag], '2021-01-01', 'CAL');
    const result = await runWalkForward(
      series,
      maCrossStrategy,
      { fast: [1, 2], slow: [3, 4] },
      {
        ...noCosts,
        train: '1mo',
        test: '1mo',
        rankBy: 'total_return',
        workers: 1,
      },
    );
    expect(
      result.windows.map((window) => [date(window.trainStart), date(window.testStart), window.parameters]),
    ).toEqual([
      ['2021-01-01', '2021-02-01', { fast: 1, slow: 3 }],
      ['2021-02-01', '2021-03-01', { fast: 1, slow: 3 }],
      ['2021-03-01', '2021-04-01', { fast: 1, slow: 3 }],
      ['2021-04-01', '2021-05-01', { fast: 1, slow: 3 }],
      ['2021-05-01', '2021-06-01', { fast: 2, slow: 3 }],
      ['2021-06-01', '2021-07-01', { fast: 2, slow: 3 }],
      ['2021-07-01', '2021-08-01', { fast: 2, slow: 3 }],
    ]);
    // January's closes are 100 … 115; long from the third close (101): 115 / 101 − 1.
    expect(result.windows[0]?.trainScore).toBeCloseTo(115 / 101 - 1, 12);
    // Trading (2, 3) on the zigzag wins 2/99 or 2/101 on every bar of June after the first.
    expect(result.windows[5]?.testSummary.totalReturn).toBeGreaterThan(0.5);
    expect(result).toMatchObject({
      strategy: 'ma-cross',
      rankBy: 'total_return',
      train: '1mo',
      test: '1mo',
      combinations: 4,
    });
  });

  describe('on a random walk', () => {
    const series = randomWalk(1400, 11); // 2015-01-05 … 2020-05-11
    const grid = { fast: [5, 10, 20, 40], slow: [20, 50, 100] };
    const options = { ...costs, train: '2y', test: '6mo', rankBy: 'sharpe' as const, workers: 1 };
    let result: WalkForwardResult;
    beforeAll(async () => {
      result = await runWalkForward(series, maCrossStrategy, grid, options);
    });

    it('covers the out-of-sample bars exactly once, contiguously', () => {
      const first = series.firstIndexAtOrAfter(result.windows[0]?.testStart as number);
      expect(date(series.time[first] as number)).toBe('2017-01-05'); // two years after 2015-01-05
      expect(Array.from(result.time)).toEqual(Array.from(series.time.subarray(first)));
      expect(result.equity).toHaveLength(series.length - first);
      expect(result.benchmarkEquity).toHaveLength(series.length - first);
      expect(result.windows.length).toBe(7); // 2017-01-05 … 2020-05-11 in half years, the last partial
      let next = first;
      for (const window of result.windows) {
        const from = series.firstIndexAtOrAfter(window.testStart);
        const to = series.firstIndexAtOrAfter(window.testEnd) + 1;
        expect(from).toBe(next);
        expect(to - from).toBe(window.testBars);
        expect(series.time[from - 1]).toBe(window.trainEnd); // the train window ends right before
        expect(window.trainEnd - window.trainStart).toBeLessThanOrEqual(2 * 366 * DAY_MS);
        next = to;
      }
      expect(next).toBe(series.length);
    });

    it('chooses on train bars exactly what a sweep of those bars, warmed up on older bars, ranks first', async () => {
      const warmup = gridWarmupBars(maCrossStrategy, grid);
      for (const window of result.windows) {
        const trainFrom = series.firstIndexAtOrAfter(window.trainStart);
        const train = series.window(window.trainStart, window.trainEnd + 1);
        expect(train.length).toBe(window.trainBars);
        // The sweep of the train window, its warm-up taken from the bars before it (the older history).
        const from = Math.max(0, trainFrom - warmup);
        const sweep = await runSweep(series.slice(from, trainFrom + train.length), maCrossStrategy, grid, {
          ...costs,
          rankBy: 'sharpe',
          workers: 1,
          top: 1,
          windowStart: trainFrom - from,
        });
        expect([date(window.testStart), window.parameters, window.trainScore]).toEqual([
          date(window.testStart),
          sweep.results[0]?.parameters,
          sweep.results[0]?.sharpe,
        ]);
      }
      // The choice changes across windows, or this test would prove little.
      expect(new Set(result.windows.map((window) => JSON.stringify(window.parameters))).size).toBeGreaterThan(
        1,
      );
    });

    it('trades each choice on its test window entering flat, and chains the equity', () => {
      let cash = costs.initialCash;
      for (const window of result.windows) {
        const from = series.firstIndexAtOrAfter(window.testStart);
        const to = from + window.testBars;
        // Targets from `warmupBars` before the window (older bars) to its end; the engine on its bars alone.
        const warmup = maCrossStrategy.warmupBars(window.parameters);
        const targets = maCrossStrategy
          .targets(series.slice(from - warmup, to), window.parameters)
          .subarray(warmup);
        const expected = runBacktest(series.slice(from, to), targets, { ...costs, initialCash: cash });
        const offset = from - (series.length - result.equity.length);
        expect(Array.from(result.equity.subarray(offset, offset + window.testBars))).toEqual(
          Array.from(expected.equity),
        );
        expect(Array.from(result.targets.subarray(offset, offset + window.testBars))).toEqual(
          Array.from(targets),
        );
        // Entering flat: the first target pays its whole turnover.
        expect(result.equity[offset]).toBeCloseTo(cash * (1 - Math.abs(targets[0] as number) * 0.001), 9);
        expect(window.startEquity).toBe(cash);
        expect(window.testSummary).toEqual({
          annualReturn: expected.summary.annualReturn,
          sharpe: expected.summary.sharpe,
          maxDrawdown: expected.summary.maxDrawdown,
          totalReturn: expected.summary.totalReturn,
        });
        cash = window.endEquity;
      }
      const product = result.windows.reduce(
        (value, window) => value * (window.endEquity / window.startEquity),
        costs.initialCash,
      );
      expect(result.equity[result.equity.length - 1]).toBeCloseTo(product, 6);
      expect(result.summary.totalReturn).toBeCloseTo(
        (result.equity[result.equity.length - 1] as number) / (result.equity[0] as number) - 1,
        12,
      );
    });

    it('benchmarks buy-and-hold over the same bars', () => {
      const first = series.length - result.equity.length;
      result.benchmarkEquity.forEach((value, j) => {
        expect(value).toBeCloseTo(
          (costs.initialCash * (series.close[first + j] as number)) / (series.close[first] as number),
          6,
        );
      });
      expect(result.benchmark.totalReturn).toBeCloseTo(
        (series.close[series.length - 1] as number) / (series.close[first] as number) - 1,
        12,
      );
      expect(result.summary.beta).not.toBeNull();
    });

    it('never lets a test window influence its own choice', async () => {
      // Reverse every move from window 3's first test bar on (prices fall where they rose): the windows up to
      // 3 must choose exactly as before, and the later ones see the new history.
      const k = 3;
      const from = series.firstIndexAtOrAfter(result.windows[k]?.testStart as number);
      const close = Float64Array.from(series.close);
      for (let t = from; t < series.length; t++) {
        close[t] = (close[t - 1] as number) * ((series.close[t - 1] as number) / (series.close[t] as number));
      }
      const changed = new BarSeries({
        ...series,
        interval: '1d',
        open: close,
        high: close,
        low: close,
        close,
      });
      const again = await runWalkForward(changed, maCrossStrategy, grid, options);
      expect(again.windows.slice(0, k + 1).map((window) => [window.parameters, window.trainScore])).toEqual(
        result.windows.slice(0, k + 1).map((window) => [window.parameters, window.trainScore]),
      );
      expect(again.windows[k]?.testSummary).not.toEqual(result.windows[k]?.testSummary);
      expect(again.windows.slice(k + 1).map((window) => window.trainScore)).not.toEqual(
        result.windows.slice(k + 1).map((window) => window.trainScore),
      );
    });

    it('gives the same result on worker threads, and reports progress over every window', async () => {
      const calls: [number, number][] = [];
      const threaded = await runWalkForward(series, maCrossStrategy, grid, {
        ...options,
        workers: 2,
        onProgress: (done, total) => calls.push([done, total]),
      });
      expect(threaded.workers).toBe(2);
      expect({ ...threaded, workers: 1 }).toEqual(result);
      expect(calls[calls.length - 1]).toEqual([12 * 7, 12 * 7]);
    });
  });

  it('measures the stitched equity against a chosen benchmark from the first test bar, given from windowStart', async () => {
    const series = randomWalk(700, 5);
    const other = randomWalk(700, 6);
    const windowStart = 40;
    const options = {
      ...costs,
      train: '1y',
      test: '6mo',
      rankBy: 'sharpe' as const,
      workers: 1,
      windowStart,
    };
    const grid = { fast: [5, 10], slow: [20, 30] };
    const own = await runWalkForward(series, maCrossStrategy, grid, options);
    // Its own closes given as the benchmark: exactly the default figures.
    const same = await runWalkForward(series, maCrossStrategy, grid, {
      ...options,
      benchmarkCloses: series.close.slice(windowStart),
    });
    expect(Array.from(same.benchmarkEquity)).toEqual(Array.from(own.benchmarkEquity));
    expect(same.summary).toEqual(own.summary);
    // Another series: buy-and-hold of it over the out-of-sample bars, the strategy's equity unchanged.
    const chosen = await runWalkForward(series, maCrossStrategy, grid, {
      ...options,
      benchmarkCloses: other.close.slice(windowStart),
    });
    const first = series.firstIndexAtOrAfter(own.time[0] as number);
    expect(Array.from(chosen.benchmarkEquity)).toEqual(
      Array.from(buyAndHoldEquity(other.close, costs.initialCash, first, first + own.time.length)),
    );
    expect(Array.from(chosen.equity)).toEqual(Array.from(own.equity));
    await expect(
      runWalkForward(series, maCrossStrategy, grid, { ...options, benchmarkCloses: other.close }),
    ).rejects.toThrow(`benchmarkCloses must have one close per bar (got 700 for ${700 - windowStart} bars)`);
  });

  it('names train when a train window is too short for every valid combination', async () => {
    const series = randomWalk(200, 2);
    const error = await rejection(
      runWalkForward(
        series,
        maCrossStrategy,
        { fast: [5], slow: [50, 100] },
        { ...costs, train: '2mo', test: '1mo', workers: 1 },
      ),
      'INVALID_ARGUMENT',
    );
    expect(error.details?.violations?.map((violation) => violation.field)).toEqual(['train']);
    expect(error.message).toMatch(
      /^walk-forward WALK 1d window 1 \(train 2mo: 2015-01-05 to 2015-03-04\): train must number at least 51 for the shortest valid combination \(ma-cross with slow 50\) \(got 43\)/,
    );
  });

  it('refuses a grid or options the sweep refuses', async () => {
    const error = await rejection(
      runWalkForward(
        randomWalk(600),
        maCrossStrategy,
        { fast: [0] },
        { ...costs, train: 'max', test: '1y', workers: 1 },
      ),
      'INVALID_ARGUMENT',
    );
    expect(error.details?.violations?.map((violation) => violation.field)).toEqual(['fast']);
  });
});

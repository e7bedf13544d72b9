import { rejectionOf } from '../../testing/rejection-of';
import { AetherError } from '../errors/aether-error';
import { parseInterval } from '../time/interval';
import { BarSeries, type BarSeriesInit } from './bar-series';

const T0 = Date.UTC(2020, 0, 2); // Thu
const T1 = Date.UTC(2020, 0, 3); // Fri
const T2 = Date.UTC(2020, 0, 6); // Mon
const T3 = Date.UTC(2020, 0, 7); // Tue
const HOUR = 3_600_000;

/** Four valid daily bars; `overrides` replaces any field. */
function init(overrides: Partial<BarSeriesInit> = {}): BarSeriesInit {
  return {
    symbol: 'SPY',
    interval: '1d',
    time: [T0, T1, T2, T3],
    open: [100, 101, 102, 103],
    high: [101, 102, 103, 104],
    low: [99, 100, 101, 102],
    close: [100.5, 101.5, 102.5, 103.5],
    volume: [1000, 1100, 0, 1300],
    ...overrides,
  };
}

const rejection = (overrides: Partial<BarSeriesInit>): AetherError =>
  rejectionOf(() => new BarSeries(init(overrides)));

const fields = (error: AetherError) => error.details?.violations?.map((violation) => violation.field);
const times = (series: BarSeries) => Array.from(series.time);

describe('BarSeries construction', () => {
  it('builds from plain number arrays', () => {
    const series = new BarSeries(init());
    expect(series.length).toBe(4);
    expect(series.time).toBeInstanceOf(Float64Array);
    expect(times(series)).toEqual([T0, T1, T2, T3]);
    expect(Array.from(series.close)).toEqual([100.5, 101.5, 102.5, 103.5]);
    expect(Array.from(series.volume)).toEqual([1000, 1100, 0, 1300]);
  });

  it('copies plain arrays, so later changes to them do not reach the series', () => {
    const close = [100.5, 101.5, 102.5, 103.5];
    const series = new BarSeries(init({ close }));
    close[0] = -1;
    expect(series.close[0]).toBe(100.5);
  });

  it('adopts Float64Array columns without copying', () => {
    const columns = {
      time: Float64Array.from([T0, T1, T2, T3]),
      open: Float64Array.from([100, 101, 102, 103]),
      high: Float64Array.from([101, 102, 103, 104]),
      low: Float64Array.from([99, 100, 101, 102]),
      close: Float64Array.from([100.5, 101.5, 102.5, 103.5]),
      volume: Float64Array.from([1000, 1100, 0, 1300]),
    };
    const series = new BarSeries(init(columns));
    expect(series.time).toBe(columns.time);
    expect(series.open).toBe(columns.open);
    expect(series.high).toBe(columns.high);
    expect(series.low).toBe(columns.low);
    expect(series.close).toBe(columns.close);
    expect(series.volume).toBe(columns.volume);
  });

  it('normalises the symbol and parses the interval name', () => {
    const series = new BarSeries(init({ symbol: ' brk.b ', interval: '1wk' }));
    expect(series.symbol).toBe('BRK.B');
    expect(series.interval).toBe(parseInterval('1wk'));
    expect(series.interval.periodsPerYear).toBe(52);
  });

  it('takes an already parsed interval as is', () => {
    const hourly = parseInterval('1h');
    expect(
      new BarSeries(init({ interval: hourly, time: [T0, T0 + HOUR, T0 + 2 * HOUR, T0 + 3 * HOUR] })).interval,
    ).toBe(hourly);
  });

  it('accepts an empty series', () => {
    const empty = new BarSeries(init({ time: [], open: [], high: [], low: [], close: [], volume: [] }));
    expect(empty.length).toBe(0);
  });

  it('accepts zero volume and does not check OHLC range consistency', () => {
    // A close a tick above the high happens in real feeds; the series leaves that to providers.
    expect(
      () => new BarSeries(init({ close: [101.01, 101.5, 102.5, 103.5], volume: [0, 0, 0, 0] })),
    ).not.toThrow();
  });

  it('rejects a bad symbol, naming symbol', () => {
    expect(rejection({ symbol: 'SPY$' }).message).toMatch(/^symbol must be 1 to 15 letters/);
  });

  it('rejects an unknown interval, naming interval', () => {
    expect(rejection({ interval: '7d' as BarSeriesInit['interval'] }).message).toMatch(
      /^interval must be one of 1m, /,
    );
  });
});

describe('BarSeries validation', () => {
  it('rejects columns of unequal length, naming the column and both lengths', () => {
    const error = rejection({ close: [100.5, 101.5, 102.5] });
    expect(error.message).toBe('bar series SPY 1d: close has 3 values, time has 4');
    expect(error.details?.violations).toEqual([{ field: 'close', rule: 'has 3 values, time has 4' }]);
  });

  it('names every column whose length differs', () => {
    const error = rejection({ open: [1], volume: [1, 2, 3, 4, 5] });
    expect(error.details?.violations).toEqual([
      { field: 'open', rule: 'has 1 values, time has 4' },
      { field: 'volume', rule: 'has 5 values, time has 4' },
    ]);
  });

  it('rejects a duplicate time', () => {
    const error = rejection({ time: [T0, T1, T1, T3] });
    expect(error.message).toBe(
      `bar series SPY 1d: time[2] must be after time[1] (times must be strictly ascending, got ${T1} after ${T1})`,
    );
    expect(fields(error)).toEqual(['time[2]']);
  });

  it('rejects a time that goes backwards', () => {
    const error = rejection({ time: [T0, T2, T1, T3] });
    expect(fields(error)).toEqual(['time[2]']);
    expect(error.message).toContain(`got ${T1} after ${T2}`);
  });

  it.each([NaN, Infinity, -Infinity])('rejects a time of %p', (bad) => {
    const error = rejection({ time: [T0, T1, T2, bad] });
    expect(fields(error)).toEqual(['time[3]']);
    expect(error.message).toBe(`bar series SPY 1d: time[3] must be a finite epoch-ms time (got ${bad})`);
  });

  describe.each(['open', 'high', 'low', 'close'] as const)('%s', (column) => {
    it.each([0, -0, -1, NaN, Infinity, -Infinity])('rejects a price of %p', (bad) => {
      const values = Array.from(new BarSeries(init())[column]);
      values[1] = bad;
      const error = rejection({ [column]: values });
      expect(fields(error)).toEqual([`${column}[1]`]);
      expect(error.message).toBe(
        `bar series SPY 1d: ${column}[1] must be a finite positive price (got ${bad})`,
      );
    });
  });

  it.each([-1, -0.001, NaN, Infinity])('rejects a volume of %p', (bad) => {
    const error = rejection({ volume: [1000, 1100, bad, 1300] });
    expect(fields(error)).toEqual(['volume[2]']);
    expect(error.message).toBe(`bar series SPY 1d: volume[2] must be finite and not negative (got ${bad})`);
  });

  it('lists several violations at once, in the message and the details', () => {
    const error = rejection({
      time: [T0, T0, T2, T3],
      close: [0, 101.5, 102.5, 103.5],
      volume: [1000, 1100, -5, 1300],
    });
    expect(fields(error)).toEqual(['close[0]', 'time[1]', 'volume[2]']);
    expect(error.message).toMatch(/^bar series SPY 1d: /);
    for (const field of ['close[0]', 'time[1]', 'volume[2]']) expect(error.message).toContain(field);
  });

  it('stops after 10 violations', () => {
    const n = 20;
    const error = rejection({
      time: Array.from({ length: n }, (_, i) => T0 + i * HOUR),
      open: new Array<number>(n).fill(0),
      high: new Array<number>(n).fill(1),
      low: new Array<number>(n).fill(1),
      close: new Array<number>(n).fill(0),
      volume: new Array<number>(n).fill(0),
    });
    // 40 bad prices (open and close of 20 bars), reported up to the cap: open[0], close[0], …, open[4], close[4].
    expect(fields(error)).toEqual([
      'open[0]',
      'close[0]',
      'open[1]',
      'close[1]',
      'open[2]',
      'close[2]',
      'open[3]',
      'close[3]',
      'open[4]',
      'close[4]',
    ]);
    expect(error.message.split('; ')).toHaveLength(10);
  });
});

describe('BarSeries.bar', () => {
  const series = new BarSeries(init());

  it('returns the bar at an index as an object', () => {
    expect(series.bar(0)).toEqual({ time: T0, open: 100, high: 101, low: 99, close: 100.5, volume: 1000 });
    expect(series.bar(3)).toEqual({ time: T3, open: 103, high: 104, low: 102, close: 103.5, volume: 1300 });
  });

  it('counts negative indices from the end', () => {
    expect(series.bar(-1)).toEqual(series.bar(3));
    expect(series.bar(-4)).toEqual(series.bar(0));
  });

  it.each([4, -5, 1.5, NaN, 100])('throws NOT_FOUND for bar %p', (index) => {
    let error: unknown;
    try {
      series.bar(index);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AetherError);
    expect((error as AetherError).code).toBe('NOT_FOUND');
    expect((error as AetherError).message).toBe(`bar ${index} is outside SPY's 4 bars`);
  });

  it('has no bars in an empty series', () => {
    const empty = new BarSeries(init({ time: [], open: [], high: [], low: [], close: [], volume: [] }));
    expect(() => empty.bar(0)).toThrow("bar 0 is outside SPY's 0 bars");
    expect(() => empty.bar(-1)).toThrow(AetherError);
  });
});

describe('BarSeries.slice', () => {
  const series = new BarSeries(init({ interval: '1d', symbol: 'qqq' }));

  it('returns bars [from, to) with the same symbol and interval', () => {
    const part = series.slice(1, 3);
    expect(part).toBeInstanceOf(BarSeries);
    expect(part.length).toBe(2);
    expect(times(part)).toEqual([T1, T2]);
    expect(Array.from(part.close)).toEqual([101.5, 102.5]);
    expect(Array.from(part.volume)).toEqual([1100, 0]);
    expect(part.symbol).toBe('QQQ');
    expect(part.interval).toBe(series.interval);
    expect(part.bar(-1)).toEqual(series.bar(2));
  });

  it('shares memory with the source series (a view, not a copy)', () => {
    const close = Float64Array.from([100.5, 101.5, 102.5, 103.5]);
    const source = new BarSeries(init({ close }));
    const part = source.slice(1, 3);
    expect(part.close.buffer).toBe(close.buffer);
    close[1] = 999;
    expect(part.close[0]).toBe(999);
  });

  it.each([
    [undefined, undefined, [T0, T1, T2, T3]],
    [2, undefined, [T2, T3]],
    [-2, undefined, [T2, T3]], // counts from the end
    [0, -1, [T0, T1, T2]],
    [-100, 100, [T0, T1, T2, T3]], // clamped to the series
    [3, 1, []], // empty when to ≤ from
    [4, 10, []],
    [1.9, 3.2, [T1, T2]], // truncated like Array#slice
  ])('slice(%p, %p) gives the bars Array#slice would', (from, to, expected) => {
    expect(times(series.slice(from, to))).toEqual(expected);
    expect(times(series.slice(from, to))).toEqual([T0, T1, T2, T3].slice(from, to));
  });

  it('can be sliced again', () => {
    expect(times(series.slice(1).slice(1, 2))).toEqual([T2]);
  });
});

describe('BarSeries.window', () => {
  const series = new BarSeries(init());

  it.each([
    ['bounds on bar times', T1, T2, [T1]],
    ['an end just after a bar', T1, T2 + 1, [T1, T2]],
    ['bounds between bar times', T0 + 1, T3 - 1, [T1, T2]],
    ['bounds outside every bar', T0 - 10 * HOUR, T3 + 10 * HOUR, [T0, T1, T2, T3]],
    ['a window before every bar', T0 - 10 * HOUR, T0, []],
    ['a window after every bar', T3 + 1, T3 + 10 * HOUR, []],
    ['an end before the start', T3, T1, []],
    ['an equal start and end', T2, T2, []],
    ['no start', undefined, T2, [T0, T1]],
    ['no end', T2, undefined, [T2, T3]],
    ['no bounds at all', undefined, undefined, [T0, T1, T2, T3]],
  ])('keeps start ≤ time < end with %s', (_, start, end, expected) => {
    expect(times(series.window(start, end))).toEqual(expected);
  });
});

describe('BarSeries.firstIndexAtOrAfter', () => {
  const series = new BarSeries(init());

  it.each([
    ['before every bar', T0 - 1, 0],
    ['on the first bar', T0, 0],
    ['on a middle bar', T2, 2],
    ['between two bars', T1 + 1, 2],
    ['on the last bar', T3, 3],
    ['after every bar', T3 + 1, 4],
  ])('finds the index for a time %s', (_, time, index) => {
    expect(series.firstIndexAtOrAfter(time)).toBe(index);
  });

  it('gives 0 in an empty series', () => {
    const empty = new BarSeries(init({ time: [], open: [], high: [], low: [], close: [], volume: [] }));
    expect(empty.firstIndexAtOrAfter(T0)).toBe(0);
  });
});

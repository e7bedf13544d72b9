import fc from 'fast-check';
import { AetherError } from '../errors/aether-error';
import { BAR_COLUMNS, BarSeries, PRICE_COLUMNS, type BarColumn } from './bar-series';

const DAY = 86_400_000;

interface Columns {
  time: number[];
  open: number[];
  high: number[];
  low: number[];
  close: number[];
  volume: number[];
}

const price = fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true });
const volume = fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true });

/** Columns of a valid series: strictly increasing integer times, positive finite prices, volume ≥ 0. */
const validColumns = (minLength = 0, maxLength = 200): fc.Arbitrary<Columns> =>
  fc.integer({ min: minLength, max: maxLength }).chain((n) => {
    const column = <T>(values: fc.Arbitrary<T>) => fc.array(values, { minLength: n, maxLength: n });
    return fc
      .record({
        first: fc.integer({ min: -1e12, max: 4e12 }),
        // Gaps of one millisecond up to a long holiday weekend.
        gaps: column(fc.integer({ min: 1, max: 4 * DAY })),
        open: column(price),
        high: column(price),
        low: column(price),
        close: column(price),
        volume: column(volume),
      })
      .map(({ first, gaps, ...rest }) => {
        let time = first;
        return { time: gaps.map((gap) => (time += gap)), ...rest };
      });
  });

/** The columns as plain arrays or as Float64Arrays, both of which the constructor takes. */
const makeSeries = (columns: Columns, asTyped: boolean) =>
  new BarSeries({
    symbol: 'SPY',
    interval: '1d',
    ...(Object.fromEntries(
      BAR_COLUMNS.map((name) => [name, asTyped ? Float64Array.from(columns[name]) : columns[name]]),
    ) as unknown as Columns),
  });

/** Valid columns, handed over as plain arrays or as Float64Arrays. */
const valid = fc.record({ columns: validColumns(), asTyped: fc.boolean() });

/** A time near the series' times: on a bar, just before or after one, far outside, or none at all. */
const timeBound = (times: number[]): fc.Arbitrary<number | undefined> =>
  fc.oneof(
    fc.constant(undefined),
    fc.integer({ min: -2e12, max: 6e12 }),
    times.length === 0
      ? fc.integer({ min: -2e12, max: 6e12 })
      : fc.tuple(fc.constantFrom(...times), fc.constantFrom(-1, 0, 1)).map(([time, nudge]) => time + nudge),
  );

/** Array#slice semantics for one bound, written out: negative counts from the end, then clamp to [0, n]. */
const clamp = (index: number, n: number) => (index < 0 ? Math.max(0, n + index) : Math.min(index, n));

describe('BarSeries properties', () => {
  it('constructs from any valid columns and keeps every value exactly', () => {
    fc.assert(
      fc.property(valid, ({ columns, asTyped }) => {
        const series = makeSeries(columns, asTyped);
        expect(series.length).toBe(columns.time.length);
        for (const name of BAR_COLUMNS) {
          expect(series[name]).toHaveLength(columns.time.length);
          expect(Array.from(series[name])).toEqual(columns[name]);
        }
      }),
    );
  });

  it('slices into valid series with exactly the bars Array#slice gives', () => {
    const bound = fc.option(fc.integer({ min: -220, max: 220 }), { nil: undefined });
    fc.assert(
      fc.property(valid, bound, bound, ({ columns, asTyped }, from, to) => {
        const series = makeSeries(columns, asTyped);
        const part = series.slice(from, to);
        const n = series.length;
        const expectedLength = Math.max(0, clamp(to ?? n, n) - clamp(from ?? 0, n));
        expect(part.length).toBe(expectedLength);
        for (const name of BAR_COLUMNS) expect(Array.from(part[name])).toEqual(columns[name].slice(from, to));
        // Re-validating the slice's columns succeeds: a slice of a valid series is valid.
        const rebuilt = new BarSeries({ symbol: part.symbol, interval: part.interval, ...pick(part) });
        expect(rebuilt.length).toBe(expectedLength);
      }),
    );
  });

  it('windows to exactly the bars with start ≤ time < end', () => {
    const withBounds = valid.chain((value) =>
      fc.record({
        value: fc.constant(value),
        start: timeBound(value.columns.time),
        end: timeBound(value.columns.time),
      }),
    );
    fc.assert(
      fc.property(withBounds, ({ value: { columns, asTyped }, start, end }) => {
        const series = makeSeries(columns, asTyped);
        const kept = columns.time
          .map((time, index) => ({ time, index }))
          .filter(({ time }) => (start === undefined || time >= start) && (end === undefined || time < end));
        const window = series.window(start, end);
        expect(Array.from(window.time)).toEqual(kept.map(({ time }) => time));
        expect(Array.from(window.close)).toEqual(kept.map(({ index }) => columns.close[index]));
      }),
    );
  });

  it('finds the first index at or after a time as a linear scan does', () => {
    const withTime = valid.chain((value) =>
      fc.record({ value: fc.constant(value), time: timeBound(value.columns.time).map((time) => time ?? 0) }),
    );
    fc.assert(
      fc.property(withTime, ({ value: { columns, asTyped }, time }) => {
        const series = makeSeries(columns, asTyped);
        const found = columns.time.findIndex((t) => t >= time);
        expect(series.firstIndexAtOrAfter(time)).toBe(found === -1 ? columns.time.length : found);
      }),
    );
  });

  it('rejects any one corrupted value, naming its column and index', () => {
    const corruption = validColumns(1).chain((columns) => {
      const n = columns.time.length;
      return fc.record({
        columns: fc.constant(columns),
        column: fc.constantFrom<BarColumn>(...BAR_COLUMNS),
        index: fc.integer({ min: 0, max: n - 1 }),
        asTyped: fc.boolean(),
        priceValue: fc.oneof(
          fc.constantFrom(0, -0, NaN, Infinity, -Infinity),
          fc.double({ max: -Number.MIN_VALUE, noNaN: true }), // any negative number
        ),
        volumeValue: fc.oneof(
          fc.constantFrom(NaN, Infinity, -Infinity),
          fc.double({ max: -Number.MIN_VALUE, noNaN: true }),
        ),
        timeValue: fc.constantFrom('duplicate-previous', 'before-previous', NaN, Infinity, -Infinity),
      });
    });
    fc.assert(
      fc.property(corruption, ({ columns, column, index, asTyped, priceValue, volumeValue, timeValue }) => {
        const corrupted = { ...columns, [column]: [...columns[column]] } as Columns;
        if (column === 'volume') corrupted.volume[index] = volumeValue;
        else if ((PRICE_COLUMNS as readonly string[]).includes(column)) corrupted[column][index] = priceValue;
        else if (typeof timeValue === 'number') corrupted.time[index] = timeValue;
        else if (index > 0) {
          const previous = columns.time[index - 1] as number;
          corrupted.time[index] = timeValue === 'duplicate-previous' ? previous : previous - 1;
        } else corrupted.time[index] = NaN; // bar 0 has no previous time to repeat

        let error: unknown;
        try {
          makeSeries(corrupted, asTyped);
        } catch (caught) {
          error = caught;
        }
        expect(error).toBeInstanceOf(AetherError);
        expect((error as AetherError).code).toBe('INVALID_ARGUMENT');
        expect((error as AetherError).message).toContain(`${column}[${index}] `);
        expect((error as AetherError).details?.violations?.map((violation) => violation.field)).toContain(
          `${column}[${index}]`,
        );
      }),
    );
  });

  it('rejects a column one value longer or shorter than time, naming the column', () => {
    const mismatch = fc.record({
      columns: validColumns(1),
      column: fc.constantFrom<BarColumn>('open', 'high', 'low', 'close', 'volume'),
      longer: fc.boolean(),
    });
    fc.assert(
      fc.property(mismatch, ({ columns, column, longer }) => {
        const n = columns.time.length;
        const values = longer ? [...columns[column], 1] : columns[column].slice(0, -1);
        expect(() => makeSeries({ ...columns, [column]: values }, false)).toThrow(
          `${column} has ${longer ? n + 1 : n - 1} values, time has ${n}`,
        );
      }),
    );
  });
});

function pick(series: BarSeries): Columns {
  return {
    time: Array.from(series.time),
    open: Array.from(series.open),
    high: Array.from(series.high),
    low: Array.from(series.low),
    close: Array.from(series.close),
    volume: Array.from(series.volume),
  };
}

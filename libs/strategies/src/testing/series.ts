import { AetherError, BarSeries } from '@aetherquant/core';
import fc from 'fast-check';

const DAY_MS = 86_400_000;
/** 2020-01-01T00:00:00Z: where the test series start. */
const FIRST_TIME = 1_577_836_800_000;

export interface SeriesColumns {
  close: readonly number[];
  /** Defaults to the close. */
  high?: readonly number[];
  /** Defaults to the close. */
  low?: readonly number[];
}

/** A daily series of the given closes (open = previous close), highs and lows defaulting to the closes. */
export function seriesOf({ close, high, low }: SeriesColumns, symbol = 'TEST'): BarSeries {
  const n = close.length;
  const open = close.map((price, i) => (i === 0 ? price : (close[i - 1] as number)));
  return new BarSeries({
    symbol,
    interval: '1d',
    time: close.map((_, i) => FIRST_TIME + i * DAY_MS),
    open,
    high: high ?? close.map((price, i) => Math.max(price, open[i] as number)),
    low: low ?? close.map((price, i) => Math.min(price, open[i] as number)),
    close,
    volume: new Array<number>(n).fill(1_000),
  });
}

const TICK = 0.25;

export interface RandomSeriesOptions {
  minLength?: number;
  maxLength?: number;
}

/**
 * Random daily series of `minLength` (1) … `maxLength` (400) bars with valid OHLC (low ≤ open, close ≤ high, all positive):
 * half of them a walk in whole ticks of 0.25 (so equal closes, equal averages and flat stretches, the
 * edge cases of every rule, come up often), half a walk of continuous returns up to ±5% a bar.
 */
export function randomSeries({
  minLength = 1,
  maxLength = 400,
}: RandomSeriesOptions = {}): fc.Arbitrary<BarSeries> {
  const bar = fc.record({
    move: fc.integer({ min: -4, max: 4 }),
    change: fc.double({ min: -0.05, max: 0.05, noNaN: true }),
    wickUp: fc.integer({ min: 0, max: 3 }),
    wickDown: fc.integer({ min: 0, max: 3 }),
  });
  return fc
    .record({
      ticked: fc.boolean(),
      bars: fc.array(bar, { minLength, maxLength }),
    })
    .map(({ ticked, bars }) => {
      const close: number[] = [];
      const high: number[] = [];
      const low: number[] = [];
      let ticks = 400;
      let price = 100;
      for (const { move, change, wickUp, wickDown } of bars) {
        const open = price;
        if (ticked) {
          ticks = Math.max(1, ticks + move);
          price = ticks * TICK;
        } else {
          price = Math.max(0.01, price * (1 + change));
        }
        close.push(price);
        high.push(Math.max(open, price) + wickUp * TICK);
        low.push(Math.max(Math.min(open, price) / 2, Math.min(open, price) - wickDown * TICK));
      }
      return seriesOf({ close, high, low });
    });
}

/** One fixed series drawn from {@link randomSeries}, for tests that need realistic data but no property. */
export function sampleSeries(length: number, seed: number): BarSeries {
  const [series] = fc.sample(randomSeries({ minLength: length, maxLength: length }), { seed, numRuns: 1 });
  return series as BarSeries;
}

/** Runs `action`, which must throw an AetherError of `code`, and returns the error. */
export function thrown(action: () => unknown, code: AetherError['code'] = 'INVALID_ARGUMENT'): AetherError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(AetherError);
    expect((error as AetherError).code).toBe(code);
    return error as AetherError;
  }
  throw new Error(`expected a ${code} error, but nothing was thrown`);
}

/** The fields an INVALID_ARGUMENT error names, in its order. */
export function violatedFields(error: AetherError): string[] {
  return (error.details?.violations ?? []).map((violation) => violation.field);
}

import fc from 'fast-check';
import { defineStrategy } from '../lib/strategy/define-strategy';
import { maCrossStrategy } from '../lib/ma-cross/ma-cross.strategy';
import { lookAheadMismatch, noLookAheadProperty, targetsProblem } from './strategy-contract';
import { seriesOf } from './series';

// The contract suite's checks must be able to fail: a strategy that cheats is caught.

/** Decides at t from the close of t + 1: long before a rise, short before a fall. */
const peekingStrategy = defineStrategy({
  name: 'peeking',
  description: 'Cheats by reading the next close.',
  parameters: [],
  warmupBars: () => 0,
  compute(series, _parameters, target) {
    const close = series.close;
    for (let t = 0; t < close.length; t++) {
      const next = t + 1 < close.length ? (close[t + 1] as number) : (close[t] as number);
      target[t] = Math.sign(next - (close[t] as number));
    }
  },
});

describe('the no-look-ahead check', () => {
  it('finds the bar where a strategy read the future', () => {
    const series = seriesOf({ close: [10, 11, 12, 11, 10] });
    // Full series: bar 2 is −1 (12 → 11); cut after bar 2, bar 2 has no next bar and is 0.
    expect(lookAheadMismatch(peekingStrategy, {}, series, 2)).toBe(2);
    expect(lookAheadMismatch(peekingStrategy, {}, series, 4)).toBe(-1);
  });

  it('fails the property for a peeking strategy and passes it for ma-cross', () => {
    expect(() => fc.assert(noLookAheadProperty(peekingStrategy, {}), { numRuns: 100 })).toThrow();
    expect(() =>
      fc.assert(noLookAheadProperty(maCrossStrategy, { fast: 2, slow: 3 }), { numRuns: 100 }),
    ).not.toThrow();
  });
});

describe('targetsProblem', () => {
  it('reports a wrong length and values outside the bounds or not finite', () => {
    expect(targetsProblem(Float64Array.of(0, 1, -1), 3)).toBeUndefined();
    expect(targetsProblem(Float64Array.of(0, 1), 3)).toBe('2 targets for 3 bars');
    expect(targetsProblem(Float64Array.of(0, 1.5, 0), 3)).toBe('target[1] = 1.5 is outside [-1, 1]');
    expect(targetsProblem(Float64Array.of(0, Number.NaN), 2)).toBe('target[1] = NaN is outside [-1, 1]');
    expect(targetsProblem(Float64Array.of(-1), 1, 0)).toBe('target[0] = -1 is outside [0, 1]');
  });
});

import fc from 'fast-check';
import { randomSeries, seriesOf, thrown, violatedFields } from '../../testing/series';
import { simpleMovingAverage } from '../kernels/moving-average';
import { maCrossStrategy } from './ma-cross.strategy';

describe('ma-cross', () => {
  it('goes long above, short below and flat on equal or undefined averages (fast 2, slow 3)', () => {
    const series = seriesOf({ close: [1, 2, 3, 2, 1, 2, 3, 3, 3, 3] });
    // Running sums, fast over 2 closes and slow over 3; the slow average is defined from bar 2 (= slow − 1).
    // bar 0: fast 1/2 undefined (window not full), slow undefined                    → 0
    // bar 1: fast (1+2)/2 = 1.5, slow undefined                                      → 0
    // bar 2: fast (2+3)/2 = 2.5, slow (1+2+3)/3 = 2       2.5 > 2                   → +1
    // bar 3: fast (3+2)/2 = 2.5, slow (2+3+2)/3 = 2.333   2.5 > 2.333               → +1
    // bar 4: fast (2+1)/2 = 1.5, slow (3+2+1)/3 = 2       1.5 < 2                   → −1
    // bar 5: fast (1+2)/2 = 1.5, slow (2+1+2)/3 = 1.667   1.5 < 1.667               → −1
    // bar 6: fast (2+3)/2 = 2.5, slow (1+2+3)/3 = 2                                 → +1
    // bar 7: fast (3+3)/2 = 3,   slow (2+3+3)/3 = 2.667                             → +1
    // bar 8: fast (3+3)/2 = 3,   slow (3+3+3)/3 = 3       equal                     → 0
    // bar 9: the same                                                               → 0
    expect(Array.from(maCrossStrategy.targets(series, { fast: 2, slow: 3 }))).toEqual([
      0, 0, 1, 1, -1, -1, 1, 1, 0, 0,
    ]);
  });

  it('uses fast 20 and slow 50 by default, the first target possible at bar 49', () => {
    expect(maCrossStrategy.resolveParameters({})).toEqual({ fast: 20, slow: 50 });
    expect(maCrossStrategy.warmupBars({ fast: 20, slow: 50 })).toBe(49);
    // A steady rise: the fast average runs above the slow one as soon as the slow one is defined.
    const series = seriesOf({ close: Array.from({ length: 60 }, (_, i) => 100 + i) });
    const targets = maCrossStrategy.targets(series, {});
    expect(Array.from(targets.subarray(0, 49))).toEqual(new Array(49).fill(0));
    expect(Array.from(targets.subarray(49))).toEqual(new Array(11).fill(1));
  });

  it('compares plain running-sum averages (sum / window), bit for bit as simpleMovingAverage computes them', () => {
    fc.assert(
      fc.property(
        randomSeries(),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        (series, a, b) => {
          const fast = Math.min(a, b);
          const slow = Math.max(a, b) + 1;
          const fastAverage = simpleMovingAverage(series.close, fast);
          const slowAverage = simpleMovingAverage(series.close, slow);
          const expected = Array.from(series.close, (_, t) =>
            t < slow - 1 ? 0 : Math.sign((fastAverage[t] as number) - (slowAverage[t] as number)),
          );
          expect(Array.from(maCrossStrategy.targets(series, { fast, slow }))).toEqual(expected);
        },
      ),
    );
  });

  describe('parameters', () => {
    it('requires fast < slow, naming both', () => {
      const error = thrown(() => maCrossStrategy.resolveParameters({ fast: 50, slow: 20 }));
      expect(error.message).toBe('ma-cross parameters: fast must be less than slow (got fast 50, slow 20)');
      expect(violatedFields(error)).toEqual(['fast']);
      expect(thrown(() => maCrossStrategy.resolveParameters({ fast: 30, slow: 30 })).message).toBe(
        'ma-cross parameters: fast must be less than slow (got fast 30, slow 30)',
      );
      // The default slow (50) counts too.
      expect(thrown(() => maCrossStrategy.resolveParameters({ fast: 60 })).message).toBe(
        'ma-cross parameters: fast must be less than slow (got fast 60, slow 50)',
      );
    });

    it('refuses windows that are not integers or out of bounds, listing every violation at once', () => {
      const error = thrown(() => maCrossStrategy.resolveParameters({ fast: 2.5, slow: 20_000, fats: 3 }));
      expect(error.message).toBe(
        'ma-cross parameters: fast must be an integer (got 2.5); slow must be at most 10000 (got 20000); ' +
          'fats is not a parameter of ma-cross (its parameters are fast, slow)',
      );
      expect(violatedFields(error)).toEqual(['fast', 'slow', 'fats']);
      expect(thrown(() => maCrossStrategy.resolveParameters({ fast: 0 })).message).toBe(
        'ma-cross parameters: fast must be at least 1 (got 0)',
      );
      expect(thrown(() => maCrossStrategy.resolveParameters({ slow: 1 })).message).toBe(
        'ma-cross parameters: slow must be at least 2 (got 1)',
      );
    });

    it('refuses values that are not finite numbers', () => {
      expect(thrown(() => maCrossStrategy.resolveParameters({ fast: '10' })).message).toBe(
        'ma-cross parameters: fast must be a number (got "10")',
      );
      expect(thrown(() => maCrossStrategy.resolveParameters({ slow: Number.NaN })).message).toBe(
        'ma-cross parameters: slow must be a finite number (got NaN)',
      );
      expect(thrown(() => maCrossStrategy.resolveParameters({ slow: null })).message).toBe(
        'ma-cross parameters: slow must be a number (got null)',
      );
    });

    it('checks parameters handed straight to targets, and fills in missing ones', () => {
      const series = seriesOf({ close: [1, 2, 3, 2, 1] });
      expect(thrown(() => maCrossStrategy.targets(series, { fast: 3, slow: 2 })).message).toBe(
        'ma-cross parameters: fast must be less than slow (got fast 3, slow 2)',
      );
      // slow 3 with the default fast 20 breaks fast < slow.
      expect(violatedFields(thrown(() => maCrossStrategy.targets(series, { slow: 3 })))).toEqual(['fast']);
      expect(Array.from(maCrossStrategy.targets(series, { fast: 1, slow: 2 }))).toEqual([0, 1, 1, -1, -1]);
    });
  });
});

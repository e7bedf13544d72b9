import { invalidArgumentOf } from '../../testing/error-of';
import { maxDrawdown } from './drawdown';
import { drawdownCurve, drawdownPeriods } from './drawdown-periods';

describe('drawdownCurve', () => {
  it('is equity over its running peak, minus 1', () => {
    // Peaks 100, 120, 120, 120, 130: 0, 0, 90 / 120 − 1 = −0.25, 60 / 120 − 1 = −0.5, 0.
    expect(Array.from(drawdownCurve([100, 120, 90, 60, 130]))).toEqual([0, 0, -0.25, -0.5, 0]);
  });

  it('refuses equity that is not above 0', () => {
    expect(invalidArgumentOf(() => drawdownCurve([100, -1])).message).toMatch(/equity\[1\]/);
  });
});

describe('drawdownPeriods', () => {
  // Two periods: 120 (index 1) → 60 (3) → back at 120 (4); then 130 (5) → 117 (6), still under water.
  const equity = [100, 120, 90, 60, 120, 130, 117];

  it('finds each period, deepest first, with peak, trough and recovery', () => {
    expect(drawdownPeriods(equity)).toEqual([
      { peak: 1, trough: 3, recovery: 4, depth: -0.5 },
      { peak: 5, trough: 6, recovery: null, depth: 117 / 130 - 1 },
    ]);
  });

  it('keeps the deepest `limit` periods, and the deepest equals maxDrawdown', () => {
    expect(drawdownPeriods(equity, 1)).toHaveLength(1);
    expect(drawdownPeriods(equity, 1)[0]?.depth).toBe(maxDrawdown(equity));
  });

  it('has none for equity that never falls, and the first low for a repeated trough', () => {
    expect(drawdownPeriods([100, 100, 101])).toEqual([]);
    expect(drawdownPeriods([100, 80, 90, 80, 100])).toEqual([
      { peak: 0, trough: 1, recovery: 4, depth: 80 / 100 - 1 },
    ]);
  });

  it('agrees with an independent scan of the drawdown curve', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.48) * 0.05;
    const curve = [1000];
    for (let t = 1; t < 2000; t++) curve.push((curve[t - 1] as number) * (1 + random()));
    // Independent: a period is a maximal run of bars with drawdown < 0; its peak is the bar before the run.
    const drawdown = drawdownCurve(curve);
    const expected: { peak: number; trough: number; recovery: number | null; depth: number }[] = [];
    for (let t = 1; t < curve.length; t++) {
      if ((drawdown[t] as number) < 0 && (drawdown[t - 1] as number) === 0) {
        let end = t;
        let trough = t;
        while (end < curve.length && (drawdown[end] as number) < 0) {
          if ((drawdown[end] as number) < (drawdown[trough] as number)) trough = end;
          end++;
        }
        expected.push({
          peak: t - 1,
          trough,
          recovery: end < curve.length ? end : null,
          depth: drawdown[trough] as number,
        });
      }
    }
    expected.sort((a, b) => a.depth - b.depth || a.peak - b.peak);
    const found = drawdownPeriods(curve);
    expect(found).toHaveLength(expected.length);
    found.forEach((period, i) => {
      const want = expected[i] as (typeof expected)[number];
      expect([period.peak, period.trough, period.recovery]).toEqual([want.peak, want.trough, want.recovery]);
      expect(period.depth).toBeCloseTo(want.depth, 12);
    });
  });

  it('refuses a limit that is not a whole number of at least 1', () => {
    expect(invalidArgumentOf(() => drawdownPeriods(equity, 0)).message).toMatch(/limit/);
  });
});

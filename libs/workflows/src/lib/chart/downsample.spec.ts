import { AetherError } from '@aetherquant/core';
import fc from 'fast-check';
import { drawdownCurve } from '@aetherquant/risk';
import { downsampleIndices } from './downsample';

const indicesOf = (equity: number[], maxPoints: number) =>
  downsampleIndices(equity, drawdownCurve(equity), maxPoints);

describe('downsampleIndices', () => {
  it('keeps every index when the series fits', () => {
    expect(indicesOf([100, 90, 110], 5)).toEqual([0, 1, 2]);
    expect(indicesOf([100, 101, 102, 103, 104], 5)).toEqual([0, 1, 2, 3, 4]);
  });

  it('n = 10, 5 points: the first, the last, and one bucket’s extremes', () => {
    // One bucket, ⌊(5 − 2) / 3⌋ = 1, over indices 1…8. Running peak 100 105 105 110 110 110 120 120 120 120,
    // so drawdown is deepest at index 4 (90 / 110 − 1 ≈ −0.1818), where equity is lowest too; the highest
    // equity (120) is at index 6. Index 4 serves two roles and counts once: 4 points, not 5.
    expect(indicesOf([100, 105, 98, 110, 90, 95, 120, 115, 100, 108], 5)).toEqual([0, 4, 6, 9]);
  });

  it('keeps the deepest drawdown even where equity is not lowest', () => {
    // One bucket over indices 1…5: lowest equity 80 at 1 (drawdown −0.2), highest 300 at 3, deepest
    // drawdown at 4 (150 / 300 − 1 = −0.5), though 150 is well above 80.
    expect(indicesOf([100, 80, 90, 300, 150, 200, 310], 5)).toEqual([0, 1, 3, 4, 6]);
  });

  it('n = 12, 8 points: two buckets of five', () => {
    // ⌊(8 − 2) / 3⌋ = 2 buckets over the 10 inner indices: 1…5 and 6…10.
    // Bucket 1: lowest 99 at 2 (also the deepest, 99 / 101 − 1), highest 104 at 5.
    // Bucket 2: lowest 96 at 10 (also the deepest, 96 / 105 − 1), highest 105 at 8.
    const equity = [100, 101, 99, 103, 102, 104, 97, 98, 105, 100, 96, 110];
    expect(indicesOf(equity, 8)).toEqual([0, 2, 5, 8, 10, 11]);
  });

  it('refuses fewer than 5 points, and curves of different lengths', () => {
    expect(() => indicesOf([1, 2, 3], 4)).toThrow('chartPoints must be an integer of at least 5 (got 4)');
    expect(() => indicesOf([1, 2, 3], 5.5)).toThrow(AetherError);
    expect(() => downsampleIndices([1, 2], [0], 5)).toThrow('drawdown must have as many points as equity');
  });

  it('keeps at most maxPoints ascending points, the ends, the extremes and the deepest drawdown', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: 1, maxLength: 400 }),
        fc.integer({ min: 5, max: 60 }),
        (equity, maxPoints) => {
          const drawdown = drawdownCurve(equity);
          const kept = downsampleIndices(equity, drawdown, maxPoints);
          const n = equity.length;
          expect(kept.length).toBeLessThanOrEqual(maxPoints);
          for (let i = 1; i < kept.length; i++) expect(kept[i]).toBeGreaterThan(kept[i - 1] as number);
          expect(kept[0]).toBe(0);
          expect(kept[kept.length - 1]).toBe(n - 1);
          const keptEquity = kept.map((i) => equity[i] as number);
          expect(Math.min(...keptEquity)).toBe(Math.min(...equity));
          expect(Math.max(...keptEquity)).toBe(Math.max(...equity));
          expect(Math.min(...kept.map((i) => drawdown[i] as number))).toBe(Math.min(...drawdown));
        },
      ),
    );
  });
});

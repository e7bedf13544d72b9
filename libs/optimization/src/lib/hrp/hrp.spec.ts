import fc from 'fast-check';
import { randomCovariance, seededRandom } from '../../testing/random-problems';
import type { Moments } from '../moments/moments';
import { optimize } from '../optimize/optimize';
import { capWeights, quasiDiagonalOrder } from './hrp';

/**
 * Two blocks, interleaved so the clustering has to find them: assets 0 and 2 (variance 1, covariance 0.5) and
 * assets 1 and 3 (variance 4, covariance 2), uncorrelated across blocks.
 */
const blocks: Moments = {
  assets: 4,
  mean: new Float64Array(4),
  // prettier-ignore
  covariance: Float64Array.of(
    1,   0, 0.5, 0,
    0,   4, 0,   2,
    0.5, 0, 1,   0,
    0,   2, 0,   4,
  ),
  periodsPerYear: 252,
  observations: 1000,
};

describe('hierarchical risk parity', () => {
  it('orders the assets block by block', () => {
    const order = Array.from(quasiDiagonalOrder(blocks.covariance, 4));
    const halves = [order.slice(0, 2).sort(), order.slice(2).sort()].sort();
    expect(halves).toEqual([
      [0, 2],
      [1, 3],
    ]);
  });

  it('splits a block-diagonal covariance as the textbook does', () => {
    // Halves {0, 2} and {1, 3}. Inverse-variance weights within each are ½, ½:
    // V₁ = ¼(1 + 1 + 2·0.5) = 0.75, V₂ = ¼(4 + 4 + 2·2) = 3; α = 1 − 0.75 / 3.75 = 0.8 to the first block.
    // Within a block the two assets have equal variances: 0.4, 0.4 and 0.1, 0.1.
    const { weights, method } = optimize(blocks, { method: 'hrp' });
    expect(method).toBe('hrp');
    [0.4, 0.1, 0.4, 0.1].forEach((expected, i) => expect(weights[i]).toBeCloseTo(expected, 15));
  });

  it('splits 2 blocks of 4 the same way: 0.2 to each low-variance asset, 0.05 to each other', () => {
    // Block variances with equal weights ¼: (4·1 + 12·0.5)/16 = 0.625 and (4·4 + 12·2)/16 = 2.5;
    // α = 1 − 0.625/3.125 = 0.8, shared equally within each block (equal variances at every split).
    const n = 8;
    const low = [0, 3, 5, 6];
    const covariance = Float64Array.from({ length: n * n }, (_, index) => {
      const i = Math.floor(index / n);
      const j = index % n;
      const iLow = low.includes(i);
      if (iLow !== low.includes(j)) return 0;
      const varianceOf = iLow ? 1 : 4;
      return i === j ? varianceOf : varianceOf / 2;
    });
    const { weights } = optimize(
      { ...blocks, assets: n, mean: new Float64Array(n), covariance },
      { method: 'hrp' },
    );
    weights.forEach((w, i) => expect(w).toBeCloseTo(low.includes(i) ? 0.2 : 0.05, 15));
  });

  it('clips to max_weight and hands the excess to the others in proportion', () => {
    // 0.4, 0.1, 0.4, 0.1 capped at 0.3: 0.2 cut, given to the two 0.1 assets in proportion: 0.2 each.
    const { weights } = optimize(blocks, { method: 'hrp', maxWeight: 0.3 });
    [0.3, 0.2, 0.3, 0.2].forEach((expected, i) => expect(weights[i]).toBeCloseTo(expected, 15));
    // Handing out can push another asset over: 0.5, 0.3, 0.2 capped at 0.35 → 0.35, then 0.15 shared 3:2
    // (0.39, 0.26), the first of those over again → 0.35, and its 0.04 to the last: 0.30.
    expect(
      Array.from(capWeights(Float64Array.of(0.5, 0.3, 0.2), 3, 0.35), (w) => Number(w.toFixed(12))),
    ).toEqual([0.35, 0.35, 0.3]);
  });

  it('gives positive weights summing to 1 on random covariances', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), fc.integer(), (n, seed) => {
        const covariance = randomCovariance(n, seededRandom(seed));
        const { weights } = optimize(
          { ...blocks, assets: n, mean: new Float64Array(n), covariance },
          { method: 'hrp' },
        );
        weights.forEach((w) => expect(w).toBeGreaterThan(0));
        expect(Math.abs(weights.reduce((sum, w) => sum + w, 0) - 1)).toBeLessThan(1e-12);
        expect(Array.from(quasiDiagonalOrder(covariance, n)).sort((a, b) => a - b)).toEqual(
          Array.from({ length: n }, (_, i) => i),
        );
      }),
      { numRuns: 200 },
    );
  });
});

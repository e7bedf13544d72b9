import fc from 'fast-check';
import { errorOf, fieldsOf } from '../../testing/errors';
import { dot, problemShapes, randomMoments, seededRandom, variance } from '../../testing/random-problems';
import type { Moments } from '../moments/moments';
import { efficientFrontier, optimize } from '../optimize/optimize';

/**
 * Optimality of a frontier point: min w'Σw s.t. Σw = 1, μ'w = t, bounds. With g = Σw, free assets need
 * gᵢ = ν₁ + ν₂μᵢ (fitted by least squares over them), assets at a lower bound gᵢ − ν₁ − ν₂μᵢ ≥ 0, at an upper
 * bound ≤ 0. Residuals relative to max |gᵢ|. Needs two free assets with different means (else ν is a range).
 */
function frontierKkt(
  moments: Moments,
  weights: Float64Array,
  lower: number,
  upper: number,
): number | undefined {
  const n = moments.assets;
  const gradient = Array.from({ length: n }, (_, i) => {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += (moments.covariance[i * n + j] as number) * (weights[j] as number);
    return sum;
  });
  const scale = Math.max(...gradient.map(Math.abs));
  const free = Array.from(weights, (w, i) => (w - lower > 1e-10 && upper - w > 1e-10 ? i : -1)).filter(
    (i) => i >= 0,
  );
  const means = free.map((i) => moments.mean[i] as number);
  const meanOfMeans = means.reduce((s, m) => s + m, 0) / free.length;
  const spread = means.reduce((s, m) => s + (m - meanOfMeans) ** 2, 0);
  if (free.length < 2 || spread < 1e-20) return undefined;
  const gradients = free.map((i) => gradient[i] as number);
  const meanGradient = gradients.reduce((s, g) => s + g, 0) / free.length;
  const nu2 =
    means.reduce((s, m, a) => s + (m - meanOfMeans) * ((gradients[a] as number) - meanGradient), 0) / spread;
  const nu1 = meanGradient - nu2 * meanOfMeans;
  let worst = 0;
  weights.forEach((w, i) => {
    const residual = (gradient[i] as number) - nu1 - nu2 * (moments.mean[i] as number);
    if (free.includes(i)) worst = Math.max(worst, Math.abs(residual));
    else if (w - lower <= 1e-10) worst = Math.max(worst, -residual);
    else worst = Math.max(worst, residual);
  });
  return worst / scale;
}

describe('efficientFrontier', () => {
  it('runs from the minimum-variance portfolio to the highest return, evenly in return, volatility rising', () => {
    fc.assert(
      fc.property(
        problemShapes(15),
        fc.integer({ min: 2, max: 12 }),
        ({ n, seed, maxWeight, allowShort }, points) => {
          const moments = randomMoments(n, seededRandom(seed));
          const frontier = efficientFrontier(moments, { points, maxWeight, allowShort });
          expect(frontier).toHaveLength(points);
          const lowest = optimize(moments, { method: 'min-variance', maxWeight, allowShort });
          expect(Array.from((frontier[0] as (typeof frontier)[number]).weights)).toEqual(
            Array.from(lowest.weights),
          );
          // The highest return: the LP max over the box and the budget, the best means filled first.
          const lower = allowShort ? -maxWeight : 0;
          const order = Array.from(moments.mean, (m, i) => [m, i] as const).sort((a, b) => b[0] - a[0]);
          let remaining = 1 - n * lower;
          let highest = 0;
          for (const [m] of order) {
            const take = Math.min(maxWeight - lower, remaining);
            highest += m * (lower + take);
            remaining -= take;
          }
          const last = frontier[points - 1] as (typeof frontier)[number];
          const first = frontier[0] as (typeof frontier)[number];
          expect(Math.abs(last.expectedReturn / 252 - highest)).toBeLessThan(1e-15);
          frontier.forEach((point, k) => {
            expect(point.method).toBe('min-variance');
            const target =
              first.expectedReturn + (k / (points - 1)) * (last.expectedReturn - first.expectedReturn);
            expect(Math.abs(point.expectedReturn - target)).toBeLessThan(1e-12);
            expect(Math.abs(point.weights.reduce((s, w) => s + w, 0) - 1)).toBeLessThan(1e-12);
            point.weights.forEach((w) => expect(w >= lower && w <= maxWeight).toBe(true));
            if (k > 0) {
              expect(point.volatility).toBeGreaterThanOrEqual(
                (frontier[k - 1]?.volatility as number) * (1 - 1e-12),
              );
              expect(point.expectedReturn).toBeGreaterThanOrEqual(frontier[k - 1]?.expectedReturn as number);
            }
            if (k > 0 && k < points - 1) {
              const residual = frontierKkt(moments, point.weights, lower, maxWeight);
              if (residual !== undefined) expect(residual).toBeLessThan(1e-9);
            }
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('ends, among assets tied at the highest mean, at their minimum-variance mix', () => {
    // Means (2, 2, 1)·1e-3, uncorrelated variances (1, 4, 1)·1e-4: the highest return 0.002 is any split of assets
    // 0 and 1; the least variance one weights them 1/σ²: 4/5 and 1/5.
    const moments: Moments = {
      assets: 3,
      mean: Float64Array.of(2e-3, 2e-3, 1e-3),
      covariance: Float64Array.of(1e-4, 0, 0, 0, 4e-4, 0, 0, 0, 1e-4),
      periodsPerYear: 252,
      observations: 1000,
    };
    const frontier = efficientFrontier(moments, { points: 3 });
    const last = frontier[2] as (typeof frontier)[number];
    [0.8, 0.2, 0].forEach((expected, i) => expect(last.weights[i]).toBeCloseTo(expected, 15));
    // Variances of the three points rise: min-variance, middle, end.
    const variances = frontier.map((point) => variance(moments.covariance, point.weights));
    expect(variances[0]).toBeLessThan(variances[1] as number);
    expect(variances[1]).toBeLessThan(variances[2] as number);
    expect(dot(moments.mean, last.weights)).toBeCloseTo(2e-3, 17);
  });

  it('is the minimum-variance portfolio throughout when every mean is equal', () => {
    const moments = randomMoments(5, seededRandom(3));
    const flat = { ...moments, mean: new Float64Array(5).fill(0.0004) };
    const frontier = efficientFrontier(flat, { points: 4 });
    const lowest = Array.from(optimize(flat, { method: 'min-variance' }).weights);
    frontier.forEach((point) => expect(Array.from(point.weights)).toEqual(lowest));
  });

  it('needs at least two points', () => {
    const moments = randomMoments(3, seededRandom(1));
    for (const points of [1, 2.5, Number.NaN]) {
      expect(fieldsOf(errorOf(() => efficientFrontier(moments, { points }), 'INVALID_ARGUMENT'))).toEqual([
        'points',
      ]);
    }
    errorOf(() => efficientFrontier(moments, { points: 5, maxWeight: 0.3 }), 'INFEASIBLE');
  });
});

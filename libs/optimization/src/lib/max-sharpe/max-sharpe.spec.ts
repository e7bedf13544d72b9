import fc from 'fast-check';
import { errorOf } from '../../testing/errors';
import {
  dot,
  problemShapes,
  randomFeasibleWeights,
  randomMoments,
  seededRandom,
  variance,
} from '../../testing/random-problems';
import type { Moments } from '../moments/moments';
import { optimize } from '../optimize/optimize';

const uncorrelated: Moments = {
  assets: 2,
  mean: Float64Array.of(0.001, 0.002),
  covariance: Float64Array.of(1e-4, 0, 0, 4e-4),
  periodsPerYear: 252,
  observations: 1000,
};

describe('max-sharpe', () => {
  it('is the tangency portfolio Σ⁻¹(μ − r_f), normalised, when the bounds do not bind', () => {
    // Σ⁻¹μ = (0.001/1e-4, 0.002/4e-4) = (10, 5) → (2/3, 1/3).
    const allocation = optimize(uncorrelated, { method: 'max-sharpe' });
    expect(allocation.method).toBe('max-sharpe');
    expect(allocation.weights[0]).toBeCloseTo(2 / 3, 14);
    expect(allocation.weights[1]).toBeCloseTo(1 / 3, 14);
    // r_f = 2.52% a year = 0.0001 a day: Σ⁻¹(μ − r_f) = (9, 4.75) → 9/13.75 and 4.75/13.75.
    const withRate = optimize(uncorrelated, { method: 'max-sharpe', riskFreeRate: 0.0252 });
    expect(withRate.weights[0]).toBeCloseTo(9 / 13.75, 14);
    expect(withRate.weights[1]).toBeCloseTo(4.75 / 13.75, 14);
  });

  it('solves the unconstrained tangency in closed form with shorting (3 correlated assets)', () => {
    // Σ = [[4, 2, 0], [2, 9, −3], [0, −3, 16]]·1e-4, μ = (1, 1, 3)·1e-3. Solving Σx = μ by hand:
    // det Σ (·1e12) = 4(144 − 9) − 2(32) + 0 = 476; x ∝ adj(Σ)μ with adj rows (135, −32, −6), (−32, 64, 12),
    // (−6, 12, 32): (135 − 32 − 18, −32 + 64 + 36, −6 + 12 + 96) = (85, 68, 102) → w = (85, 68, 102) / 255.
    const moments: Moments = {
      assets: 3,
      mean: Float64Array.of(1e-3, 1e-3, 3e-3),
      covariance: Float64Array.of(4, 2, 0, 2, 9, -3, 0, -3, 16).map((value) => value * 1e-4),
      periodsPerYear: 252,
      observations: 1000,
    };
    const { weights } = optimize(moments, { method: 'max-sharpe', allowShort: true, maxWeight: 5 });
    [85 / 255, 68 / 255, 102 / 255].forEach((expected, i) => expect(weights[i]).toBeCloseTo(expected, 13));
  });

  it('beats every feasible random portfolio on the Sharpe ratio', () => {
    fc.assert(
      fc.property(
        problemShapes(20),
        fc.constantFrom(0, 0.02, 0.05),
        fc.integer(),
        ({ n, seed, maxWeight, allowShort }, riskFreeRate, portfolioSeed) => {
          const moments = randomMoments(n, seededRandom(seed));
          const sharpe = (w: Float64Array) =>
            (dot(moments.mean, w) - riskFreeRate / 252) / Math.sqrt(variance(moments.covariance, w));
          const random = seededRandom(portfolioSeed);
          const others = Array.from({ length: 30 }, () =>
            randomFeasibleWeights(allowShort ? -maxWeight : 0, maxWeight, n, random),
          );
          let best: number;
          try {
            best = sharpe(
              optimize(moments, { method: 'max-sharpe', maxWeight, allowShort, riskFreeRate }).weights,
            );
          } catch (error) {
            // Refused only when no feasible portfolio beats the risk-free rate.
            expect((error as { code: string }).code).toBe('INFEASIBLE');
            others.forEach((w) => expect(dot(moments.mean, w) - riskFreeRate / 252).toBeLessThanOrEqual(0));
            return;
          }
          others.forEach((w) =>
            expect(best).toBeGreaterThanOrEqual(sharpe(w) - 1e-10 * Math.abs(sharpe(w)) - 1e-14),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is INFEASIBLE when no asset earns more than the risk-free rate, long-only', () => {
    // 5% a year is 0.000198 a day, above both means.
    const error = errorOf(
      () => optimize(uncorrelated, { method: 'max-sharpe', riskFreeRate: 0.6 }),
      'INFEASIBLE',
    );
    expect(error.message).toContain('risk-free rate');
  });
});

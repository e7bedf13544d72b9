import fc from 'fast-check';
import {
  problemShapes,
  randomCovariance,
  randomMoments,
  riskContributions,
  seededRandom,
} from '../../testing/random-problems';
import type { Moments } from '../moments/moments';
import { optimize } from '../optimize/optimize';

const momentsOf = (covariance: number[]): Moments => {
  const n = Math.round(Math.sqrt(covariance.length));
  return {
    assets: n,
    mean: new Float64Array(n),
    covariance: Float64Array.from(covariance),
    periodsPerYear: 252,
    observations: 1000,
  };
};

describe('risk parity', () => {
  it('weights two uncorrelated assets with variances 1 and 4 as 2/3 and 1/3', () => {
    // Uncorrelated: rcᵢ ∝ wᵢ²σᵢ², equal when wᵢ ∝ 1/σᵢ = 1, 1/2 → 2/3, 1/3.
    const { weights, riskContributions: rc } = optimize(momentsOf([1, 0, 0, 4]), { method: 'risk-parity' });
    expect(weights[0]).toBeCloseTo(2 / 3, 15);
    expect(weights[1]).toBeCloseTo(1 / 3, 15);
    expect(rc[0]).toBeCloseTo(0.5, 15);
  });

  it('weights two assets by inverse volatility whatever their correlation', () => {
    // Two assets: rc₁ = w₁(w₁σ₁² + w₂σ₁₂), rc₂ = w₂(w₂σ₂² + w₁σ₁₂); equal iff w₁²σ₁² = w₂²σ₂², i.e. w ∝ 1/σ.
    // σ = (0.2, 0.1), ρ = 0.5 (σ₁₂ = 0.01): w = (1/3, 2/3).
    const { weights } = optimize(momentsOf([0.04, 0.01, 0.01, 0.01]), { method: 'risk-parity' });
    expect(weights[0]).toBeCloseTo(1 / 3, 15);
    expect(weights[1]).toBeCloseTo(2 / 3, 15);
  });

  it('meets risk budgets: 80/20 on variances 1 and 4 gives weights 0.8 and 0.2', () => {
    // wᵢ ∝ √bᵢ/σᵢ = √0.8/1, √0.2/2 = 2√0.2, 0.5√0.2: a 4 : 1 split. Budgets need not sum to 1 (8 and 2).
    const { weights, riskContributions: rc } = optimize(momentsOf([1, 0, 0, 4]), {
      method: 'risk-parity',
      riskBudgets: [8, 2],
    });
    expect(weights[0]).toBeCloseTo(0.8, 15);
    expect(weights[1]).toBeCloseTo(0.2, 15);
    expect(rc[0]).toBeCloseTo(0.8, 15);
  });

  it('equalises risk contributions to 1e-8 on random positive definite covariances (n ≤ 30)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.integer(), (n, seed) => {
        const covariance = randomCovariance(n, seededRandom(seed));
        const allocation = optimize(momentsOf(Array.from(covariance)), { method: 'risk-parity' });
        const sum = allocation.weights.reduce((total, w) => total + w, 0);
        expect(Math.abs(sum - 1)).toBeLessThan(1e-12);
        allocation.weights.forEach((w) => expect(w).toBeGreaterThan(0));
        for (const rc of riskContributions(covariance, allocation.weights))
          expect(Math.abs(rc - 1 / n)).toBeLessThan(1e-8);
        allocation.riskContributions.forEach((rc) => expect(Math.abs(rc - 1 / n)).toBeLessThan(1e-8));
      }),
      { numRuns: 300 },
    );
  });

  it('gives risk contributions equal to the budgets to 1e-8', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 30 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.integer(),
              fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
            ),
          ),
        ([n, seed, budgets]) => {
          const covariance = randomCovariance(n, seededRandom(seed));
          const allocation = optimize(momentsOf(Array.from(covariance)), {
            method: 'risk-parity',
            riskBudgets: budgets,
          });
          const total = budgets.reduce((sum, b) => sum + b, 0);
          riskContributions(covariance, allocation.weights).forEach((rc, i) =>
            expect(Math.abs(rc - (budgets[i] as number) / total)).toBeLessThan(1e-8),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('holds a binding cap and splits the rest by the budgets: variances 1, 4, 9 with max_weight 0.4', () => {
    // Uncapped: w ∝ 1/σ = 1, 1/2, 1/3 → 6/11 ≈ 0.545, 3/11, 2/11: the first is above 0.4.
    // Capped at 0.4, the others share 0.6 with equal contributions: w₂²·4 = w₃²·9 → w₂/w₃ = 3/2 → 0.36, 0.24.
    // The capped asset contributes 0.4²·1 = 0.16 < 0.36²·4 = 0.5184 = 0.24²·9: no more than its share.
    const { weights, riskContributions: rc } = optimize(momentsOf([1, 0, 0, 0, 4, 0, 0, 0, 9]), {
      method: 'risk-parity',
      maxWeight: 0.4,
    });
    expect(weights[0]).toBe(0.4);
    expect(weights[1]).toBeCloseTo(0.36, 14);
    expect(weights[2]).toBeCloseTo(0.24, 14);
    const total = 0.16 + 2 * 0.5184;
    expect(rc[0]).toBeCloseTo(0.16 / total, 12);
    expect(rc[1]).toBeCloseTo(0.5184 / total, 12);
  });

  it('with a binding cap: capped assets at the cap and contributing no more than their share, the others exactly theirs', () => {
    fc.assert(
      fc.property(
        problemShapes(20),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        ({ n, seed }, capPosition, withBudgets) => {
          const random = seededRandom(seed);
          const moments = randomMoments(n, random);
          const budgets = withBudgets ? Array.from({ length: n }, () => 0.05 + random()) : undefined;
          const total = budgets === undefined ? n : budgets.reduce((sum, b) => sum + b, 0);
          const share = (i: number) => (budgets === undefined ? 1 : (budgets[i] as number)) / total;
          const free = optimize(moments, { method: 'risk-parity', riskBudgets: budgets });
          const largest = Math.max(...free.weights);
          // A cap between 1/n (everything at the cap) and the largest uncapped weight: it binds.
          const cap = 1 / n + capPosition * (largest - 1 / n);
          const { weights } = optimize(moments, {
            method: 'risk-parity',
            riskBudgets: budgets,
            maxWeight: cap,
          });
          expect(Math.abs(weights.reduce((sum, w) => sum + w, 0) - 1)).toBeLessThan(1e-12);
          const rc = riskContributions(moments.covariance, weights);
          const ratios = rc.map((value, i) => value / share(i));
          const uncapped = ratios.filter((_, i) => (weights[i] as number) < cap * (1 - 1e-9));
          weights.forEach((w) => expect(w).toBeLessThanOrEqual(cap));
          if (uncapped.length === 0) return; // n·cap = 1: every asset at the cap
          const common = uncapped.reduce((sum, r) => sum + r, 0) / uncapped.length;
          uncapped.forEach((r) => expect(Math.abs(r - common) / common).toBeLessThan(1e-8));
          ratios.forEach((r, i) => {
            if ((weights[i] as number) >= cap * (1 - 1e-9))
              expect(r).toBeLessThanOrEqual(common * (1 + 1e-8));
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('puts every asset at the cap when max_weight × n = 1', () => {
    const { weights } = optimize(momentsOf([1, 0, 0, 0, 4, 0, 0, 0, 9]), {
      method: 'risk-parity',
      maxWeight: 1 / 3,
    });
    expect(Array.from(weights)).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });

  it('stays long-only with allow_short: the same weights', () => {
    const moments = randomMoments(8, seededRandom(7));
    const longOnly = optimize(moments, { method: 'risk-parity', maxWeight: 0.3 });
    const withShort = optimize(moments, { method: 'risk-parity', maxWeight: 0.3, allowShort: true });
    expect(Array.from(withShort.weights)).toEqual(Array.from(longOnly.weights));
  });
});

import fc from 'fast-check';
import { AetherError } from '@aetherquant/core';
import { errorOf, fieldsOf } from '../../testing/errors';
import { problemShapes, randomMoments, riskContributions, seededRandom } from '../../testing/random-problems';
import type { Moments } from '../moments/moments';
import { OPTIMIZATION_METHODS, efficientFrontier, optimize, type OptimizeOptions } from './optimize';

const moments = (n: number, seed = 1): Moments => randomMoments(n, seededRandom(seed));

describe('optimize', () => {
  it('returns, for every method, weights summing to 1 within the bounds and contributions summing to 1', () => {
    fc.assert(
      fc.property(
        problemShapes(12),
        fc.constantFrom(...OPTIMIZATION_METHODS),
        ({ n, seed, maxWeight, allowShort }, method) => {
          const input = moments(n, seed);
          let allocation;
          try {
            allocation = optimize(input, { method, maxWeight, allowShort });
          } catch (error) {
            // Only max-sharpe may refuse (no portfolio beats the risk-free rate).
            expect(method).toBe('max-sharpe');
            expect((error as AetherError).code).toBe('INFEASIBLE');
            return;
          }
          const { weights, riskContributions: rc, expectedReturn, volatility } = allocation;
          expect(allocation.method).toBe(method);
          expect(Math.abs(weights.reduce((s, w) => s + w, 0) - 1)).toBeLessThan(1e-12);
          const lower = allowShort && method !== 'risk-parity' && method !== 'hrp' ? -maxWeight : 0;
          weights.forEach((w) => expect(w >= lower && w <= maxWeight).toBe(true));
          expect(Math.abs(rc.reduce((s, c) => s + c, 0) - 1)).toBeLessThan(1e-12);
          riskContributions(input.covariance, weights).forEach((c, i) =>
            expect(Math.abs(c - (rc[i] as number))).toBeLessThan(1e-12),
          );
          // Annual figures: μ'w × 252 and √(w'Σw × 252).
          const mean = Array.from(weights).reduce((s, w, i) => s + w * (input.mean[i] as number), 0);
          expect(expectedReturn).toBeCloseTo(mean * 252, 14);
          let varianceSum = 0;
          weights.forEach((wi, i) =>
            weights.forEach((wj, j) => (varianceSum += wi * wj * (input.covariance[i * n + j] as number))),
          );
          expect(volatility).toBeCloseTo(Math.sqrt(varianceSum * 252), 14);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('says why bounds are infeasible', () => {
    const error = errorOf(
      () => optimize(moments(4), { method: 'mean-variance', maxWeight: 0.2 }),
      'INFEASIBLE',
    );
    expect(error.message).toBe(
      'long-only weights cannot sum to 1 with max_weight 0.2 for 4 assets (needs at least 0.25)',
    );
    const short = errorOf(
      () => optimize(moments(3), { method: 'min-variance', maxWeight: 0.3, allowShort: true }),
      'INFEASIBLE',
    );
    expect(short.message).toBe(
      'weights within ±max_weight cannot sum to 1 with max_weight 0.3 for 3 assets (needs at least 0.333333)',
    );
    for (const method of OPTIMIZATION_METHODS)
      errorOf(() => optimize(moments(5), { method, maxWeight: 0.19 }), 'INFEASIBLE');
  });

  it('accepts max_weight × n = 1 exactly: every asset at the cap, whatever the method', () => {
    for (const method of OPTIMIZATION_METHODS) {
      const { weights } = optimize(moments(4), { method, maxWeight: 0.25 });
      expect(Array.from(weights)).toEqual([0.25, 0.25, 0.25, 0.25]);
    }
  });

  it('names each bad option in snake_case, all at once', () => {
    const error = errorOf(
      () =>
        optimize(moments(3), {
          method: 'mean-variance',
          maxWeight: 0,
          allowShort: 'yes' as never,
          riskAversion: -1,
          riskFreeRate: Number.NaN,
          riskBudgets: [1, 2],
        }),
      'INVALID_ARGUMENT',
    );
    expect(fieldsOf(error)).toEqual([
      'max_weight',
      'allow_short',
      'risk_aversion',
      'risk_free_rate',
      'risk_budgets',
    ]);
    const cases: Array<[Partial<OptimizeOptions>, string, string]> = [
      [{ method: 'sharpest' as never }, 'method', 'must be one of risk-parity, mean-variance'],
      [{ maxWeight: Infinity }, 'max_weight', 'must be a finite number above 0'],
      [{ riskAversion: 0 }, 'risk_aversion', 'above 0 (got 0)'],
      [{ riskFreeRate: Infinity }, 'risk_free_rate', 'must be a finite number'],
      [{ riskBudgets: [1, 0, 1] }, 'risk_budgets', 'budget 1 is 0'],
      [{ riskBudgets: [1, 1] }, 'risk_budgets', 'one budget per asset (3; got 2 budgets)'],
    ];
    for (const [options, field, rule] of cases) {
      const caught = errorOf(
        () => optimize(moments(3), { method: 'risk-parity', ...options }),
        'INVALID_ARGUMENT',
      );
      expect(fieldsOf(caught)).toEqual([field]);
      expect(caught.message).toContain(rule);
    }
  });

  it('needs two assets and a positive definite, symmetric covariance', () => {
    const one: Moments = {
      assets: 1,
      mean: Float64Array.of(0.001),
      covariance: Float64Array.of(1e-4),
      periodsPerYear: 252,
      observations: 10,
    };
    expect(fieldsOf(errorOf(() => optimize(one, { method: 'risk-parity' }), 'INVALID_ARGUMENT'))).toEqual([
      'symbols',
    ]);
    const duplicated: Moments = {
      assets: 2,
      mean: Float64Array.of(0.001, 0.001),
      covariance: Float64Array.of(1e-4, 1e-4, 1e-4, 1e-4),
      periodsPerYear: 252,
      observations: 10,
    };
    const singular = errorOf(() => optimize(duplicated, { method: 'min-variance' }), 'INVALID_ARGUMENT');
    expect(fieldsOf(singular)).toEqual(['covariance']);
    expect(singular.message).toContain("'ledoit-wolf'");
    const asymmetric = { ...duplicated, covariance: Float64Array.of(1e-4, 0, 1e-5, 1e-4) };
    expect(errorOf(() => optimize(asymmetric, { method: 'hrp' }), 'INVALID_ARGUMENT').message).toContain(
      'symmetric',
    );
    const wrongSizes = {
      ...duplicated,
      mean: Float64Array.of(0.001),
      covariance: Float64Array.of(1e-4, 0, 0),
      periodsPerYear: 0,
    };
    expect(fieldsOf(errorOf(() => optimize(wrongSizes, { method: 'hrp' }), 'INVALID_ARGUMENT'))).toEqual([
      'periods_per_year',
      'mean',
      'covariance',
    ]);
  });

  it('checks the frontier options the same way', () => {
    expect(
      fieldsOf(
        errorOf(() => efficientFrontier(moments(3), { points: 0, maxWeight: -1 }), 'INVALID_ARGUMENT'),
      ),
    ).toEqual(['points', 'max_weight']);
  });
});

import { optimize } from '../optimize/optimize';
import type { Moments } from '../moments/moments';

/** Moments of two assets from variances and a covariance (per period; 252 periods a year). */
const twoAssets = (mean: [number, number], variance: [number, number], covariance = 0): Moments => ({
  assets: 2,
  mean: Float64Array.from(mean),
  covariance: Float64Array.of(variance[0], covariance, covariance, variance[1]),
  periodsPerYear: 252,
  observations: 1000,
});

describe('mean-variance', () => {
  it('matches the two-asset closed form', () => {
    // Stationarity on both assets: μᵢ − 2λ(Σw)ᵢ = ν, w₁ + w₂ = 1, which gives
    // w₁ = [(μ₁ − μ₂) + 2λ(σ₂² − σ₁₂)] / [2λ(σ₁² + σ₂² − 2σ₁₂)].
    // Uncorrelated, σ² = (0.04, 0.01), μ = (0.10, 0.05), λ = 3: w₁ = (0.05 + 6·0.01) / (6·0.05) = 0.11 / 0.30.
    const uncorrelated = optimize(twoAssets([0.1, 0.05], [0.04, 0.01]), { method: 'mean-variance' });
    expect(uncorrelated.weights[0]).toBeCloseTo(11 / 30, 14);
    expect(uncorrelated.weights[1]).toBeCloseTo(19 / 30, 14);
    // σ₁₂ = 0.006 (ρ = 0.3), λ = 4: w₁ = (0.05 + 8·(0.01 − 0.006)) / (8·(0.05 − 0.012)) = 0.082 / 0.304.
    const correlated = optimize(twoAssets([0.1, 0.05], [0.04, 0.01], 0.006), {
      method: 'mean-variance',
      riskAversion: 4,
    });
    expect(correlated.weights[0]).toBeCloseTo(0.082 / 0.304, 14);
  });

  it('stops at the bounds when the unconstrained optimum lies outside', () => {
    // μ = (0.30, 0), σ² = (0.04, 0.01), λ = 1: unconstrained w₁ = (0.30 + 2·0.01) / (2·0.05) = 3.2.
    const moments = twoAssets([0.3, 0], [0.04, 0.01]);
    expect(Array.from(optimize(moments, { method: 'mean-variance', riskAversion: 1 }).weights)).toEqual([
      1, 0,
    ]);
    // Shorting within ±1.5: w₁ stops at 1.5, w₂ = 1 − 1.5 = −0.5.
    const short = optimize(moments, {
      method: 'mean-variance',
      riskAversion: 1,
      allowShort: true,
      maxWeight: 1.5,
    });
    expect(short.weights[0]).toBeCloseTo(1.5, 15);
    expect(short.weights[1]).toBeCloseTo(-0.5, 15);
  });

  it('reports annual return, volatility and risk contributions of the weights', () => {
    // w = (11/30, 19/30): μ'w = (1.1 + 0.95)/30 = 2.05/30 per period; w'Σw = (0.04·121 + 0.01·361)/900 = 8.45/900.
    const allocation = optimize(twoAssets([0.1, 0.05], [0.04, 0.01]), { method: 'mean-variance' });
    expect(allocation.method).toBe('mean-variance');
    expect(allocation.expectedReturn).toBeCloseTo((2.05 / 30) * 252, 12);
    expect(allocation.volatility).toBeCloseTo(Math.sqrt((8.45 / 900) * 252), 12);
    // Risk contributions wᵢ²σᵢ² / w'Σw: 4.84/8.45 and 3.61/8.45.
    expect(allocation.riskContributions[0]).toBeCloseTo(4.84 / 8.45, 14);
    expect(allocation.riskContributions[1]).toBeCloseTo(3.61 / 8.45, 14);
  });

  it('handles degenerate inputs: equal assets, and a cap that leaves one feasible point', () => {
    const n = 5;
    const identical: Moments = {
      assets: n,
      mean: new Float64Array(n).fill(0.0004),
      covariance: Float64Array.from({ length: n * n }, (_, index) => (index % (n + 1) === 0 ? 1e-4 : 0)),
      periodsPerYear: 252,
      observations: 100,
    };
    // Identical uncorrelated assets: equal weights by symmetry.
    optimize(identical, { method: 'mean-variance' }).weights.forEach((w) => expect(w).toBeCloseTo(0.2, 15));
    // max_weight × n = 1: the only feasible portfolio holds every asset at the cap.
    const mean = Float64Array.of(0.001, -0.002, 0.0005, 0.003);
    const capped = optimize(
      {
        ...identical,
        assets: 4,
        mean,
        covariance: Float64Array.from({ length: 16 }, (_, i) => (i % 5 === 0 ? 1e-4 : 2e-5)),
      },
      {
        method: 'mean-variance',
        maxWeight: 0.25,
      },
    );
    capped.weights.forEach((w) => expect(w).toBeCloseTo(0.25, 15));
  });
});

describe('min-variance', () => {
  it('matches the two-asset closed form w₁ = (σ₂² − σ₁₂) / (σ₁² + σ₂² − 2σ₁₂)', () => {
    // σ² = (0.04, 0.01), σ₁₂ = 0.006: w₁ = 0.004 / 0.038 = 2/19.
    const allocation = optimize(twoAssets([0.1, 0.05], [0.04, 0.01], 0.006), { method: 'min-variance' });
    expect(allocation.method).toBe('min-variance');
    expect(allocation.weights[0]).toBeCloseTo(2 / 19, 15);
    expect(allocation.weights[1]).toBeCloseTo(17 / 19, 15);
  });

  it('shorts the riskier asset only when allowed', () => {
    // σ₁₂ = 0.015 (ρ = 0.75): w₁ = (0.01 − 0.015) / (0.05 − 0.03) = −0.25.
    const moments = twoAssets([0.1, 0.05], [0.04, 0.01], 0.015);
    expect(Array.from(optimize(moments, { method: 'min-variance' }).weights)).toEqual([0, 1]);
    const short = optimize(moments, { method: 'min-variance', allowShort: true, maxWeight: 2 });
    expect(short.weights[0]).toBeCloseTo(-0.25, 15);
    expect(short.weights[1]).toBeCloseTo(1.25, 15);
  });
});

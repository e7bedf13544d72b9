// Random optimisation problems for the property tests: a seeded generator (fast-check draws the seed and the
// shape, this builds the matrices), realistic covariances and feasible random portfolios.
import fc from 'fast-check';
import type { Moments } from '../lib/moments/moments';

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller). */
export function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/**
 * A positive definite covariance of n assets: volatilities from 5% to 50% a year (daily), correlations from a
 * 3-factor model with loadings of both signs plus idiosyncratic noise, so correlations run from about −0.8 to 0.95.
 */
export function randomCovariance(n: number, random: () => number): Float64Array {
  const factors = 3;
  const loadings = Array.from({ length: n }, () => Array.from({ length: factors }, () => normal(random)));
  const idiosyncratic = Array.from({ length: n }, () => 0.05 + random());
  const volatility = Array.from({ length: n }, () => (0.05 + 0.45 * random()) / Math.sqrt(252));
  const covariance = new Float64Array(n * n);
  const correlationScale = loadings.map((row, i) =>
    Math.sqrt(row.reduce((sum, value) => sum + value * value, 0) + (idiosyncratic[i] as number)),
  );
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let product = i === j ? (idiosyncratic[i] as number) : 0;
      for (let k = 0; k < factors; k++)
        product += (loadings[i]?.[k] as number) * (loadings[j]?.[k] as number);
      const correlation = product / ((correlationScale[i] as number) * (correlationScale[j] as number));
      covariance[i * n + j] = correlation * (volatility[i] as number) * (volatility[j] as number);
    }
  }
  return covariance;
}

/** Daily mean returns from −20% to +30% a year. */
export function randomMean(n: number, random: () => number): Float64Array {
  return Float64Array.from({ length: n }, () => (-0.2 + 0.5 * random()) / 252);
}

export function randomMoments(n: number, random: () => number): Moments {
  return {
    assets: n,
    mean: randomMean(n, random),
    covariance: randomCovariance(n, random),
    periodsPerYear: 252,
    observations: 1000,
  };
}

/** A problem's shape: assets, a seed, bounds (cap ≥ 1/n, so feasible) and shorting. */
export interface ProblemShape {
  n: number;
  seed: number;
  maxWeight: number;
  allowShort: boolean;
}

/** Shapes with n in [2, maxAssets] and a cap from barely feasible (1/n) to 1.5. */
export function problemShapes(maxAssets: number): fc.Arbitrary<ProblemShape> {
  return fc
    .record({
      n: fc.integer({ min: 2, max: maxAssets }),
      seed: fc.integer(),
      capFraction: fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
      allowShort: fc.boolean(),
    })
    .map(({ n, seed, capFraction, allowShort }) => ({
      n,
      seed,
      // From 1/n (every asset at the cap, long-only) up to 1.5 (shorts can lever past 1).
      maxWeight: 1 / n + capFraction * (1.5 - 1 / n),
      allowShort,
    }));
}

/**
 * A random portfolio in the box [lower, upper] summing to 1: random points in the box (some snapped to a bound,
 * to reach faces and vertices), then the excess or shortfall spread in proportion to each asset's room.
 */
export function randomFeasibleWeights(
  lower: number,
  upper: number,
  n: number,
  random: () => number,
): Float64Array {
  const weights = Float64Array.from({ length: n }, () => {
    const draw = random();
    if (draw < 0.2) return lower;
    if (draw < 0.3) return upper;
    return lower + random() * (upper - lower);
  });
  const sum = weights.reduce((total, value) => total + value, 0);
  if (sum < 1) {
    const room = n * upper - sum;
    for (let i = 0; i < n; i++)
      weights[i] = (weights[i] as number) + ((1 - sum) * (upper - (weights[i] as number))) / room;
  } else if (sum > 1) {
    const room = sum - n * lower;
    for (let i = 0; i < n; i++)
      weights[i] = (weights[i] as number) - ((sum - 1) * ((weights[i] as number) - lower)) / room;
  }
  return weights;
}

/** w'Σw. */
export function variance(covariance: Float64Array, weights: Float64Array): number {
  const n = weights.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++)
      total += (weights[i] as number) * (covariance[i * n + j] as number) * (weights[j] as number);
  }
  return total;
}

/** μ'w. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += (a[i] as number) * (b[i] as number);
  return total;
}

/** Risk contributions wᵢ(Σw)ᵢ / w'Σw, computed naively. */
export function riskContributions(covariance: Float64Array, weights: Float64Array): number[] {
  const n = weights.length;
  const total = variance(covariance, weights);
  return Array.from(weights, (wi, i) => {
    let product = 0;
    for (let j = 0; j < n; j++) product += (covariance[i * n + j] as number) * (weights[j] as number);
    return (wi * product) / total;
  });
}

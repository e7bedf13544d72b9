// Historical value at risk and expected shortfall, by selection instead of a full sort: O(n) expected.
import type { FieldViolation } from '@aetherquant/core';
import { checkConfidence, checkFinite, throwIfInvalid } from '../input/check-input';

// Module constants: under Jest's sandbox every lookup of the global `Math` is slow.
const { floor, round } = Math;

/** Value at risk and expected shortfall at one confidence level, both as returns (negative for a loss). */
export interface TailRisk {
  valueAtRisk: number;
  conditionalValueAtRisk: number;
}

/**
 * The tail probability `1 − confidence`, rounded to 12 decimals so that 0.95 gives exactly 0.05 (in binary
 * floating point `1 − 0.95` is 0.050000000000000044), the fraction numpy.percentile(r, 5) and c-reference.c use.
 */
export function tailProbability(confidence: number): number {
  return round((1 - confidence) * 1e12) / 1e12;
}

/**
 * The k-th smallest (0-based) of `values[0 .. length)`, by Hoare-partition quickselect with the middle element
 * as pivot, exactly as c-reference.c's `select_k`. Reorders those elements: afterwards every element before
 * index k is ≤ the result and every element after it is ≥ it.
 */
export function selectInPlace(values: Float64Array, length: number, k: number): number {
  let low = 0;
  let high = length - 1;
  while (low < high) {
    const pivot = values[(low + high) >>> 1];
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const swap = values[i];
        values[i] = values[j];
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) high = j;
    else if (k >= i) low = i;
    else return values[k];
  }
  return values[k];
}

/**
 * VaR and CVaR of `returns[0 .. length)` at the given tail probability, reordering those elements (pass a
 * copy). No argument checks: the caller has made them.
 *
 * One quickselect places the ⌊p⌋-th smallest value at index ⌊p⌋ with everything smaller before it; a single
 * scan of the rest then yields the next order statistic (its minimum) and how often that minimum occurs, which is
 * all the interpolation and the tail mean need. Zero returns give 0 for both (no loss observed).
 */
export function tailRiskInPlace(returns: Float64Array, length: number, tail: number): TailRisk {
  if (length === 0) return { valueAtRisk: 0, conditionalValueAtRisk: 0 };
  const position = tail * (length - 1);
  const lower = floor(position);
  const below = selectInPlace(returns, length, lower);
  let tailSum = 0;
  for (let i = 0; i <= lower; i++) tailSum += returns[i];
  if (lower + 1 >= length) {
    // The position is the last element (one return, or a tail probability that rounds to 1): no interpolation.
    return { valueAtRisk: below, conditionalValueAtRisk: tailSum / (lower + 1) };
  }
  let above = returns[lower + 1];
  let aboveCount = 1;
  for (let i = lower + 2; i < length; i++) {
    const value = returns[i];
    if (value < above) {
      above = value;
      aboveCount = 1;
    } else if (value === above) {
      aboveCount++;
    }
  }
  const valueAtRisk = below + (position - lower) * (above - below);
  // Every element after `lower` is ≥ above ≥ valueAtRisk, so only copies of `above` can still be ≤ VaR
  // (when the interpolation lands on it exactly).
  if (above <= valueAtRisk) {
    return {
      valueAtRisk,
      conditionalValueAtRisk: (tailSum + aboveCount * above) / (lower + 1 + aboveCount),
    };
  }
  return { valueAtRisk, conditionalValueAtRisk: tailSum / (lower + 1) };
}

/**
 * Historical value at risk: the (1 − confidence) quantile of the returns with linear interpolation, as
 * numpy.percentile's default ('linear') method and c-reference.c. With the k returns sorted as x, the position
 * is `p = (1 − confidence) × (k − 1)` and `VaR = x[⌊p⌋] + (p − ⌊p⌋) × (x[⌊p⌋ + 1] − x[⌊p⌋])`. It is found by
 * quickselect on one copy (O(k) expected), never by sorting.
 *
 * Reported as a return, so a loss is negative (−0.03 means a 3% loss is exceeded on 5% of bars at 0.95).
 * Edge cases: one return gives that return; no returns give 0 (no loss observed).
 *
 * numpy evaluates the same interpolation from the upper neighbour when the fraction is ≥ 0.5, so the two can
 * differ in the last bit; the position and the neighbours are the same.
 *
 * @param returns - simple returns per bar, each finite.
 * @param confidence - strictly between 0 and 1; 0.95 by default. `1 − confidence` is rounded to 12 decimals so
 *   that 0.95 gives exactly the 0.05 of numpy.percentile(r, 5).
 * @param scratch - optional buffer of at least k elements for the copy, to avoid an allocation; overwritten.
 * @throws AetherError INVALID_ARGUMENT for a return that is not finite, a bad confidence or a short scratch.
 */
export function valueAtRisk(returns: ArrayLike<number>, confidence = 0.95, scratch?: Float64Array): number {
  return tailRisk(returns, confidence, scratch, 'valueAtRisk').valueAtRisk;
}

/**
 * Historical conditional value at risk (expected shortfall): the mean of the returns at or below the
 * {@link valueAtRisk} at the same confidence, as c-reference.c (`mean of r where r ≤ VaR`). Never above the VaR
 * (but for rounding), and negative for a loss. Edge cases: one return gives that return; no returns give 0 (no
 * loss observed).
 *
 * @param returns - simple returns per bar, each finite.
 * @param confidence - strictly between 0 and 1; 0.95 by default.
 * @param scratch - optional buffer of at least k elements for the copy, to avoid an allocation; overwritten.
 * @throws AetherError INVALID_ARGUMENT for a return that is not finite, a bad confidence or a short scratch.
 */
export function conditionalValueAtRisk(
  returns: ArrayLike<number>,
  confidence = 0.95,
  scratch?: Float64Array,
): number {
  return tailRisk(returns, confidence, scratch, 'conditionalValueAtRisk').conditionalValueAtRisk;
}

function tailRisk(
  returns: ArrayLike<number>,
  confidence: number,
  scratch: Float64Array | undefined,
  context: string,
): TailRisk {
  const violations: FieldViolation[] = [];
  checkFinite(returns, 'returns', violations);
  checkConfidence(confidence, violations);
  const count = returns.length;
  if (scratch !== undefined && scratch.length < count) {
    violations.push({
      field: 'scratch',
      rule: `must have room for ${count} returns (got ${scratch.length})`,
    });
  }
  throwIfInvalid(violations, context);
  const copy = scratch ?? new Float64Array(count);
  copy.set(returns);
  return tailRiskInPlace(copy, count, tailProbability(confidence));
}

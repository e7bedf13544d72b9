import fc from 'fast-check';
import { conditionalValueAtRisk, valueAtRisk } from './tail-risk';

/** The textbook definition: sort a copy, interpolate linearly (numpy's 'linear'), average the tail. */
function sortedDefinition(returns: number[], tail: number): { valueAtRisk: number; cvar: number } {
  const sorted = [...returns].sort((a, b) => a - b);
  const position = tail * (sorted.length - 1);
  const lower = Math.floor(position);
  const below = sorted[lower] as number;
  const valueAtRisk =
    lower + 1 < sorted.length ? below + (position - lower) * ((sorted[lower + 1] as number) - below) : below;
  const inTail = returns.filter((value) => value <= valueAtRisk);
  return { valueAtRisk, cvar: inTail.reduce((sum, value) => sum + value, 0) / inTail.length };
}

// Returns from a coarse grid as well as continuous ones, so that ties (the hard case for selection) are common.
const gridReturn = fc.integer({ min: -20, max: 20 }).map((step) => step / 100);
const anyReturn = fc.double({ min: -0.99, max: 5, noNaN: true, noDefaultInfinity: true });
const returnsArray = fc.oneof(
  fc.array(gridReturn, { minLength: 1, maxLength: 300 }),
  fc.array(anyReturn, { minLength: 1, maxLength: 300 }),
);
const confidence = fc.constantFrom(0.95, 0.99, 0.9, 0.75, 0.5, 0.01);

describe('valueAtRisk and conditionalValueAtRisk by quickselect', () => {
  it('equal the sort-based definition for random returns', () => {
    fc.assert(
      fc.property(returnsArray, confidence, (returns, level) => {
        const tail = Math.round((1 - level) * 1e12) / 1e12;
        const expected = sortedDefinition(returns, tail);
        // The same order statistics and the same interpolation: equal to the bit.
        expect(valueAtRisk(returns, level)).toBe(expected.valueAtRisk);
        // The tail is summed in another order, so allow for rounding.
        const cvar = conditionalValueAtRisk(returns, level);
        expect(Math.abs(cvar - expected.cvar)).toBeLessThanOrEqual(
          1e-12 * Math.max(1, Math.abs(expected.cvar)),
        );
        // A mean of values at or below the VaR is not above it (beyond rounding, as three 0.01s averaging 0.010000000000000002).
        expect(cvar).toBeLessThanOrEqual(
          expected.valueAtRisk + 1e-12 * Math.max(1, Math.abs(expected.valueAtRisk)),
        );
      }),
      { numRuns: 500 },
    );
  });
});

import fc from 'fast-check';
import { trailingMax, trailingMin } from './trailing-extremes';

/** The same extremes the slow way: re-scanning the window before every bar. */
function bruteForce(values: number[], window: number, pick: (a: number, b: number) => number): number[] {
  return values.map((_, t) =>
    t < window ? Number.NaN : values.slice(t - window, t).reduce((a, b) => pick(a, b)),
  );
}

describe('trailingMax / trailingMin', () => {
  it('take the extremes of the window before each bar, bar t excluded (window 3)', () => {
    const values = Float64Array.of(5, 1, 4, 2, 3, 9, 0);
    // bar 3: bars 0–2 (5 1 4) → max 5, min 1; bar 4: 1 4 2 → 4, 1; bar 5: 4 2 3 → 4, 2; bar 6: 2 3 9 → 9, 2
    expect(Array.from(trailingMax(values, 3))).toEqual([NaN, NaN, NaN, 5, 4, 4, 9]);
    expect(Array.from(trailingMin(values, 3))).toEqual([NaN, NaN, NaN, 1, 1, 2, 2]);
  });

  it('agree with a brute-force scan for any values and window, ties included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 25 }),
        (values, window) => {
          const typed = Float64Array.from(values);
          expect(Array.from(trailingMax(typed, window))).toEqual(bruteForce(values, window, Math.max));
          expect(Array.from(trailingMin(typed, window))).toEqual(bruteForce(values, window, Math.min));
        },
      ),
    );
  });

  it('write into a preallocated array', () => {
    const out = new Float64Array(4).fill(-7);
    expect(trailingMax(Float64Array.of(1, 3, 2, 5), 1, out)).toBe(out);
    expect(Array.from(out)).toEqual([NaN, 1, 3, 2]);
  });
});

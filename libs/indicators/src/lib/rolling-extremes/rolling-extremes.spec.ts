import fc from 'fast-check';
import { naiveRolling } from '../../testing/compare';
import { rollingExtremeWarmup, rollingMax, rollingMin } from './rolling-extremes';

describe('rollingMax / rollingMin', () => {
  it('take the extremes of the window, bar t included (period 3)', () => {
    // bars 0–2 (5 1 4) → 5, 1; 1–3 (1 4 2) → 4, 1; 2–4 (4 2 3) → 4, 2; 3–5 (2 3 9) → 9, 2; 4–6 (3 9 0) → 9, 0
    expect(Array.from(rollingMax([5, 1, 4, 2, 3, 9, 0], 3))).toEqual([NaN, NaN, 5, 4, 4, 9, 9]);
    expect(Array.from(rollingMin([5, 1, 4, 2, 3, 9, 0], 3))).toEqual([NaN, NaN, 1, 1, 2, 2, 0]);
    expect(rollingExtremeWarmup(3)).toBe(2);
  });

  it('agree with a brute-force scan for any values and window, ties included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 25 }),
        (values, period) => {
          expect(Array.from(rollingMax(values, period))).toEqual(
            Array.from(naiveRolling(values, period, (window) => Math.max(...window))),
          );
          expect(Array.from(rollingMin(values, period))).toEqual(
            Array.from(naiveRolling(values, period, (window) => Math.min(...window))),
          );
        },
      ),
    );
  });

  it('names the argument it rejects', () => {
    expect(() => rollingMin([1], 0)).toThrow('rollingMin: period must be an integer of at least 1 (got 0)');
  });
});

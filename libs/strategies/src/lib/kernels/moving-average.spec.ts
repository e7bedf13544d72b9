import { simpleMovingAverage } from './moving-average';

describe('simpleMovingAverage', () => {
  it('averages full windows only, NaN before (window 3)', () => {
    // bar 2: (1+2+3)/3 = 2; bar 3: (2+3+7)/3 = 4; bar 4: (3+7+2)/3 = 4
    expect(Array.from(simpleMovingAverage(Float64Array.of(1, 2, 3, 7, 2), 3))).toEqual([NaN, NaN, 2, 4, 4]);
  });

  it('uses a plain running sum, rounding included', () => {
    // (0.1 + 0.2) / 2 rounds to 0.15000000000000002; the running sum then subtracts 0.1 and adds 0.3:
    // ((0.1 + 0.2) + 0.3 − 0.1) / 2 = 0.25 exactly as the loop computes it, not as (0.2 + 0.3) / 2.
    const values = Float64Array.of(0.1, 0.2, 0.3);
    const expected = [NaN, (0.1 + 0.2) / 2, (0.1 + 0.2 + 0.3 - 0.1) / 2];
    expect(Array.from(simpleMovingAverage(values, 2))).toEqual(expected);
  });
});

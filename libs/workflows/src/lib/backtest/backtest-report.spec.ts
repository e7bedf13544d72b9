import fc from 'fast-check';
import { money, ratio, roundDecimals } from './backtest-report';

describe('roundDecimals', () => {
  it.each([
    [1.005, 2, 1], // 1.005 is 1.00499999999999989… in binary: toFixed says 1.00
    [1.015, 2, 1.01], // 1.01499999999999990…
    [2.675, 2, 2.67],
    [0.125, 2, 0.13], // exactly representable half: away from zero
    [-0.125, 2, -0.13],
    [123456.789, 2, 123456.79],
    [-0.0000005, 6, -0], // binary −4.99999…e−7
    [0.1234565, 6, 0.123456], // binary 0.12345649999…
    [1e20, 2, 1e20],
  ])('rounds %p to %p decimals as toFixed does: %p', (value, digits, expected) => {
    expect(roundDecimals(value, digits)).toBe(expected);
    expect(roundDecimals(value, digits)).toBe(Number(value.toFixed(digits)));
  });

  it('keeps the sign of a negative value that rounds to zero, and not of −0, as toFixed does', () => {
    expect(Object.is(roundDecimals(-0.001, 2), -0)).toBe(true);
    expect(Object.is(Number((-0.001).toFixed(2)), -0)).toBe(true);
    expect(Object.is(roundDecimals(-0, 2), 0)).toBe(true);
  });

  it('equals Number(value.toFixed(d)) for any double, d = 2 and 6', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), (value) => {
        expect(money(value)).toBe(Number(value.toFixed(2)));
        expect(ratio(value)).toBe(Number(value.toFixed(6)));
      }),
      { numRuns: 20_000 },
    );
  });

  it('equals toFixed on values with few decimals, where halves are common', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.integer({ min: 1, max: 4 }),
        (n, shift) => {
          const value = n / 10 ** (shift + 2);
          expect(money(value)).toBe(Number(value.toFixed(2)));
          expect(ratio(value / 1000)).toBe(Number((value / 1000).toFixed(6)));
        },
      ),
      { numRuns: 20_000 },
    );
  });
});

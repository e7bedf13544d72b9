import { errorOf, fieldsOf } from '../../testing/errors';
import { isPositiveDefinite } from '../linear-algebra/cholesky';
import { estimateMoments, returnsMatrix } from './moments';

/** Compares typed-array entries to hand-computed values, to `digits` decimals. */
const expectCloseTo = (actual: ArrayLike<number>, expected: number[], digits = 15) => {
  expect(actual.length).toBe(expected.length);
  expected.forEach((value, i) => expect(actual[i]).toBeCloseTo(value, digits));
};

describe('returnsMatrix', () => {
  it('turns aligned closes into simple returns, rows × assets', () => {
    // A: 100 → 110 → 99 → 108.9 is +10%, −10%, +10%; B: 50 → 50 → 55 → 44 is 0%, +10%, −20%.
    const { returns, rows, assets } = returnsMatrix([
      Float64Array.of(100, 110, 99, 108.9),
      Float64Array.of(50, 50, 55, 44),
    ]);
    expect([rows, assets]).toEqual([3, 2]);
    expectCloseTo(returns, [0.1, 0, -0.1, 0.1, 0.1, -0.2]);
  });

  it('drops every row that touches a gap (NaN), for all assets', () => {
    // A's bar 1 is missing: the returns 0→1 and 1→2 are dropped; 2→3 (+10%) and 3→4 (+10%) stay, with B's.
    const { returns, rows } = returnsMatrix([
      Float64Array.of(100, NaN, 99, 108.9, 119.79),
      Float64Array.of(50, 51, 55, 44, 22),
    ]);
    expect(rows).toBe(2);
    expectCloseTo(returns, [0.1, -0.2, 0.1, -0.5]);
  });

  it('names the field of each bad input', () => {
    expect(fieldsOf(errorOf(() => returnsMatrix([Float64Array.of(1, 2, 3)]), 'INVALID_ARGUMENT'))).toEqual([
      'symbols',
    ]);
    const unequal = errorOf(
      () => returnsMatrix([Float64Array.of(1, 2, 3), Float64Array.of(1, 2)]),
      'INVALID_ARGUMENT',
    );
    expect(fieldsOf(unequal)).toEqual(['returns']);
    expect(unequal.message).toContain('equal length');
    const short = errorOf(
      () => returnsMatrix([Float64Array.of(1, 2), Float64Array.of(1, 2)]),
      'INVALID_ARGUMENT',
    );
    expect(short.message).toContain('at least 3 closes');
    const negative = errorOf(
      () => returnsMatrix([Float64Array.of(1, 2, 3), Float64Array.of(1, -2, 3)]),
      'INVALID_ARGUMENT',
    );
    expect(negative.message).toContain('asset 1, bar 1 is -2');
    const gaps = errorOf(
      () => returnsMatrix([Float64Array.of(1, NaN, 3, 4), Float64Array.of(1, 2, 3, 4)]),
      'INVALID_ARGUMENT',
    );
    expect(gaps.message).toContain('at least 2 rows without gaps (got 1)');
  });
});

describe('estimateMoments', () => {
  it('computes the mean and the sample covariance (ddof 1) by hand', () => {
    // Rows (a, b): (0.01, 0.02), (0.03, −0.02), (−0.01, 0.03). Means 0.03/3 = 0.01 and 0.03/3 = 0.01.
    // Deviations a: 0, 0.02, −0.02; b: 0.01, −0.03, 0.02.
    // var a = (0 + 4e-4 + 4e-4) / 2 = 4e-4; var b = (1e-4 + 9e-4 + 4e-4) / 2 = 7e-4;
    // cov = (0 − 6e-4 − 4e-4) / 2 = −5e-4 (positive definite: 4e-4 · 7e-4 = 2.8e-7 > 2.5e-7).
    const moments = estimateMoments(Float64Array.of(0.01, 0.02, 0.03, -0.02, -0.01, 0.03), 3, 2, {
      periodsPerYear: 252,
    });
    expectCloseTo(moments.mean, [0.01, 0.01], 17);
    expectCloseTo(moments.covariance, [4e-4, -5e-4, -5e-4, 7e-4], 17);
    expect(moments).toMatchObject({ assets: 2, periodsPerYear: 252, observations: 3 });
  });

  it('shrinks as scikit-learn LedoitWolf does, on a 3-asset case worked by hand', () => {
    // Demeaned rows X = ±v for v = (1, 1, 1), (2, 0, 1), (1, −1, 0), (0, 1, −1): 8 rows, column means 0.
    // V'V = [[6, 0, 3], [0, 3, 0], [3, 0, 3]], so X'X = 2·V'V and S = X'X / 8 = [[1.5, 0, 0.75], [0, 0.75, 0],
    // [0.75, 0, 0.75]] (ddof 0, as the paper and sklearn).
    // μ = tr(S) / 3 = 3 / 3 = 1.
    // δ = ‖S − μI‖²_F / 3 = (0.25 + 0.0625 + 0.0625 + 2·0.5625) / 3 = 1.5 / 3 = 0.5.
    // ‖S‖²_F = 2.25 + 0.5625 + 0.5625 + 2·0.5625 = 4.5; Σ‖x_t‖⁴ = 2·(3² + 5² + 2² + 2²) = 84.
    // β = (84/8 − 4.5) / (3·8) = 6 / 24 = 0.25; intensity ρ = min(β, δ) / δ = 0.5.
    // Σ = 0.5·S + 0.5·1·I = [[1.25, 0, 0.375], [0, 0.875, 0], [0.375, 0, 0.875]].
    // The returns are 0.01·X plus means (0.001, 0.002, −0.001), so Σ is that times 0.01² = 1e-4.
    const v = [
      [1, 1, 1],
      [2, 0, 1],
      [1, -1, 0],
      [0, 1, -1],
    ];
    const means = [0.001, 0.002, -0.001];
    const rows = [...v, ...v.map((row) => row.map((value) => -value))];
    const returns = Float64Array.from(
      rows.flatMap((row) => row.map((value, j) => 0.01 * value + (means[j] as number))),
    );
    const moments = estimateMoments(returns, 8, 3, { estimator: 'ledoit-wolf', periodsPerYear: 252 });
    expectCloseTo(moments.mean, means, 17);
    expectCloseTo(
      Array.from(moments.covariance, (value) => value / 1e-4),
      [1.25, 0, 0.375, 0, 0.875, 0, 0.375, 0, 0.875],
      12,
    );
    // The sample estimate of the same returns is X'X / 7 (ddof 1): [[12, 0, 6], …] · 1e-4 / 7.
    const sample = estimateMoments(returns, 8, 3, { periodsPerYear: 252 });
    expectCloseTo(
      Array.from(sample.covariance, (value) => (value / 1e-4) * 7),
      [12, 0, 6, 0, 6, 0, 6, 0, 6],
      11,
    );
  });

  it('refuses a sample covariance that is not positive definite, and says to use ledoit-wolf', () => {
    // 5 assets over 3 rows: rank at most 2.
    const returns = Float64Array.of(
      0.01,
      0.02,
      -0.01,
      0.0,
      0.03,
      -0.02,
      0.01,
      0.02,
      0.01,
      -0.01,
      0.0,
      0.01,
      0.0,
      -0.02,
      0.02,
    );
    const error = errorOf(() => estimateMoments(returns, 3, 5, { periodsPerYear: 252 }), 'INVALID_ARGUMENT');
    expect(fieldsOf(error)).toEqual(['estimator']);
    expect(error.message).toContain("must be 'ledoit-wolf'");
    expect(error.message).toContain('5 assets over 3 rows');
    const shrunk = estimateMoments(returns, 3, 5, { estimator: 'ledoit-wolf', periodsPerYear: 252 });
    expect(isPositiveDefinite(shrunk.covariance, 5)).toBe(true);
  });

  it('refuses a duplicated asset with the sample estimator, not with ledoit-wolf', () => {
    const a = [0.01, -0.02, 0.015, 0.003, -0.007, 0.012];
    const b = [0.002, 0.01, -0.004, 0.006, 0.001, -0.009];
    const returns = Float64Array.from(a.flatMap((value, t) => [value, b[t] as number, value]));
    expect(
      fieldsOf(errorOf(() => estimateMoments(returns, 6, 3, { periodsPerYear: 252 }), 'INVALID_ARGUMENT')),
    ).toEqual(['estimator']);
    const shrunk = estimateMoments(returns, 6, 3, { estimator: 'ledoit-wolf', periodsPerYear: 252 });
    expect(isPositiveDefinite(shrunk.covariance, 3)).toBe(true);
  });

  it('refuses returns that do not vary, whatever the estimator', () => {
    const flat = new Float64Array(10).fill(0.01);
    const error = errorOf(
      () => estimateMoments(flat, 5, 2, { estimator: 'ledoit-wolf', periodsPerYear: 252 }),
      'INVALID_ARGUMENT',
    );
    expect(fieldsOf(error)).toEqual(['returns']);
  });

  it('names every bad argument at once', () => {
    const error = errorOf(
      () =>
        estimateMoments(Float64Array.of(0.1, 0.2), 1, 1, {
          periodsPerYear: 0,
          estimator: 'median' as never,
        }),
      'INVALID_ARGUMENT',
    );
    expect(fieldsOf(error)).toEqual(['symbols', 'returns', 'periods_per_year', 'estimator']);
    expect(
      fieldsOf(
        errorOf(
          () => estimateMoments(Float64Array.of(0.1, 0.2, 0.3), 2, 2, { periodsPerYear: 252 }),
          'INVALID_ARGUMENT',
        ),
      ),
    ).toEqual(['returns']);
    const infinite = errorOf(
      () => estimateMoments(Float64Array.of(0.1, 0.2, Infinity, 0.3), 2, 2, { periodsPerYear: 252 }),
      'INVALID_ARGUMENT',
    );
    expect(infinite.message).toContain('row 1, asset 0 is Infinity');
  });
});

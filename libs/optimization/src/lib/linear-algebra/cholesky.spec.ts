import fc from 'fast-check';
import { randomCovariance, seededRandom } from '../../testing/random-problems';
import { choleskyInPlace, choleskySolveInPlace, isPositiveDefinite, UpdatableCholesky } from './cholesky';

describe('choleskyInPlace', () => {
  it('factors a 3×3 matrix by hand', () => {
    // A = [[4, 2, -2], [2, 10, 2], [-2, 2, 6]]:
    // l00 = √4 = 2; l10 = 2/2 = 1; l11 = √(10 − 1) = 3; l20 = −2/2 = −1; l21 = (2 − (−1)(1))/3 = 1;
    // l22 = √(6 − 1 − 1) = 2.
    const a = Float64Array.of(4, 2, -2, 2, 10, 2, -2, 2, 6);
    expect(choleskyInPlace(a, 3)).toBe(true);
    expect([a[0], a[3], a[4], a[6], a[7], a[8]]).toEqual([2, 1, 3, -1, 1, 2]);
    // A x = b for b = A·(1, 2, 3) = (4 + 4 − 6, 2 + 20 + 6, −2 + 4 + 18) = (2, 28, 20).
    const b = Float64Array.of(2, 28, 20);
    choleskySolveInPlace(a, 3, b);
    expect(Array.from(b, (v) => Number(v.toFixed(12)))).toEqual([1, 2, 3]);
  });

  it('rejects matrices that are not positive definite', () => {
    expect(isPositiveDefinite(Float64Array.of(1, 2, 2, 1), 2)).toBe(false); // eigenvalues 3 and −1
    expect(isPositiveDefinite(Float64Array.of(0, 0, 0, 1), 2)).toBe(false); // a constant asset
    // A duplicated asset: rows 0 and 1 equal (the pivot is round-off, ~1e-17 of the diagonal).
    const duplicated = Float64Array.of(0.04, 0.04, 0.01, 0.04, 0.04, 0.01, 0.01, 0.01, 0.09);
    expect(isPositiveDefinite(duplicated, 3)).toBe(false);
    expect(isPositiveDefinite(Float64Array.of(0.04, 0.01, 0.01, 0.09), 2)).toBe(true);
  });
});

describe('UpdatableCholesky', () => {
  it('after any sequence of appends and removals equals the fresh factor of the kept submatrix', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }),
        fc.integer(),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), {
          minLength: 1,
          maxLength: 40,
        }),
        (n, seed, moves) => {
          const hessian = randomCovariance(n, seededRandom(seed));
          const factor = new UpdatableCholesky(hessian, n);
          const outside = Array.from({ length: n }, (_, i) => i);
          for (const move of moves) {
            // Below ½ append an index not yet held, else remove a held position (when there is one of each).
            if ((move < 0.5 && outside.length > 0) || factor.size === 0) {
              const [index] = outside.splice(Math.floor(move * 2 * outside.length) % outside.length, 1);
              expect(factor.append(index as number)).toBe(true);
            } else {
              const position = Math.floor(move * factor.size);
              outside.push(factor.indices[position] as number);
              factor.remove(position);
            }
          }
          const size = factor.size;
          const held = Array.from(factor.indices.subarray(0, size));
          const fresh = new Float64Array(size * size);
          held.forEach((i, a) =>
            held.forEach((j, b) => (fresh[a * size + b] = hessian[i * n + j] as number)),
          );
          expect(choleskyInPlace(fresh, size)).toBe(true);
          for (let a = 0; a < size; a++) {
            for (let b = 0; b <= a; b++) {
              const updated = factor.factor[a * n + b] as number;
              expect(Math.abs(updated - (fresh[a * size + b] as number))).toBeLessThan(
                1e-9 * Math.sqrt(hessian[0] as number) + 1e-12,
              );
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

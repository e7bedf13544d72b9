// Dense Cholesky factorisation on row-major Float64Arrays: a one-shot factor for Newton steps and the
// positive-definiteness test, and a factor that grows and shrinks by one row for the active-set solver.

// Module constants: under Jest's sandbox every lookup of the global `Math` is slow.
const { sqrt, hypot } = Math;

/**
 * A pivot at or below this fraction of its diagonal entry means the column is (numerically) a combination of the
 * previous ones: an R² of 1 − 10⁻¹² against them. A duplicated asset gives about 10⁻¹⁶; a real covariance of
 * distinct assets stays far above.
 */
export const PIVOT_TOLERANCE = 1e-12;

/**
 * Factors the symmetric n×n row-major matrix `a` as L·L' in place: its lower triangle becomes L (the upper
 * triangle is left alone and never read). Cholesky–Banachiewicz, row by row, n³/6 multiply-adds.
 *
 * @returns false when a pivot is not above {@link PIVOT_TOLERANCE} times its original diagonal entry (the matrix
 *   is not positive definite, or is singular to working precision); `a` is then partly overwritten.
 */
export function choleskyInPlace(a: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) {
    const rowI = i * n;
    for (let j = 0; j <= i; j++) {
      const rowJ = j * n;
      let sum = a[rowI + j];
      for (let k = 0; k < j; k++) sum -= a[rowI + k] * a[rowJ + k];
      if (j < i) {
        a[rowI + j] = sum / a[rowJ + j];
      } else {
        const diagonal = a[rowI + i];
        if (!(sum > PIVOT_TOLERANCE * diagonal) || !(diagonal > 0)) return false;
        a[rowI + i] = sqrt(sum);
      }
    }
  }
  return true;
}

/** Solves L·L'·x = b in place (`b` becomes x), L the lower triangle of an n×n row-major factor. */
export function choleskySolveInPlace(l: Float64Array, n: number, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= l[row + k] * b[k];
    b[i] = sum / l[row + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let sum = b[i];
    for (let k = i + 1; k < n; k++) sum -= l[k * n + i] * b[k];
    b[i] = sum / l[i * n + i];
  }
}

/**
 * Whether the symmetric n×n row-major matrix is positive definite, by attempting its Cholesky factorisation (on a
 * copy) with the relative pivot test of {@link choleskyInPlace}.
 */
export function isPositiveDefinite(matrix: Float64Array, n: number): boolean {
  return choleskyInPlace(matrix.slice(0, n * n), n);
}

/**
 * The Cholesky factor of the principal submatrix H[F, F] of a fixed positive definite matrix H, for a set F that
 * gains or loses one index at a time (Gill, Golub, Murray & Saunders 1974, "Methods for modifying matrix
 * factorizations"): appending an index is one triangular solve, O(f²); removing one deletes its row and restores
 * the triangle with f Givens rotations, O(f²). The factor is stored with row stride `capacity`, positions in the
 * order indices were appended.
 */
export class UpdatableCholesky {
  /** L, row-major with stride `capacity`; rows and columns 0..size−1 hold the factor. */
  readonly factor: Float64Array;
  /** Which index of H each position holds. */
  readonly indices: Int32Array;
  size = 0;

  constructor(
    private readonly hessian: Float64Array,
    private readonly capacity: number,
  ) {
    this.factor = new Float64Array(capacity * capacity);
    this.indices = new Int32Array(capacity);
  }

  /**
   * Appends index `index` of H: its row of L solves L·l = H[F, index], its diagonal is √(H[index, index] − l'l).
   *
   * @returns false when that pivot is not positive (H[F ∪ {index}] singular to working precision); the factor
   *   is then unchanged.
   */
  append(index: number): boolean {
    const { factor, indices, hessian, capacity } = this;
    const size = this.size;
    const row = size * capacity;
    const hRow = index * capacity;
    let squares = 0;
    for (let a = 0; a < size; a++) {
      const rowA = a * capacity;
      let sum = hessian[hRow + indices[a]];
      for (let k = 0; k < a; k++) sum -= factor[rowA + k] * factor[row + k];
      const value = sum / factor[rowA + a];
      factor[row + a] = value;
      squares += value * value;
    }
    const diagonal = hessian[hRow + index];
    const pivot = diagonal - squares;
    if (!(pivot > PIVOT_TOLERANCE * diagonal)) return false;
    factor[row + size] = sqrt(pivot);
    indices[size] = index;
    this.size = size + 1;
    return true;
  }

  /** Removes the index at `position`: its row goes, and Givens rotations on column pairs restore the triangle. */
  remove(position: number): void {
    const { factor, indices, capacity } = this;
    const last = this.size - 1;
    // Shift rows position+1..last up by one; row a (a ≥ position) then has entries in columns 0..a+1.
    for (let a = position; a < last; a++) {
      const to = a * capacity;
      const from = to + capacity;
      for (let k = 0; k <= a + 1; k++) factor[to + k] = factor[from + k];
      indices[a] = indices[a + 1];
    }
    // Zero the superdiagonal entry of each shifted row with a rotation of columns (a, a+1), applied to rows a..last−1.
    for (let a = position; a < last; a++) {
      const rowA = a * capacity;
      const x = factor[rowA + a];
      const y = factor[rowA + a + 1];
      const r = hypot(x, y);
      const c = x / r;
      const s = y / r;
      factor[rowA + a] = r;
      factor[rowA + a + 1] = 0;
      for (let i = a + 1; i < last; i++) {
        const rowI = i * capacity;
        const u = factor[rowI + a];
        const v = factor[rowI + a + 1];
        factor[rowI + a] = c * u + s * v;
        factor[rowI + a + 1] = c * v - s * u;
      }
    }
    this.size = last;
  }

  /** Forward substitution in place: L·y = b, over positions 0..size−1 of `b`. */
  solveLower(b: Float64Array, offset = 0): void {
    const { factor, capacity, size } = this;
    for (let i = 0; i < size; i++) {
      const row = i * capacity;
      let sum = b[offset + i];
      for (let k = 0; k < i; k++) sum -= factor[row + k] * b[offset + k];
      b[offset + i] = sum / factor[row + i];
    }
  }

  /** Back substitution in place: L'·x = y, over positions 0..size−1 of `y`. */
  solveUpper(y: Float64Array): void {
    const { factor, capacity, size } = this;
    for (let i = size - 1; i >= 0; i--) {
      let sum = y[i];
      for (let k = i + 1; k < size; k++) sum -= factor[k * capacity + i] * y[k];
      y[i] = sum / factor[i * capacity + i];
    }
  }
}

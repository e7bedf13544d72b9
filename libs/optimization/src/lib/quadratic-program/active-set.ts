// The one QP solver behind mean-variance, min-variance, max-Sharpe and the efficient frontier: a primal
// active-set method for strictly convex problems with bounds, equalities and a few general inequalities.
import { AetherError } from '@aetherquant/core';
import { choleskyInPlace, UpdatableCholesky } from '../linear-algebra/cholesky';

const { abs, max, min } = Math;

/** minimise ½x'Hx − c'x subject to E·x = e, G·x ≤ g and lower ≤ x ≤ upper. */
export interface QuadraticProgram {
  /** n, the number of variables. */
  size: number;
  /** H: n×n row-major, symmetric positive definite. */
  hessian: Float64Array;
  /** c (the objective is ½x'Hx − c'x). */
  linear: Float64Array;
  /** Per-variable bounds; ±Infinity for none; lower = upper fixes the variable. */
  lower: Float64Array;
  upper: Float64Array;
  /** E: k×n row-major (k ≥ 1) and e. */
  equalityRows: Float64Array;
  equalityRhs: Float64Array;
  /** G: g×n row-major and its right-hand side g (a'x ≤ b per row); none when absent. */
  inequalityRows?: Float64Array;
  inequalityRhs?: Float64Array;
}

/** Which bound a variable is held at in the working set. */
export const FREE = 0;
export const AT_LOWER = -1;
export const AT_UPPER = 1;

export interface QuadraticProgramSolution {
  x: Float64Array;
  /** Per variable: {@link AT_LOWER}, {@link AT_UPPER} or {@link FREE} in the final working set. */
  bounds: Int8Array;
  /** Multipliers ν of the equalities at the optimum: Hx − c = E'ν + G_W'π + z (z on the bound variables). */
  equalityMultipliers: Float64Array;
  iterations: number;
}

/** Multipliers of the wrong sign by less than this (times the gradient's scale) count as zero: round-off. */
const MULTIPLIER_TOLERANCE = 1e-12;
/** Moves shorter than this (times 1 + the largest |x| free) are round-off and block nothing. */
const STEP_TOLERANCE = 1e-14;

/**
 * Solves a strictly convex QP exactly with the primal active-set method of Nocedal & Wright, *Numerical
 * Optimization* (2nd ed.), Algorithm 16.3, from a feasible start.
 *
 * The working set W holds variables fixed at a bound and general inequalities held as equalities. Each iteration
 * solves the equality-constrained subproblem on the free variables F:
 * `min ½x_F'H_FF x_F − (c_F − H_FB x_B)'x_F  s.t.  A_F x_F = b − A_B x_B` (A: the equalities and the working
 * inequalities) by the range-space (Schur complement) method on the Cholesky factor of H_FF, which is updated,
 * never recomputed, when F gains or loses a variable (O(f²) each). If the step to that solution is blocked, the
 * blocking constraint joins W. If not, the multipliers of W are read off; when every one has the sign of an active
 * inequality (z ≥ 0 at a lower bound, z ≤ 0 at an upper bound, π ≤ 0 on a G row, within round-off) the point
 * satisfies the KKT conditions and, H being positive definite, is the unique optimum; otherwise the most violated
 * constraint leaves W. A constraint joins W only when the step moves against it, so W stays linearly
 * independent and the subproblems stay well posed. Each iteration changes W by one; the number of iterations is
 * capped at 20·(n + g) + 100 (never reached in practice; it would mean cycling on a degenerate vertex).
 *
 * @param start - a feasible point (bounds, equalities and inequalities hold).
 * @param startBounds - variables of `start` to hold at a bound from the outset; the free ones must leave the
 *   equality rows linearly independent (for the budget row alone: at least one free variable). All free when
 *   omitted. Fixed variables (lower = upper) are always held.
 * @throws AetherError INTERNAL when the iteration cap is reached or a subproblem is singular (not expected for a
 *   positive definite H and a start that follows the rules above).
 */
export function solveQuadraticProgram(
  problem: QuadraticProgram,
  start: Float64Array,
  startBounds?: Int8Array,
): QuadraticProgramSolution {
  const { size: n, hessian, linear, lower, upper, equalityRows, equalityRhs } = problem;
  const inequalityRows = problem.inequalityRows ?? new Float64Array(0);
  const inequalityRhs = problem.inequalityRhs ?? new Float64Array(0);
  const k = equalityRhs.length;
  const g = inequalityRhs.length;
  const capacityRows = min(n, k + g);

  const x = Float64Array.from(start);
  const bounds = new Int8Array(n);
  const fixed = new Uint8Array(n);
  const chol = new UpdatableCholesky(hessian, n);
  for (let i = 0; i < n; i++) {
    if (lower[i] === upper[i]) {
      fixed[i] = 1;
      bounds[i] = AT_LOWER;
      x[i] = lower[i];
    } else if (startBounds !== undefined && startBounds[i] !== FREE) {
      bounds[i] = startBounds[i];
      x[i] = startBounds[i] === AT_LOWER ? lower[i] : upper[i];
    } else if (!chol.append(i)) {
      throw singular();
    }
  }
  const working = new Int32Array(max(g, 1)); // indices of G rows held as equalities
  let workingCount = 0;

  // Workspaces, allocated once: nothing below allocates per iteration.
  const fixedNonzero = new Int32Array(n);
  const reduced = new Float64Array(n); // c_F − H_FB x_B, then L⁻¹ of it, then the solution y
  const rowsSolved = new Float64Array(capacityRows * n); // L⁻¹ A_F' column per constraint row
  const schur = new Float64Array(capacityRows * capacityRows);
  const multipliers = new Float64Array(capacityRows);
  const target = new Float64Array(n); // the subproblem's solution x*
  const nonzero = new Int32Array(n);

  const constraintGradient = new Float64Array(n); // A'ν over every variable

  let gradientScale = 0;
  for (let i = 0; i < n; i++) gradientScale = max(gradientScale, abs(linear[i]), hessian[i * n + i]);

  const maxIterations = 20 * (n + g) + 100;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const f = chol.size;
    const free = chol.indices;
    const m = k + workingCount;
    if (m > f) throw singular();

    // --- The equality-constrained subproblem on F, by its Schur complement S = A_F H_FF⁻¹ A_F'. ---
    let fixedCount = 0;
    for (let i = 0; i < n; i++) if (bounds[i] !== FREE && x[i] !== 0) fixedNonzero[fixedCount++] = i;
    for (let a = 0; a < f; a++) {
      const i = free[a];
      const row = i * n;
      let sum = linear[i];
      for (let q = 0; q < fixedCount; q++) sum -= hessian[row + fixedNonzero[q]] * x[fixedNonzero[q]];
      reduced[a] = sum;
    }
    chol.solveLower(reduced); // t = L⁻¹ r
    for (let r = 0; r < m; r++) {
      const rows = r < k ? equalityRows : inequalityRows;
      const index = r < k ? r : working[r - k];
      const offset = index * n;
      let shifted = r < k ? equalityRhs[r] : inequalityRhs[index];
      for (let q = 0; q < fixedCount; q++) shifted -= rows[offset + fixedNonzero[q]] * x[fixedNonzero[q]];
      const out = r * n;
      for (let a = 0; a < f; a++) rowsSolved[out + a] = rows[offset + free[a]];
      chol.solveLower(rowsSolved, out); // u_r = L⁻¹ a_r,F
      let projected = 0;
      for (let a = 0; a < f; a++) projected += rowsSolved[out + a] * reduced[a];
      multipliers[r] = shifted - projected; // right-hand side of S ν = b' − U't
      for (let s = 0; s <= r; s++) {
        const other = s * n;
        let dot = 0;
        for (let a = 0; a < f; a++) dot += rowsSolved[out + a] * rowsSolved[other + a];
        schur[r * m + s] = dot;
      }
    }
    if (!choleskyInPlace(schur, m)) throw singular();
    solveFactored(schur, m, multipliers);
    for (let r = 0; r < m; r++) {
      const nu = multipliers[r];
      const out = r * n;
      for (let a = 0; a < f; a++) reduced[a] += nu * rowsSolved[out + a]; // y = t + U ν
    }
    chol.solveUpper(reduced); // x_F* = L⁻ᵀ y

    // --- Step towards x*, blocked by the first bound or inequality it would cross. ---
    let step = 1;
    let blockingVariable = -1;
    let blockingAtLower = false;
    let blockingRow = -1;
    // With no more free variables than rows, x* is pinned by the rows and the step is round-off: no blocking.
    // Otherwise steps below 10⁻¹⁴ of the largest |x| are round-off too, and block nothing.
    let largest = 0;
    for (let a = 0; a < f; a++) {
      target[free[a]] = reduced[a];
      largest = max(largest, abs(x[free[a]]));
    }
    const negligible = f === m ? Infinity : STEP_TOLERANCE * (1 + largest);
    for (let a = 0; a < f; a++) {
      const i = free[a];
      const direction = target[i] - x[i];
      if (abs(direction) <= negligible) continue;
      if (direction < 0 && lower[i] > -Infinity) {
        const ratio = max(0, (lower[i] - x[i]) / direction);
        if (ratio < step) {
          step = ratio;
          blockingVariable = i;
          blockingAtLower = true;
        }
      } else if (direction > 0 && upper[i] < Infinity) {
        const ratio = max(0, (upper[i] - x[i]) / direction);
        if (ratio < step) {
          step = ratio;
          blockingVariable = i;
          blockingAtLower = false;
        }
      }
    }
    if (g > 0 && f > m) {
      for (let r = 0; r < g; r++) {
        if (isWorking(working, workingCount, r)) continue;
        const offset = r * n;
        let along = 0;
        let value = 0;
        for (let a = 0; a < f; a++) {
          const i = free[a];
          along += inequalityRows[offset + i] * (target[i] - x[i]);
        }
        if (!(along > negligible)) continue;
        for (let i = 0; i < n; i++) value += inequalityRows[offset + i] * x[i];
        const ratio = max(0, (inequalityRhs[r] - value) / along);
        if (ratio < step) {
          step = ratio;
          blockingRow = r;
          blockingVariable = -1;
        }
      }
    }

    if (step < 1) {
      for (let a = 0; a < f; a++) {
        const i = free[a];
        x[i] = clamp(x[i] + step * (target[i] - x[i]), lower[i], upper[i]);
      }
      if (blockingRow >= 0) {
        working[workingCount++] = blockingRow;
      } else {
        const i = blockingVariable;
        bounds[i] = blockingAtLower ? AT_LOWER : AT_UPPER;
        x[i] = blockingAtLower ? lower[i] : upper[i];
        let position = 0;
        while (free[position] !== i) position++;
        chol.remove(position);
      }
      continue;
    }

    // --- Full step: x = x*. Read the multipliers of W off Hx − c = A'ν + z. ---
    for (let a = 0; a < f; a++) {
      const i = free[a];
      x[i] = clamp(target[i], lower[i], upper[i]);
    }
    let nonzeroCount = 0;
    for (let i = 0; i < n; i++) if (x[i] !== 0) nonzero[nonzeroCount++] = i;
    constraintGradient.fill(0);
    for (let r = 0; r < m; r++) {
      const rows = r < k ? equalityRows : inequalityRows;
      const offset = (r < k ? r : working[r - k]) * n;
      const nu = multipliers[r];
      for (let i = 0; i < n; i++) constraintGradient[i] += nu * rows[offset + i];
    }
    const tolerance = MULTIPLIER_TOLERANCE * gradientScale * (1 + maxAbs(x, n));
    let worst = tolerance;
    let dropVariable = -1;
    let dropWorking = -1;
    for (let i = 0; i < n; i++) {
      if (bounds[i] === FREE || fixed[i] === 1) continue;
      const row = i * n;
      let z = -linear[i] - constraintGradient[i];
      for (let q = 0; q < nonzeroCount; q++) z += hessian[row + nonzero[q]] * x[nonzero[q]];
      const violation = bounds[i] === AT_LOWER ? -z : z;
      if (violation > worst) {
        worst = violation;
        dropVariable = i;
      }
    }
    for (let w = 0; w < workingCount; w++) {
      const violation = multipliers[k + w]; // π of a held G row must be ≤ 0
      if (violation > worst) {
        worst = violation;
        dropWorking = w;
        dropVariable = -1;
      }
    }
    if (dropWorking >= 0) {
      working[dropWorking] = working[--workingCount];
    } else if (dropVariable >= 0) {
      bounds[dropVariable] = FREE;
      if (!chol.append(dropVariable)) throw singular();
    } else {
      return { x, bounds, equalityMultipliers: multipliers.slice(0, k), iterations: iteration };
    }
  }
  throw new AetherError(
    'INTERNAL',
    `the active-set QP did not converge in ${maxIterations} iterations (${n} variables)`,
  );
}

function isWorking(working: Int32Array, count: number, row: number): boolean {
  for (let w = 0; w < count; w++) if (working[w] === row) return true;
  return false;
}

function clamp(value: number, low: number, high: number): number {
  return value < low ? low : value > high ? high : value;
}

function maxAbs(values: Float64Array, n: number): number {
  let largest = 0;
  for (let i = 0; i < n; i++) largest = max(largest, abs(values[i]));
  return largest;
}

/** Solves L·L'·x = b in place for the m×m factor L stored with stride m. */
function solveFactored(l: Float64Array, m: number, b: Float64Array): void {
  for (let i = 0; i < m; i++) {
    let sum = b[i];
    for (let q = 0; q < i; q++) sum -= l[i * m + q] * b[q];
    b[i] = sum / l[i * m + i];
  }
  for (let i = m - 1; i >= 0; i--) {
    let sum = b[i];
    for (let q = i + 1; q < m; q++) sum -= l[q * m + i] * b[q];
    b[i] = sum / l[i * m + i];
  }
}

function singular(): AetherError {
  return new AetherError('INTERNAL', 'the active-set QP met a singular subproblem');
}

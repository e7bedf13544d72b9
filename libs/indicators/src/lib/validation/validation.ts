import { AetherError } from '@aetherquant/core';

/**
 * Checks that a window argument is an integer of at least `min`, naming the kernel and the argument:
 * `sma: period must be an integer of at least 1 (got 0)` (INVALID_ARGUMENT, one violation on `field`).
 */
export function requirePeriod(kernel: string, field: string, value: number, min = 1): void {
  if (!Number.isInteger(value) || value < min) {
    throw AetherError.invalid(
      [{ field, rule: `must be an integer of at least ${min} (got ${value})` }],
      kernel,
    );
  }
}

/** Checks that a band multiplier is a finite number of at least 0. */
export function requireMultiplier(kernel: string, field: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw AetherError.invalid(
      [{ field, rule: `must be a finite number of at least 0 (got ${value})` }],
      kernel,
    );
  }
}

/**
 * Checks that every column has as many values as the first one, and returns that length. Columns are named
 * as the kernel's arguments (`high`, `low`, `close`).
 */
export function requireSameLength(kernel: string, columns: Record<string, ArrayLike<number>>): number {
  const entries = Object.entries(columns);
  const [firstName, first] = entries[0] as [string, ArrayLike<number>];
  const violations = entries
    .slice(1)
    .filter(([, column]) => column.length !== first.length)
    .map(([name, column]) => ({
      field: name,
      rule: `must have as many values as ${firstName} (got ${column.length}, ${firstName} has ${first.length})`,
    }));
  if (violations.length > 0) throw AetherError.invalid(violations, kernel);
  return first.length;
}

/**
 * The array a kernel writes: `out` when the caller passes one (it must have one slot per bar), else a new
 * `Float64Array(length)`. `field` names the argument in the error (`out`, `out.upper`).
 */
export function outputColumn(
  kernel: string,
  field: string,
  length: number,
  out?: Float64Array,
): Float64Array {
  if (out === undefined) return new Float64Array(length);
  if (out.length !== length) {
    throw AetherError.invalid(
      [{ field, rule: `must have one slot per bar (got ${out.length}, expected ${length})` }],
      kernel,
    );
  }
  return out;
}

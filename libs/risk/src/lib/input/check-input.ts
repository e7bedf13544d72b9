// Argument checks shared by every metric. Each runs once, before the computation, so the numeric loops
// themselves carry no checks; an array reports its first bad element only (a million violations help nobody).
import { AetherError, type FieldViolation } from '@aetherquant/core';

// `x - x === 0` holds exactly for finite x (it is NaN for ±Infinity and NaN), and needs no global lookup:
// under Jest's sandbox each lookup of a global such as `Number.isFinite` costs far more than the test itself.

/** Equity: at least one point, every point a finite number above 0. */
export function checkEquity(equity: ArrayLike<number>, field: string, violations: FieldViolation[]): void {
  const n = equity.length;
  if (n === 0) {
    violations.push({ field, rule: 'must have at least one point' });
    return;
  }
  for (let i = 0; i < n; i++) {
    const value = equity[i];
    if (!(value > 0 && value - value === 0)) {
      violations.push({ field: `${field}[${i}]`, rule: `must be a finite number above 0 (got ${value})` });
      return;
    }
  }
}

/** Every element finite (an empty array passes). */
export function checkFinite(values: ArrayLike<number>, field: string, violations: FieldViolation[]): void {
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const value = values[i];
    if (value - value !== 0) {
      violations.push({ field: `${field}[${i}]`, rule: `must be a finite number (got ${value})` });
      return;
    }
  }
}

/** Periods per year: a finite number above 0 (252 for daily bars, 52 weekly, 12 monthly). */
export function checkPeriodsPerYear(periodsPerYear: number, violations: FieldViolation[]): void {
  if (!(typeof periodsPerYear === 'number' && periodsPerYear > 0 && periodsPerYear < Infinity)) {
    violations.push({
      field: 'periodsPerYear',
      rule: `must be a finite number above 0 (got ${String(periodsPerYear)})`,
    });
  }
}

/** A confidence level strictly between 0 and 1 (0.95 for the 95% VaR). */
export function checkConfidence(confidence: number, violations: FieldViolation[]): void {
  if (!(typeof confidence === 'number' && confidence > 0 && confidence < 1)) {
    violations.push({
      field: 'confidence',
      rule: `must be a number strictly between 0 and 1 (got ${String(confidence)})`,
    });
  }
}

/** Two arrays that pair element by element. */
export function checkSameLength(
  values: ArrayLike<number>,
  field: string,
  reference: ArrayLike<number>,
  referenceField: string,
  violations: FieldViolation[],
): void {
  if (values.length !== reference.length) {
    violations.push({
      field,
      rule: `must have as many elements as ${referenceField} (${reference.length}, got ${values.length})`,
    });
  }
}

/** Throws one INVALID_ARGUMENT error listing every violation, prefixed by the function's name. */
export function throwIfInvalid(violations: FieldViolation[], context: string): void {
  if (violations.length > 0) throw AetherError.invalid(violations, context);
}

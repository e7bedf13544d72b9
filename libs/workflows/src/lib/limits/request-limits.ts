import { AetherError } from '@aetherquant/core';

/**
 * Caps on one request's size, so a single request cannot exhaust the server (GUIDE §7). The API sets them;
 * the CLI sets none, so a local user may run as large a job as their machine allows.
 */
export interface RequestLimits {
  /** Symbols one portfolio backtest or optimisation may load. */
  maxSymbols?: number;
  /** Bars one symbol's history may hold once loaded. */
  maxBars?: number;
  /** Combinations one sweep's grid may hold. */
  maxSweepCombinations?: number;
}

/** INVALID_ARGUMENT on `symbols` when a request names more symbols than the limit allows. */
export function checkSymbolLimit(count: number, limits: RequestLimits | undefined): void {
  const max = limits?.maxSymbols;
  if (max === undefined || count <= max) return;
  throw AetherError.invalid([
    { field: 'symbols', rule: `must have at most ${max} items (this server's limit per request)` },
  ]);
}

/**
 * INVALID_ARGUMENT when loaded bars outnumber the limit, on the field that chose them: `start` when the
 * request gave dates and no period, else `period` (given, or the default one).
 */
export function checkBarLimit(
  bars: number,
  source: { period?: string; start?: string; end?: string },
  limits: RequestLimits | undefined,
): void {
  const max = limits?.maxBars;
  if (max === undefined || bars <= max) return;
  const byDates = source.period === undefined && (source.start !== undefined || source.end !== undefined);
  throw AetherError.invalid([
    {
      field: byDates ? 'start' : 'period',
      rule: `selects ${bars} bars, more than the ${max} this server loads per request; narrow the period or use a coarser interval`,
    },
  ]);
}

/** INVALID_ARGUMENT on `grid` when a sweep's grid holds more combinations than the limit allows. */
export function checkSweepLimit(combinations: number, limits: RequestLimits | undefined): void {
  const max = limits?.maxSweepCombinations;
  if (max === undefined || combinations <= max) return;
  throw AetherError.invalid([
    {
      field: 'grid',
      rule: `has ${combinations} combinations, more than the ${max} this server runs per request`,
    },
  ]);
}

import { AetherError, type BarSeries } from '@aetherquant/core';
import { type Strategy } from './strategy';

/**
 * The fewest bars a run of `strategy` needs: `warmupBars + 2`. Bar `warmupBars` (0-based) is the first
 * whose target can be non-zero, and the exposure decided at its close earns the return of the next bar, so
 * that next bar must exist for the run to earn at least one return. ma-cross with slow 50: 49 + 2 = 51.
 */
export function minimumBars(strategy: Strategy, parameters: Record<string, unknown> = {}): number {
  return strategy.warmupBars(strategy.resolveParameters(parameters)) + 2;
}

/**
 * Refuses a series too short for `strategy` (fewer than {@link minimumBars}) with an INVALID_ARGUMENT on
 * field `bars`: "SPY 1d: bars must number at least 51 for ma-cross with slow 50 (got 40)". Bad parameters
 * throw as `resolveParameters` does.
 */
export function requireBars(
  series: BarSeries,
  strategy: Strategy,
  parameters: Record<string, unknown> = {},
): void {
  const resolved = strategy.resolveParameters(parameters);
  const needed = strategy.warmupBars(resolved) + 2;
  if (series.length >= needed) return;
  const names = strategy.warmupParameters ?? strategy.parameters.map((spec) => spec.name);
  const values = names.map((name) => `${name} ${resolved[name]}`).join(', ');
  const rule = `must number at least ${needed} for ${strategy.name}${values ? ` with ${values}` : ''} (got ${series.length})`;
  throw AetherError.invalid([{ field: 'bars', rule }], `${series.symbol} ${series.interval.name}`, {
    required: needed,
    available: series.length,
  });
}

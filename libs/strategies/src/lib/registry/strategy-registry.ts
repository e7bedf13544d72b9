import { AetherError } from '@aetherquant/core';
import { buyAndHoldStrategy } from '../buy-and-hold/buy-and-hold.strategy';
import { donchianBreakoutStrategy } from '../donchian-breakout/donchian-breakout.strategy';
import { maCrossStrategy } from '../ma-cross/ma-cross.strategy';
import { momentumStrategy } from '../momentum/momentum.strategy';
import { rsiReversionStrategy } from '../rsi-reversion/rsi-reversion.strategy';
import { type ParameterSpec, type Strategy } from '../strategy/strategy';

/** Every built-in strategy, in the order lists and help texts show them: the baseline first. */
export const STRATEGIES: readonly Strategy[] = Object.freeze([
  maCrossStrategy,
  buyAndHoldStrategy,
  rsiReversionStrategy,
  donchianBreakoutStrategy,
  momentumStrategy,
]);

/** The strategy a run uses when none is named. */
export const DEFAULT_STRATEGY = 'ma-cross';

const byName = new Map(STRATEGIES.map((strategy) => [strategy.name, strategy]));

/** The names of {@link STRATEGIES}, in their order. */
export function strategyNames(): string[] {
  return STRATEGIES.map((strategy) => strategy.name);
}

/**
 * The strategy called `name` (surrounding spaces and case ignored), or an INVALID_ARGUMENT on field
 * `strategy` listing the known names.
 */
export function getStrategy(name: string): Strategy {
  const strategy = typeof name === 'string' ? byName.get(name.trim().toLowerCase()) : undefined;
  if (strategy) return strategy;
  const got = typeof name === 'string' ? JSON.stringify(name) : String(name);
  throw AetherError.invalid([
    { field: 'strategy', rule: `must be one of ${strategyNames().join(', ')} (got ${got})` },
  ]);
}

/** A strategy as plain JSON, for `GET /api/strategies` and help texts. */
export interface StrategyDescription {
  name: string;
  description: string;
  parameters: ParameterSpec[];
}

/** Every built-in strategy as plain JSON (fresh objects: callers may change them freely). */
export function describeStrategies(): StrategyDescription[] {
  return STRATEGIES.map((strategy) => ({
    name: strategy.name,
    description: strategy.description,
    parameters: strategy.parameters.map((spec) => ({
      name: spec.name,
      description: spec.description,
      kind: spec.kind,
      default: spec.default,
      min: spec.min,
      max: spec.max,
    })),
  }));
}

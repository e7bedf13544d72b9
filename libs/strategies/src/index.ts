// The public API of @aetherquant/strategies: strategies that turn a bar series into target exposure per
// bar, and their registry (the built-ins, and more from strategy modules). The kernels the built-in
// strategies share (moving average, trailing extremes) stay internal; the API report
// (api/strategies.api.md) shows the surface.

export {
  type ParameterSpec,
  type Strategy,
  type StrategyParameters,
  type StrategyReload,
} from './lib/strategy/strategy';
export { defineStrategy, type StrategyDefinition } from './lib/strategy/define-strategy';
export { resolveStrategyParameters } from './lib/strategy/parameter-resolution';
export { clipLongOnly } from './lib/strategy/long-only';
export { minimumBars, requireBars } from './lib/strategy/require-bars';

export { maCrossStrategy } from './lib/ma-cross/ma-cross.strategy';
export { buyAndHoldStrategy } from './lib/buy-and-hold/buy-and-hold.strategy';
export { rsiReversionStrategy } from './lib/rsi-reversion/rsi-reversion.strategy';
export { donchianBreakoutStrategy } from './lib/donchian-breakout/donchian-breakout.strategy';
export { momentumStrategy } from './lib/momentum/momentum.strategy';

export { StrategyRegistry } from './lib/registry/strategy-registry';
export { BUILT_IN_STRATEGIES, getStrategy } from './lib/registry/built-in-strategies';
export { guardStrategy, strategiesOfModule } from './lib/registry/strategy-module';
export {
  checkStrategy,
  type CheckStrategyOptions,
  STRATEGY_PROPERTIES,
  STRATEGY_PROPERTY_RULES,
  type StrategyCheck,
  type StrategyProperty,
  type StrategyVerdict,
} from './lib/check/check-strategy';

// Universe (cross-sectional) strategies: targets for many symbols at once, their registry and contract.
export {
  defineUniverseStrategy,
  isUniverseStrategy,
  universeTargetsProblem,
  type UniverseStrategy,
  type UniverseStrategyDefinition,
} from './lib/universe/universe-strategy';
export { topMomentumStrategy } from './lib/universe/top-momentum.universe-strategy';
export { BUILT_IN_UNIVERSE_STRATEGIES, UniverseStrategyRegistry } from './lib/universe/universe-registry';
export { guardUniverseStrategy, universeStrategiesOfModule } from './lib/universe/universe-module';
export {
  checkUniverseStrategy,
  type CheckUniverseStrategyOptions,
  UNIVERSE_STRATEGY_PROPERTIES,
  UNIVERSE_STRATEGY_PROPERTY_RULES,
  type UniverseStrategyCheck,
  type UniverseStrategyProperty,
  type UniverseStrategyVerdict,
} from './lib/universe/check-universe-strategy';

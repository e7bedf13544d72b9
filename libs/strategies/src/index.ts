// The public API of @aetherquant/strategies: strategies that turn a bar series into target exposure per
// bar, and their registry (the built-ins, and more from strategy modules). The kernels the built-in
// strategies share (moving average, trailing extremes) stay internal; the API report
// (api/strategies.api.md) shows the surface.

export { type ParameterSpec, type Strategy, type StrategyParameters } from './lib/strategy/strategy';
export {
  defineStrategy,
  resolveStrategyParameters,
  type StrategyDefinition,
} from './lib/strategy/define-strategy';
export { clipLongOnly } from './lib/strategy/long-only';
export { minimumBars, requireBars } from './lib/strategy/require-bars';

export { maCrossStrategy } from './lib/ma-cross/ma-cross.strategy';
export { buyAndHoldStrategy } from './lib/buy-and-hold/buy-and-hold.strategy';
export { rsiReversionStrategy } from './lib/rsi-reversion/rsi-reversion.strategy';
export { donchianBreakoutStrategy } from './lib/donchian-breakout/donchian-breakout.strategy';
export { momentumStrategy } from './lib/momentum/momentum.strategy';

export { StrategyRegistry } from './lib/registry/strategy-registry';
export { BUILT_IN_STRATEGIES, getStrategy } from './lib/registry/built-in-strategies';
export { strategiesOfModule } from './lib/registry/strategy-module';

import { buyAndHoldStrategy } from '../buy-and-hold/buy-and-hold.strategy';
import { donchianBreakoutStrategy } from '../donchian-breakout/donchian-breakout.strategy';
import { maCrossStrategy } from '../ma-cross/ma-cross.strategy';
import { momentumStrategy } from '../momentum/momentum.strategy';
import { rsiReversionStrategy } from '../rsi-reversion/rsi-reversion.strategy';
import { type Strategy } from '../strategy/strategy';
import { StrategyRegistry } from './strategy-registry';

/**
 * Every built-in strategy, in the order lists and help texts show them: the default (core's
 * `DEFAULT_STRATEGY`, the baseline) first. Adding a built-in strategy is its module, its spec and one line
 * here: the contract suite, `GET /api/strategies`, the dashboard's form and the CLI's help all read this.
 */
export const BUILT_IN_STRATEGIES = new StrategyRegistry([
  maCrossStrategy,
  buyAndHoldStrategy,
  rsiReversionStrategy,
  donchianBreakoutStrategy,
  momentumStrategy,
]);

/**
 * The built-in strategy called `name`, as {@link StrategyRegistry.get} finds it. For code that only ever
 * runs built-ins, such as a sweep's worker threads, which look their strategy up by name.
 */
export function getStrategy(name: string): Strategy {
  return BUILT_IN_STRATEGIES.get(name);
}

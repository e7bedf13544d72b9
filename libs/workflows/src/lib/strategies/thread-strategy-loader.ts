// Loaded by the threads of a sweep (libs/backtest's sweep-worker) to run a strategy from a file: a thread
// cannot be handed a strategy's functions, so it loads the file again, as every thread that runs strategies
// does (see `Strategy.reload`). Required by path, so it must stay a module of its own.
import { type Strategy } from '@aetherquant/strategies';
import { strategyRegistryOf } from './strategy-registry-of';

/** The strategy `name` of the strategy file `module` (absolute), loaded once per thread. */
export async function strategyOfModule(module: string, name: string): Promise<Strategy> {
  return (await strategyRegistryOf({ strategyModules: [module] })).get(name);
}

// `@aetherquant/workflows/strategies`: the built-in strategies, for what apps show before any run (the CLI's
// help texts). An entry point of its own, as `./server` is, so that loading the main entry stays cheap: a
// command that runs no strategy (`signal`) never loads @aetherquant/strategies.

export { BUILT_IN_STRATEGIES, type StrategyRegistry } from '@aetherquant/strategies';
export {
  checkStrategyModules,
  type CheckedStrategyModule,
  fileStrategyNames,
  type StrategyContractCheck,
  strategyRegistryOf,
  universeRegistryOf,
} from './lib/strategies/strategy-registry-of';
export { STRATEGY_FILE_EXTENSIONS } from './lib/strategies/import-strategy-module';
export { resolveStrategyPaths } from './lib/strategies/strategy-paths';
export {
  STRATEGY_PROPERTIES,
  STRATEGY_PROPERTY_RULES,
  type StrategyCheck,
  type StrategyVerdict,
} from '@aetherquant/strategies';

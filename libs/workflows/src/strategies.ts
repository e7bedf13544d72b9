// `@aetherquant/workflows/strategies`: the built-in strategies, for what apps show before any run (the CLI's
// help texts). An entry point of its own, as `./server` is, so that loading the main entry stays cheap: a
// command that runs no strategy (`signal`) never loads @aetherquant/strategies.

export { BUILT_IN_STRATEGIES, type StrategyRegistry } from '@aetherquant/strategies';

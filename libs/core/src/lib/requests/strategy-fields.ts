import { z } from 'zod';

/**
 * The strategy a run uses when its request names none: the moving-average crossover, the baseline the others
 * are compared with. Requests default to it here (core knows no strategy), so @aetherquant/strategies
 * registers it first and its registry spec proves it is registered; help texts and forms read it from here.
 */
export const DEFAULT_STRATEGY = 'ma-cross';

/**
 * The `strategy` field of every request that runs a strategy: a registered name, checked when the run starts
 * against the registry the app runs with (core cannot know the names: strategies may be added at run time).
 */
export const strategyField = z.string().min(1).default(DEFAULT_STRATEGY);

/** Strategy parameters by name (`fast`, `slow`, …): the strategy fills in its defaults and checks bounds. */
export const strategyParamsField = z.record(z.string(), z.number()).default({});

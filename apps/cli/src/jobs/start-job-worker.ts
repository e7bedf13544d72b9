// Loaded by `aetherquant worker` only: BullMQ and Redis are not for the other commands to load.
import { type Settings } from '@aetherquant/core';
import { BullMqJobWorker, threadJobExecutor } from '@aetherquant/workflows/jobs';
import { type CheckedStrategyModule, checkStrategyModules } from '@aetherquant/workflows/strategies';

/**
 * Loads the strategy files of `AETHERQ_STRATEGY_PATHS` and runs the strategy contract on each strategy, as the
 * API does before it starts: one that fails to load or breaks the contract is an INVALID_ARGUMENT naming it.
 */
export function checkWorkerStrategies(settings: Settings): Promise<CheckedStrategyModule[]> {
  return checkStrategyModules(settings.strategyPaths, { field: 'AETHERQ_STRATEGY_PATHS', refuse: true });
}

/** Starts taking jobs from the Redis of `settings`, computing each on a thread of its own. */
export function startJobWorker(
  settings: Settings,
  redisUrl: string,
  concurrency: number,
  log: (line: string) => void,
): Promise<BullMqJobWorker> {
  return BullMqJobWorker.start({
    redisUrl,
    prefix: settings.jobs.redisPrefix,
    concurrency,
    executor: threadJobExecutor({ settings }),
    // One JSON line per job started and ended here, as the worker's other lines.
    onJobEvent: (event) => log(JSON.stringify({ ...event, pid: process.pid })),
  });
}

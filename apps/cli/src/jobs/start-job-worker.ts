// Loaded by `aetherquant worker` only: BullMQ and Redis are not for the other commands to load.
import { type Settings } from '@aetherquant/core';
import { BullMqJobWorker, threadJobExecutor } from '@aetherquant/workflows/jobs';

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

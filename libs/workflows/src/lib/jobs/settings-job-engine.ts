import { type Settings } from '@aetherquant/core';
import { BullMqJobEngine } from './bullmq/bullmq-job-engine';
import { EmbeddedJobEngine } from './embedded-job-engine';
import { jobRequestLimits, type JobAdmission } from './job-admission';
import { type JobEngine } from './job-engine';
import { marketDataVersion } from './market-data-version';
import { threadJobExecutor } from './thread-job-executor';

export interface SettingsJobEngineOptions {
  /** `remote`: an API's engine, whose submitters are clients: their requests are checked as the API checks them, and each key's quota applies. */
  submitters: 'local' | 'remote';
  /** Strategy files jobs may name besides the built-ins. Default: the settings' `strategyPaths`. */
  strategyModules?: readonly string[];
}

/**
 * The job engine `settings` call for: BullMQ on `AETHERQ_REDIS_URL` when set (jobs outlive this process and
 * `aetherquant worker`s compute them), else the embedded engine (one job at a time on a thread of this
 * process; lost when it stops). Either way a job is identified by its request and the version of the bars it
 * reads, sized and held to the job limits before it is queued.
 */
export function settingsJobEngine(settings: Settings, options: SettingsJobEngineOptions): JobEngine {
  const strategyModules = options.strategyModules ?? settings.strategyPaths;
  const admission: JobAdmission = {
    strategyModules,
    dataVersion: marketDataVersion(settings),
    limits: jobRequestLimits(settings),
    quota: options.submitters === 'remote' ? settings.jobs.quota : undefined,
    submitters: options.submitters,
  };
  const { redisUrl, redisPrefix } = settings.jobs;
  if (redisUrl !== undefined) return new BullMqJobEngine({ redisUrl, prefix: redisPrefix, ...admission });
  return new EmbeddedJobEngine({
    ...admission,
    executor: threadJobExecutor({ settings, strategyModules }),
    // A sweep already spreads over every core: one job at a time computes as fast, and keeps the API's own
    // compute threads for the requests answered at once.
    concurrency: 1,
    maxQueued: 100,
    // Finished jobs hold their results in this process's memory: the latest 200 are kept.
    retainFinished: 200,
  });
}

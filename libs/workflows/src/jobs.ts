// `@aetherquant/workflows/jobs`: long use cases as jobs, off the request path. The embedded engine keeps
// them in this process; the distributed one keeps them in Redis (BullMQ), computed by `aetherquant worker`
// processes anywhere. An entry point of its own, so only the apps that run jobs load BullMQ and Redis.

export {
  type JobEngine,
  type JobExecution,
  type JobExecutor,
  type JobOutcome,
  type JobQuery,
} from './lib/jobs/job-engine';
export { type DataVersion } from './lib/jobs/job-identity';
export { marketDataVersion } from './lib/jobs/market-data-version';
export {
  checkJobQuota,
  jobCells,
  jobRequestLimits,
  type JobAdmission,
  type JobQuota,
} from './lib/jobs/job-admission';
export { settingsJobEngine, type SettingsJobEngineOptions } from './lib/jobs/settings-job-engine';
export { EmbeddedJobEngine, type EmbeddedJobEngineOptions } from './lib/jobs/embedded-job-engine';
export { threadJobExecutor, type ThreadJobExecutorOptions } from './lib/jobs/thread-job-executor';
export { BullMqJobEngine, type BullMqJobEngineOptions } from './lib/jobs/bullmq/bullmq-job-engine';
export {
  BullMqJobWorker,
  type BullMqJobWorkerOptions,
  type JobWorkerEvent,
} from './lib/jobs/bullmq/bullmq-job-worker';
export { type JobQueueLocation } from './lib/jobs/bullmq/job-queue-names';

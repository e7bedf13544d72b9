// A job worker in a process of its own for the API's distributed-jobs test: what `aetherquant worker` runs
// (the CLI's test covers the command itself), started from the built workflows library so the API's tests do
// not need the CLI built. Settings come from the environment; SIGTERM finishes the current job and exits.
const { parseSettings } = require('@aetherquant/core');
const { BullMqJobWorker, threadJobExecutor } = require('@aetherquant/workflows/jobs');

const { settings } = parseSettings(process.env);
BullMqJobWorker.start({
  redisUrl: settings.jobs.redisUrl,
  prefix: settings.jobs.redisPrefix,
  concurrency: 1,
  executor: threadJobExecutor({ settings }),
}).then((worker) => {
  console.log(JSON.stringify({ msg: 'worker started', pid: process.pid }));
  process.once('SIGTERM', () => void worker.close().then(() => process.exit(0)));
});

import { AetherError } from '@aetherquant/core';
import * as Flags from '@oclif/core/flags';
import { AetherCommand } from '../command/aether-command';
import { followParent, STOP_SIGNALS } from '../command/follow-parent';
import { numericFlag } from '../flags/flag-input';

export default class WorkerCommand extends AetherCommand {
  static override summary = 'Compute queued jobs from Redis (the distributed job engine).';
  static override description =
    'Takes jobs (sweeps, walk-forwards, backtests, optimisations, paper runs) from the Redis of ' +
    'AETHERQ_REDIS_URL and computes them, each on a thread of its own, recording their runs in ' +
    'AETHERQ_DATABASE_URL. Run any number of workers on any machine that reaches both. A worker that dies ' +
    '(even kill -9) loses nothing: another takes its job over within seconds. SIGTERM, SIGINT or SIGHUP ' +
    'stop it gracefully: it takes no new job and finishes the ones it runs; a second signal stops them at ' +
    'once, and they go back to the queue for another worker.';
  static override examples = [
    'AETHERQ_REDIS_URL=redis://127.0.0.1:6379 <%= config.bin %> worker',
    'AETHERQ_REDIS_URL=redis://queue.internal:6379 AETHERQ_DATABASE_URL=postgresql://… <%= config.bin %> worker --concurrency 2',
  ];
  static override enableJsonFlag = false;
  static override flags = {
    concurrency: Flags.string({ summary: 'Jobs computed at once, 1 to 64.', default: '1' }),
    dotenv: AetherCommand.dotenvFlag,
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(WorkerCommand);
    const concurrency = numericFlag(flags.concurrency);
    if (
      typeof concurrency !== 'number' ||
      !Number.isInteger(concurrency) ||
      concurrency < 1 ||
      concurrency > 64
    ) {
      throw AetherError.invalid([
        { field: '--concurrency', rule: `must be a whole number from 1 to 64 (got ${flags.concurrency})` },
      ]);
    }
    const settings = this.loadSettings(flags.dotenv);
    const { redisUrl } = settings.jobs;
    if (redisUrl === undefined) {
      throw AetherError.invalid([
        { field: 'AETHERQ_REDIS_URL', rule: 'must be set: a worker takes its jobs from that Redis' },
      ]);
    }
    // Each strategy file must load and keep the strategy contract before any job is taken: a bad one stops
    // the start here, named, instead of failing (or computing wrong figures for) every job that names it.
    const { checkWorkerStrategies, startJobWorker } = await import('../jobs/start-job-worker');
    const checked = await checkWorkerStrategies(settings);
    const worker = await startJobWorker(settings, redisUrl, concurrency, (line) => this.log(line));
    const strategies = checked.flatMap(({ checks }) => checks.map((check) => check.strategy));
    this.log(JSON.stringify({ event: 'worker started', pid: process.pid, concurrency, strategies }));

    const stopped = new Promise<void>((resolve) => {
      let stopping = false;
      const stop = (force: boolean) => {
        if (force) {
          // A second signal: stop at once. The running jobs' locks lapse and another worker takes them over
          // (BullMQ's forced close waits for the graceful one already under way, so the process just ends).
          this.log(JSON.stringify({ event: 'worker stopped at once', pid: process.pid }));
          process.exit(1);
        }
        if (stopping) return;
        stopping = true;
        void worker.close().then(resolve, resolve);
      };
      for (const signal of STOP_SIGNALS) process.on(signal, () => stop(stopping));
      followParent(() => stop(false));
    });
    await stopped;
    this.log(JSON.stringify({ event: 'worker stopped', pid: process.pid }));
  }
}

import {
  AetherError,
  type JobStatus,
  type JobUseCaseName,
  type UseCaseInput,
  type UseCaseOutput,
  USE_CASES,
  validate,
} from '@aetherquant/core';
import { type JobEngine } from '@aetherquant/workflows';
import * as Flags from '@oclif/core/flags';
import { AetherCommand, type JobEngineSource, type WorkflowRunOptions } from '../command/aether-command';
import { flagNamer } from '../flags/flag-input';
import { commandSpelling } from './job-names';
import { JOB_CANCELLED_EXIT_CODE } from '../command/exit-codes';
import { isFinished, jobFailure, shownResult } from './job-output';
import { type ReportViews } from '../output/report-renderers';
import { jobProgressBar } from './job-progress-bar';

/**
 * What a command wants of this machine's job engine (a remote run never uses it):
 * - `run-here`: the job may compute in this process (the embedded engine, without Redis) while it waits;
 * - `detach`: the job must outlive this process, so only Redis will do (the embedded engine is refused);
 * - `follow`: jobs another process submitted, which only Redis holds (without it, the workflow says what to set).
 */
export type JobEngineUse = 'run-here' | 'detach' | 'follow';

export const DETACH_RULE =
  'needs a job queue that outlives this process: set AETHERQ_REDIS_URL, or use --api-url';

/** How often a job followed from here is read: its progress moves about as often on either engine. */
const POLL_INTERVAL_MS = 500;
/** How long a job may stay queued before the user is told what it waits for. */
const QUEUED_NOTICE_MS = 10_000;

/**
 * The flags every job command takes: the env file of the settings, and the API server to run on. (Not a
 * static of {@link JobCommand}: oclif would copy it into every command's manifest entry.)
 */
export const JOB_FLAGS = {
  dotenv: AetherCommand.dotenvFlag,
  ...AetherCommand.remoteFlags,
};

/**
 * What the job commands share (and `sweep` and `walk-forward`, for `--detach`): submitting through the
 * `submitJob` use case, following a job through `job` with a progress bar, printing the outcome as the use
 * case's own command does, and the job engine of this machine, made once from the settings, only for a
 * local run and only where it helps, and closed when the command ends.
 */
export abstract class JobCommand extends AetherCommand {
  static readonly detachFlag = Flags.boolean({
    summary:
      'Submit it as a job and return at once with its id (needs AETHERQ_REDIS_URL and a worker, or --api-url); follow it with `jobs wait`.',
    helpGroup: 'JOB',
  });

  #engine: Promise<JobEngine> | undefined;
  #engineKind: JobEngine['kind'] | undefined;

  /** The job engine a local run of a job use case gets, for `use`. */
  protected jobEngine(use: JobEngineUse): JobEngineSource {
    return async (settings) => {
      if (this.#engine === undefined) {
        if (settings.jobs.redisUrl === undefined) {
          if (use === 'detach') throw AetherError.invalid([{ field: '--detach', rule: DETACH_RULE }]);
          if (use === 'follow') return undefined;
        }
        // Loaded here only: BullMQ and Redis are for the commands that run jobs (see the start-up test).
        this.#engine = import('./local-job-engine').then(({ localJobEngine }) => localJobEngine(settings));
      }
      const engine = await this.#engine;
      this.#engineKind = engine.kind;
      return engine;
    };
  }

  /**
   * Runs `job`, `jobs` or `cancelJob` on the jobs submitted elsewhere: those of the API server of a remote run,
   * else those of the job queue of this machine's Redis (without it, the workflow says what to set).
   */
  protected runOnJobs<Name extends 'job' | 'jobs' | 'cancelJob'>(
    name: Name,
    input: unknown,
    options: WorkflowRunOptions,
  ): Promise<UseCaseOutput<Name>> {
    return this.runUseCase(name, input, { ...options, jobs: this.jobEngine('follow') });
  }

  /** One job as `jobs show` and `jobs cancel` print it (`--json`: the job as it is); resolves with it. */
  protected printJob(job: JobStatus): JobStatus {
    this.present('job', job);
    return job;
  }

  /**
   * Submits `request` as a job of `useCase`. With `detach`, only where the job outlives this process.
   * `requestFieldName` names the request's fields in errors (a command's flags: `request.top` → `--top`).
   */
  protected async submitJob(
    useCase: JobUseCaseName,
    request: Readonly<Record<string, unknown>>,
    options: WorkflowRunOptions,
    { detach, requestFieldName }: { detach: boolean; requestFieldName?: (field: string) => string },
  ): Promise<JobStatus> {
    const submission: UseCaseInput<'submitJob'> = { use_case: useCase, request: { ...request } };
    try {
      return await this.runUseCase('submitJob', submission, {
        ...options,
        jobs: this.jobEngine(detach ? 'detach' : 'run-here'),
      });
    } catch (error) {
      if (requestFieldName && error instanceof AetherError && error.code === 'INVALID_ARGUMENT') {
        throw error.withFieldNames((field) =>
          field.startsWith('request.') ? requestFieldName(field.slice('request.'.length)) : field,
        );
      }
      throw error;
    }
  }

  /**
   * `--detach` of a use case's own command: the request it would run, checked as it would check it (the flags
   * named), then submitted as a job that outlives this process. Prints the job's id and the command that
   * waits for it (`--json`: the job as submitted).
   */
  protected async submitDetached(
    useCase: JobUseCaseName,
    request: Readonly<Record<string, unknown>>,
    options: WorkflowRunOptions,
  ): Promise<JobStatus> {
    const fieldName = flagNamer(new Set(Object.keys((this.constructor as { flags?: object }).flags ?? {})));
    if (options.databaseUrl !== undefined || options.databaseUrlFile !== undefined) {
      const flag = options.databaseUrl === undefined ? '--database-url-file' : '--database-url';
      throw AetherError.invalid([
        {
          field: flag,
          rule: 'cannot be used with --detach (the worker records the run in its own database)',
        },
      ]);
    }
    const { title } = USE_CASES[useCase];
    validate(USE_CASES[useCase].request, definedFields(request), { context: `${title} request`, fieldName });
    const job = await this.submitJob(useCase, definedFields(request), options, {
      detach: true,
      requestFieldName: fieldName,
    });
    this.printSubmitted(job, options);
    return job;
  }

  /** A job just submitted and not waited for: its id and status, and the line that waits for it. */
  protected printSubmitted(job: JobStatus, options: WorkflowRunOptions): void {
    this.present('submittedJob', { job, waitCommand: this.waitCommand(job.job_id, options) });
  }

  /** `aetherquant jobs wait <id>`, with the flags that say where the job is (never a key itself). */
  protected waitCommand(jobId: string, options: WorkflowRunOptions, verb = 'wait'): string {
    const words = [this.config.bin, 'jobs', verb, jobId];
    if (options.apiUrl !== undefined) words.push('--api-url', options.apiUrl);
    if (options.apiKeyFile !== undefined && options.apiKeyFile !== '-')
      words.push('--api-key-file', options.apiKeyFile);
    if (options.dotenv !== undefined) words.push('--dotenv', options.dotenv);
    return words.map(shellWord).join(' ');
  }

  /**
   * Reads the job every {@link POLL_INTERVAL_MS} until it has finished, drawing its progress on standard
   * error (on a terminal), and resolves with it finished. Says so on standard error when it stays queued (no
   * worker takes it), and what becomes of it when interrupted (Ctrl-C).
   */
  protected async followJob(first: JobStatus, options: WorkflowRunOptions): Promise<JobStatus> {
    const bar = jobProgressBar(commandSpelling(first.use_case));
    const since = Date.now();
    let noticed = false;
    const onInterrupt = () => {
      bar.finish();
      const goesOn =
        this.#engineKind === 'embedded'
          ? `job ${first.job_id} stopped with this process`
          : `stopped waiting; job ${first.job_id} goes on: \`${this.waitCommand(first.job_id, options)}\` follows it, \`${this.waitCommand(first.job_id, options, 'cancel')}\` stops it`;
      process.stderr.write(`${goesOn}\n`);
      process.exit(130);
    };
    process.once('SIGINT', onInterrupt);
    let job = first;
    try {
      for (;;) {
        if (job.status !== 'queued') bar.update(job.progress);
        if (isFinished(job)) return job;
        if (!noticed && job.status === 'queued' && Date.now() - since >= QUEUED_NOTICE_MS) {
          noticed = true;
          bar.finish();
          process.stderr.write(`${this.#queuedNotice(job.job_id)}\n`);
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
        job = await this.runOnJobs('job', { id: job.job_id }, options);
      }
    } finally {
      process.removeListener('SIGINT', onInterrupt);
      bar.finish();
    }
  }

  /** Why a job stays queued: where the job engine is this machine's Redis, no worker runs; else the server's. */
  #queuedNotice(jobId: string): string {
    return this.#engineKind === 'distributed'
      ? `job ${jobId} is still queued: no worker has taken it yet (start one where AETHERQ_REDIS_URL reaches this Redis: ${this.config.bin} worker)`
      : `job ${jobId} is still queued on the server: its workers are busy, or none is running`;
  }

  /**
   * A finished job as its use case's own command ends: completed, its result printed as that command prints
   * it (`--json`: the job, result included); failed, the error of its code (so its exit code); cancelled,
   * exit {@link JOB_CANCELLED_EXIT_CODE}.
   */
  protected finishJob(job: JobStatus): JobStatus {
    if (job.status === 'completed') {
      // As the use case's own command prints its report (`--json`: the job, result included).
      this.present(job.use_case, shownResult(job.result) as ReportViews[JobUseCaseName]);
      return job;
    }
    if (job.status === 'failed') throw jobFailure(job);
    if (this.jsonEnabled()) this.logJson(job);
    else process.stderr.write(`error: job ${job.job_id} was cancelled\n`);
    return this.exit(JOB_CANCELLED_EXIT_CODE);
  }

  protected override async finally(error: Error | undefined): Promise<unknown> {
    const engine = await this.#engine?.catch(() => undefined);
    await engine?.close().catch(() => undefined);
    return super.finally(error);
  }
}

/** The request's fields without those left unset, which would otherwise count as given. */
function definedFields(request: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(request).filter(([, value]) => value !== undefined));
}

/** A word as a POSIX shell reads it back: as it is when plain, else single-quoted. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

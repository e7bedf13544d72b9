import { readFile } from 'node:fs/promises';
import { AetherError, type JobStatus } from '@aetherquant/core';
import * as Flags from '@oclif/core/flags';
import { workflowRunOptions } from '../../command/aether-command';
import { requiredArg } from '../../jobs/job-args';
import { JOB_FLAGS, JobCommand } from '../../jobs/job-command';
import { jobUseCaseNamed } from '../../jobs/job-names';

export default class JobsSubmitCommand extends JobCommand {
  static override useCases = ['submitJob', 'job'] as const;
  static override summary = 'Submit a long use case as a job, and wait for its result unless --detach.';
  static override description =
    'The use case is backtest, portfolio-backtest, papertrade, optimize, sweep or walk-forward; its request is ' +
    'the JSON its API endpoint takes (--request or --request-file). The job runs in the job queue of ' +
    'AETHERQ_REDIS_URL (computed by `aetherquant worker`s), on the API server of --api-url, or, with neither, ' +
    "in this process. Without --detach it waits as `jobs wait` does and prints the result as the use case's " +
    'own command would. The same work submitted again returns the existing job.';
  static override examples = [
    `<%= config.bin %> jobs submit sweep --request '{"symbol":"SPY","provider":"synthetic","grid":{"fast":"5:50:5","slow":"60:200:10"}}'`,
    'AETHERQ_REDIS_URL=redis://127.0.0.1:6379 <%= config.bin %> jobs submit walk-forward --request-file wf.json --detach',
    '<%= config.bin %> jobs submit sweep --request-file sweep.json --api-url https://quant.example/aq --api-key-file ~/.config/aq/trader.key',
  ];
  static override args = {
    'use-case': requiredArg(
      'use-case',
      'backtest, portfolio-backtest, papertrade, optimize, sweep or walk-forward.',
    ),
  };
  static override flags = {
    request: Flags.string({ summary: "The use case's request as a JSON object [default: {}]." }),
    'request-file': Flags.string({
      summary: 'Read the request from this JSON file, or from standard input with -.',
    }),
    detach: JobCommand.detachFlag,
    ...JOB_FLAGS,
  };

  async run(): Promise<JobStatus> {
    const { args, flags } = await this.parse(JobsSubmitCommand);
    const useCase = jobUseCaseNamed(args['use-case'], 'use-case');
    const request = await requestOf(flags);
    const options = workflowRunOptions(flags);
    const submitted = await this.submitJob(useCase, request, options, { detach: flags.detach });
    if (flags.detach) {
      this.printSubmitted(submitted, options);
      return submitted;
    }
    return this.finishJob(await this.followJob(submitted, options));
  }
}

/** The request of `--request` or `--request-file`: a JSON object. */
async function requestOf(flags: {
  request?: string;
  'request-file'?: string;
  'api-key-file'?: string;
}): Promise<Record<string, unknown>> {
  const file = flags['request-file'];
  if (flags.request !== undefined && file !== undefined) {
    throw AetherError.invalid([{ field: '--request-file', rule: 'cannot be combined with --request' }]);
  }
  if (file === '-' && flags['api-key-file'] === '-') {
    throw AetherError.invalid([
      { field: '--request-file', rule: 'cannot read standard input: --api-key-file reads it already' },
    ]);
  }
  let text = flags.request;
  const field = file === undefined ? '--request' : '--request-file';
  if (file !== undefined) {
    try {
      text = file === '-' ? await readStandardInput() : await readFile(file, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      throw AetherError.invalid([{ field, rule: `cannot be read (${reason}): ${file}` }]);
    }
  }
  if (text === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw AetherError.invalid([{ field, rule: `must be JSON (${(error as Error).message})` }]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw AetherError.invalid([{ field, rule: 'must be a JSON object, the fields of the request' }]);
  }
  return parsed as Record<string, unknown>;
}

async function readStandardInput(): Promise<string> {
  let text = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
}

import { type JobStatus } from '@aetherquant/core';
import { AetherCommand, workflowRunOptions } from '../../command/aether-command';
import { requiredArg } from '../../jobs/job-args';
import { JobCommand } from '../../jobs/job-command';
import { jobSummary } from '../../jobs/job-output';

export default class JobsShowCommand extends JobCommand {
  static override useCases = ['job'] as const;
  static override summary = 'Show one job: status, progress, timestamps, run and error.';
  static override description =
    'One job of the job queue of AETHERQ_REDIS_URL, or of the API server of --api-url. With --json, the ' +
    'job as the API answers it, its result included once completed; `jobs wait` prints the result as the ' +
    "use case's own command would.";
  static override examples = ['<%= config.bin %> jobs show job-3f9c2a7d41b04e55a1c8e2f6d09b7a13 --json'];
  static override args = { id: requiredArg('id', 'The job id (job- and 32 hex digits).') };
  static override flags = {
    dotenv: AetherCommand.dotenvFlag,
    ...AetherCommand.remoteFlags,
  };

  async run(): Promise<JobStatus> {
    const { args, flags } = await this.parse(JobsShowCommand);
    const job = await this.runUseCase(
      'job',
      { id: args.id },
      { ...workflowRunOptions(flags), jobs: this.jobEngine('follow') },
    );
    if (!this.jsonEnabled()) this.log(jobSummary(job));
    return job;
  }
}

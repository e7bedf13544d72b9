import { type JobStatus } from '@aetherquant/core';
import { AetherCommand, workflowRunOptions } from '../../command/aether-command';
import { requiredArg } from '../../jobs/job-args';
import { JobCommand } from '../../jobs/job-command';
import { jobSummary } from '../../jobs/job-output';

export default class JobsCancelCommand extends JobCommand {
  static override useCases = ['cancelJob'] as const;
  static override summary = 'Cancel a queued or running job, and wait until it has stopped.';
  static override description =
    'Stops the job (every chunk of a sweep, on whichever worker computes it) and prints it, cancelled. A ' +
    'finished job is left as it is and printed (exit 0 either way; its status says which).';
  static override examples = ['<%= config.bin %> jobs cancel job-3f9c2a7d41b04e55a1c8e2f6d09b7a13'];
  static override args = { id: requiredArg('id', 'The job id (job- and 32 hex digits).') };
  static override flags = {
    dotenv: AetherCommand.dotenvFlag,
    ...AetherCommand.remoteFlags,
  };

  async run(): Promise<JobStatus> {
    const { args, flags } = await this.parse(JobsCancelCommand);
    const job = await this.runUseCase(
      'cancelJob',
      { id: args.id },
      { ...workflowRunOptions(flags), jobs: this.jobEngine('follow') },
    );
    if (job.status !== 'cancelled') {
      process.stderr.write(`job ${job.job_id} had already ${job.status}: nothing to cancel\n`);
    }
    if (!this.jsonEnabled()) this.log(jobSummary(job));
    return job;
  }
}

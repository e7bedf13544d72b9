import { type JobStatus } from '@aetherquant/core';
import { workflowRunOptions } from '../../command/aether-command';
import { jobIdArgs } from '../../jobs/job-args';
import { JOB_FLAGS, JobCommand } from '../../jobs/job-command';

export default class JobsCancelCommand extends JobCommand {
  static override useCases = ['cancelJob'] as const;
  static override summary = 'Cancel a queued or running job, and wait until it has stopped.';
  static override description =
    'Stops the job (every chunk of a sweep, on whichever worker computes it) and prints it, cancelled. A ' +
    'finished job is left as it is and printed (exit 0 either way; its status says which).';
  static override examples = ['<%= config.bin %> jobs cancel job-3f9c2a7d41b04e55a1c8e2f6d09b7a13'];
  static override args = jobIdArgs;
  static override flags = JOB_FLAGS;

  async run(): Promise<JobStatus> {
    const { args, flags } = await this.parse(JobsCancelCommand);
    const job = await this.runOnJobs('cancelJob', { id: args.id }, workflowRunOptions(flags));
    if (job.status !== 'cancelled') {
      process.stderr.write(`job ${job.job_id} had already ${job.status}: nothing to cancel\n`);
    }
    return this.printJob(job);
  }
}

import { type JobStatus } from '@aetherquant/core';
import { workflowRunOptions } from '../../command/aether-command';
import { jobIdArgs } from '../../jobs/job-args';
import { JOB_FLAGS, JobCommand } from '../../jobs/job-command';

export default class JobsShowCommand extends JobCommand {
  static override useCases = ['job'] as const;
  static override summary = 'Show one job: status, progress, timestamps, run and error.';
  static override description =
    'One job of the job queue of AETHERQ_REDIS_URL, or of the API server of --api-url. With --json, the ' +
    'job as the API answers it, its result included once completed; `jobs wait` prints the result as the ' +
    "use case's own command would.";
  static override examples = ['<%= config.bin %> jobs show job-3f9c2a7d41b04e55a1c8e2f6d09b7a13 --json'];
  static override args = jobIdArgs;
  static override flags = JOB_FLAGS;

  async run(): Promise<JobStatus> {
    const { args, flags } = await this.parse(JobsShowCommand);
    return this.printJob(await this.runOnJobs('job', { id: args.id }, workflowRunOptions(flags)));
  }
}

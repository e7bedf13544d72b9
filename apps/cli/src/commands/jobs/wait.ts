import { type JobStatus } from '@aetherquant/core';
import { workflowRunOptions } from '../../command/aether-command';
import { jobIdArgs } from '../../jobs/job-args';
import { JOB_FLAGS, JobCommand } from '../../jobs/job-command';
import { JOB_CANCELLED_EXIT_CODE } from '../../command/exit-codes';

export default class JobsWaitCommand extends JobCommand {
  static override useCases = ['job'] as const;
  static override summary = "Wait for a job to finish, and print its result as the use case's command would.";
  static override description =
    'Reads the job every half second, with a progress bar (done/total and ETA) on standard error when it is ' +
    "a terminal. Completed: prints the result as the use case's own command does (--json: the job, result " +
    `included), exit 0. Failed: its error, with the exit code of the error's code. Cancelled: exit ${JOB_CANCELLED_EXIT_CODE}. ` +
    'Ctrl-C stops waiting, not the job.';
  static override examples = [
    'AETHERQ_REDIS_URL=redis://127.0.0.1:6379 <%= config.bin %> jobs wait job-3f9c2a7d41b04e55a1c8e2f6d09b7a13',
    '<%= config.bin %> jobs wait job-3f9c2a7d41b04e55a1c8e2f6d09b7a13 --api-url https://quant.example/aq --json',
  ];
  static override args = jobIdArgs;
  static override flags = JOB_FLAGS;

  async run(): Promise<JobStatus> {
    const { args, flags } = await this.parse(JobsWaitCommand);
    const options = workflowRunOptions(flags);
    const job = await this.runOnJobs('job', { id: args.id }, options);
    return this.finishJob(await this.followJob(job, options));
  }
}

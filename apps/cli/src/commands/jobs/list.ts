import { JOB_STATUSES, type JobsReport } from '@aetherquant/core';
import * as Flags from '@oclif/core/flags';
import { workflowRunOptions } from '../../command/aether-command';
import { numericFlag } from '../../flags/flag-input';
import { JOB_FLAGS, JobCommand } from '../../jobs/job-command';

export default class JobsListCommand extends JobCommand {
  static override useCases = ['jobs'] as const;
  static override summary = 'List jobs, newest first.';
  static override description =
    'The jobs of the job queue of AETHERQ_REDIS_URL, or of the API server of --api-url (a trader key sees its ' +
    'own jobs, an admin key all): id, use case, status, progress and when each was submitted. Page with ' +
    '--offset. Jobs run in a command without either (no job queue) are not listed: they ended with it.';
  static override examples = [
    'AETHERQ_REDIS_URL=redis://127.0.0.1:6379 <%= config.bin %> jobs list --status running',
    '<%= config.bin %> jobs list --api-url https://quant.example/aq --limit 10 --offset 10 --json',
  ];
  static override flags = {
    status: Flags.string({ summary: `Only jobs in this status: ${JOB_STATUSES.join(', ')}.` }),
    limit: Flags.string({ summary: 'How many jobs, 1 to 200 [default: 50].' }),
    offset: Flags.string({ summary: 'Jobs to skip, newest first: for the next page [default: 0].' }),
    ...JOB_FLAGS,
  };

  async run(): Promise<JobsReport> {
    const { flags } = await this.parse(JobsListCommand);
    const report = await this.runOnJobs(
      'jobs',
      { status: flags.status, limit: numericFlag(flags.limit), offset: numericFlag(flags.offset) },
      workflowRunOptions(flags),
    );
    this.present('jobs', { jobs: report.jobs, status: flags.status });
    return report;
  }
}

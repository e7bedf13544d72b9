import { type JobStatus, type JobsReport } from '@aetherquant/core';
import { commandSpelling } from '../../jobs/job-names';
import { jobSummary, jobTable, progressPercent } from '../../jobs/job-output';
import { formatTime } from '@aetherquant/core';
import { type ReportRenderer } from '../report-renderer';
import { renderTable } from '../table';

/** `jobs list`: the jobs, and the status they were filtered by (for "no running jobs"). */
export interface JobsView {
  jobs: JobsReport['jobs'];
  status?: string;
}

/** A job just submitted and not waited for, and the command that waits for it. */
export interface SubmittedJobView {
  job: JobStatus;
  waitCommand: string;
}

type ListedJob = JobsReport['jobs'][number];

function noJobs(view: JobsView): string {
  return `no ${view.status ? `${view.status} ` : ''}jobs`;
}

/** `jobs list`: a table of id, use case, status, progress and submission time. */
export const jobsRenderer: ReportRenderer<JobsView> = {
  script: (view) => (view.jobs.length === 0 ? noJobs(view) : jobTable(view.jobs)),
  human(view, terminal) {
    if (view.jobs.length === 0) return noJobs(view);
    const { style } = terminal;
    return renderTable<ListedJob>(
      [
        { header: 'Job', cell: (job) => job.job_id },
        { header: 'Use case', cell: (job) => commandSpelling(job.use_case) },
        {
          header: 'Status',
          cell: (job) => (job.status === 'failed' ? style.negative(job.status) : job.status),
        },
        { header: 'Progress', cell: progressPercent, align: 'right' },
        { header: 'Submitted (UTC)', cell: (job) => formatTime(job.submitted_at), drop: 1 },
      ],
      view.jobs,
      terminal,
    );
  },
};

/** `jobs show`, `jobs cancel`: one job, a field a line. */
export const jobRenderer: ReportRenderer<JobStatus> = {
  script: jobSummary,
  human: (job) => jobSummary(job),
};

/** `jobs submit --detach`, `sweep --detach`: the job's id and status, and the line that waits for it. */
export const submittedJobRenderer: ReportRenderer<SubmittedJobView> = {
  script: submittedLines,
  human: submittedLines,
};

function submittedLines({ job, waitCommand }: SubmittedJobView): string {
  return `${job.job_id} ${job.status} (${commandSpelling(job.use_case)})\n${waitCommand}`;
}

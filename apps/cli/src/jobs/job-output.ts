import { AetherError, type JobStatus } from '@aetherquant/core';
import { commandSpelling } from './job-names';

/** A job as lists show it: without its result. */
type ListedJob = Omit<JobStatus, 'result'>;

/** How far a job has come, in percent: `61%`; `-` before it knows its size. */
export function progressPercent(job: ListedJob): string {
  if (job.status === 'completed') return '100%';
  const { done, total } = job.progress;
  return total > 0 ? `${Math.floor((Math.min(done, total) / total) * 100)}%` : '-';
}

/** `jobs list` as a table: id, use case (as the CLI spells it), status, progress and when it was submitted. */
export function jobTable(jobs: readonly ListedJob[]): string {
  const rows = [
    ['ID', 'USE CASE', 'STATUS', 'PROGRESS', 'SUBMITTED'],
    ...jobs.map((job) => [
      job.job_id,
      commandSpelling(job.use_case),
      job.status,
      progressPercent(job),
      job.submitted_at,
    ]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows
    .map((row) =>
      row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  '),
    )
    .join('\n');
}

/** `jobs show` and `jobs cancel`: one job, a field a line. The result is `jobs wait`'s (or `--json`'s). */
export function jobSummary(job: JobStatus): string {
  const { done, total } = job.progress;
  const counts = total > 0 ? ` (${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')})` : '';
  const lines: [string, string | null][] = [
    ['job', job.job_id],
    ['use case', commandSpelling(job.use_case)],
    ['status', job.status],
    ['progress', `${progressPercent(job)}${counts}`],
    ['eta', job.progress.eta_seconds === null ? null : `${Math.ceil(job.progress.eta_seconds)} s`],
    ['owner', job.owner],
    ['submitted', job.submitted_at],
    ['started', job.started_at],
    ['finished', job.finished_at],
    ['run', job.run_id],
    ['error', job.error === null ? null : `${job.error.code}: ${job.error.message}`],
  ];
  return lines
    .filter((line): line is [string, string] => line[1] !== null && !(line[0] === 'eta' && isFinished(job)))
    .map(([name, value]) => `${name.padEnd(11)}${value}`)
    .join('\n');
}

export function isFinished(job: Pick<JobStatus, 'status'>): boolean {
  return job.status === 'completed' || job.status === 'failed' || job.status === 'cancelled';
}

/** What the API adds to reports for screens (the dashboard): the CLI prints the figures only. */
const SCREEN_FIELDS = ['chart', 'trade_list'];

/** A completed job's result as its use case's own command prints it: without what the API adds for screens. */
export function shownResult(result: unknown): unknown {
  return typeof result === 'object' && result !== null && !Array.isArray(result)
    ? Object.fromEntries(Object.entries(result).filter(([key]) => !SCREEN_FIELDS.includes(key)))
    : result;
}

/** A failed job as the error its own command would have failed with: same code, so the same exit code. */
export function jobFailure(job: JobStatus): AetherError {
  const error = job.error ?? { code: 'INTERNAL' as const, message: 'it failed without saying why' };
  return new AetherError(error.code, `job ${job.job_id} failed: ${error.message}`, {
    job_id: job.job_id,
    use_case: job.use_case,
  });
}

import { type JobProgress, type JobStatus, type JobStatusName, type JobUseCaseName } from '../../api/types';
import { formatCount } from '../../components/format';

/** A job's use case as the screen names it. */
export const USE_CASE_LABELS: Record<JobUseCaseName, string> = {
  sweep: 'Sweep',
  walkForward: 'Walk-forward',
  backtest: 'Backtest',
  portfolioBacktest: 'Portfolio backtest',
  papertrade: 'Paper trade',
  optimize: 'Optimisation',
};

export const STATUS_LABELS: Record<JobStatusName, string> = {
  queued: 'Queued',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/**
 * What a job is called on screen and by screen readers: its use case and, for a job submitted from this
 * screen, what it ran on ("Sweep SPY · ma-cross"); else the start of its id, which tells jobs apart.
 */
export function jobTitle(job: Pick<JobStatus, 'job_id' | 'use_case'>, described: string | undefined): string {
  return `${USE_CASE_LABELS[job.use_case]} ${described ?? job.job_id.slice(4, 12)}`;
}

/** "about 42 s left", "about 3 min left", "about 1 h 5 min left". */
export function formatTimeLeft(seconds: number): string {
  const whole = Math.max(1, Math.ceil(seconds));
  if (whole < 60) return `about ${whole} s left`;
  const minutes = Math.ceil(whole / 60);
  if (minutes < 60) return `about ${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `about ${hours} h${rest === 0 ? '' : ` ${rest} min`} left`;
}

/** How far a running job has come, in words: "1,200 of 4,800 (25%), about 42 s left". */
export function progressText(progress: JobProgress): string {
  if (progress.total === 0) return 'Starting…';
  const share = Math.floor((Math.min(progress.done, progress.total) / progress.total) * 100);
  const left =
    progress.done >= progress.total
      ? 'finishing'
      : progress.eta_seconds === null
        ? 'estimating the time left'
        : formatTimeLeft(progress.eta_seconds);
  return `${formatCount(progress.done)} of ${formatCount(progress.total)} (${share}%), ${left}`;
}

import { type JobProgress } from '@aetherquant/core';

/** Progress as a job reports it: the counts, and the seconds left at the rate since it started. */
export function jobProgress(done: number, total: number, startedAt: number | null, now: number): JobProgress {
  const elapsed = startedAt === null ? 0 : (now - startedAt) / 1000;
  const eta = done > 0 && total >= done && elapsed > 0 ? ((total - done) * elapsed) / done : null;
  return { done, total, eta_seconds: eta === null ? null : Math.round(eta * 10) / 10 };
}

/** Progress before any work is done. */
export const NO_PROGRESS: JobProgress = Object.freeze({ done: 0, total: 0, eta_seconds: null });

/**
 * Calls `report` at most once per `intervalMs` (and always for the last unit), so a sweep of a million cells
 * does not send a million updates to Redis or to an event stream.
 */
export function throttledProgress(
  report: (done: number, total: number) => void,
  intervalMs: number,
  clock: () => number = Date.now,
): (done: number, total: number) => void {
  let last = -Infinity;
  return (done, total) => {
    const now = clock();
    if (done < total && now - last < intervalMs) return;
    last = now;
    report(done, total);
  };
}

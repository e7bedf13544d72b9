import { type SubmitOutcome } from './batch-writer';

/** Why a computed run was not recorded, as its report's warning says it (what the caller can act on). */
const NOT_RECORDED: Record<Exclude<SubmitOutcome, 'written'>, string> = {
  outage: 'run not recorded: the database is unavailable; the figures are complete but have no run_id',
  full: 'run not recorded: the server has too many runs waiting to be written; the figures are complete but have no run_id',
  refused: 'run not recorded: the database refused it; the figures are complete but have no run_id',
  closed: 'run not recorded: the server is shutting down; the figures are complete but have no run_id',
};

/**
 * The report of a run that was not committed: without its `run_id` (an id is only handed out once its run is
 * stored) and with a warning saying why, after any warnings it had.
 */
export function withoutRun(
  report: Record<string, unknown>,
  outcome: Exclude<SubmitOutcome, 'written'>,
): Record<string, unknown> {
  const { run_id: _dropped, warnings, ...rest } = report;
  const kept = Array.isArray(warnings) ? (warnings as unknown[]) : [];
  return { ...rest, warnings: [...kept, NOT_RECORDED[outcome]] };
}

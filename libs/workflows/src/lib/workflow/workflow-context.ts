import { type RequestLimits, type Role, type Settings } from '@aetherquant/core';
import { type RecentBars } from '@aetherquant/data';
import { type Database, type NewRun } from '@aetherquant/persistence';
import { type SweepPart } from '@aetherquant/backtest';
import { type JobEngine } from '../jobs/job-engine';

/** Who asks: an API key's name and role (the CLI on its own machine is `local`, an admin). */
export interface Caller {
  /** The API key's name (`trader`, `admin`, a keys-file name): the owner of the jobs it submits. */
  readonly name: string;
  readonly role: Role;
}

/**
 * What an app hands every workflow: the settings it loaded (apps may load them lazily, on first read),
 * and a clock tests can fix.
 */
export interface WorkflowContext {
  readonly settings: Settings;
  /** An open database the app keeps (the API); without it, workflows open the settings' database per call. */
  database?: Database;
  now?: () => number;
  /** Told how far a long task (a sweep) has come; the CLI draws a progress bar with it. */
  progress?: (done: number, total: number) => void;
  /** When set, backtest, portfolio-backtest and papertrade reports carry `chart`, downsampled to at most this many points. */
  chartPoints?: number;
  /** Caps on one request's size (the API sets them, so one request cannot exhaust the server; the CLI sets none). */
  limits?: RequestLimits;
  /** `best-effort`: a run that cannot be recorded (database unreachable) still returns its report, without run_id and with a warning. Default `required`. */
  recording?: 'required' | 'best-effort';
  /**
   * Takes a run for the app to write itself, and says whether it took it. The run carries the id its report
   * shows: the API's compute threads hand it back with the report, and the API thread commits it (in a batch
   * with other requests' runs) before answering, removing the id if that fails. Without it, runs are written
   * before the report returns.
   */
  deferRun?: (run: NewRun & { id: string }) => boolean;
  /** Bars loaded recently, shared by the requests of a long-running app (the API); the CLI loads afresh. */
  recentBars?: RecentBars;
  /**
   * Strategy modules a run may name besides the built-ins: absolute paths of files that export strategy
   * definitions (`strategiesOfModule` in @aetherquant/strategies). Paths rather than strategies, because a
   * path crosses to the threads a request computes on (the API's compute threads), and each loads them.
   */
  strategyModules?: readonly string[];
  /** Where jobs are submitted and followed (the job use cases need it; the apps hold one for their lifetime). */
  jobs?: JobEngine;
  /** Who asks: jobs belong to their submitter, and a trader sees only their own. Default: a local admin. */
  caller?: Caller;
  /**
   * The parts of a distributed sweep, computed by workers (`computeSweepPart`): the sweep merges them into
   * its report instead of computing, and loads the bars only for the report's span.
   */
  sweepParts?: readonly SweepPart[];
  /** Set when the work is a job's: the run it records names the job and the hash of the data it read. */
  job?: { readonly id: string; readonly dataHash: string | null };
}

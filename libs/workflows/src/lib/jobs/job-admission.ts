import {
  AetherError,
  type JobSubmission,
  type JobUseCaseName,
  type RequestLimits,
  SERVER_REQUEST_LIMITS,
  type Settings,
} from '@aetherquant/core';
import { gridCombinations } from '@aetherquant/backtest';
import { BUILT_IN_STRATEGIES, type StrategyRegistry } from '@aetherquant/strategies';
import { checkSweepLimit } from '../limits/request-limits';
import { strategyRegistryOf } from '../strategies/strategy-registry-of';
import { requestGrid } from '../sweep/parameter-grid';
import { type DataVersion, type IdentifiedJob, identifyJob } from './job-identity';

/**
 * What a job may ask of the machine that computes it: a server's limits on one request, but a sweep or
 * walk-forward grid of up to `AETHERQ_JOB_MAX_SWEEP_CELLS` combinations. Checked on submission (the grid)
 * and again where the job runs (everything else, once the bars are known).
 */
export function jobRequestLimits(settings: Pick<Settings, 'jobs'>): RequestLimits {
  return { ...SERVER_REQUEST_LIMITS, maxSweepCombinations: settings.jobs.maxSweepCells };
}

/** What one owner (an API key) may have queued or running at once. */
export interface JobQuota {
  /** Jobs. */
  maxActive: number;
  /** Cells over those jobs (see {@link jobCells}). */
  maxCells: number;
}

/**
 * The size of a job's work, in cells: a sweep's or walk-forward's grid combinations (a walk-forward searches
 * them on every window, which only its bars tell), 1 for any other job. Counted from the validated request
 * alone, so a job is sized, and refused when its grid is over `limits.maxSweepCombinations` (field `grid`),
 * before it is queued. The strategy is looked up in `strategies` (the engine's registry: built-ins and strategy files).
 */
export function jobCells(
  useCase: JobUseCaseName,
  request: Readonly<Record<string, unknown>>,
  limits: RequestLimits = {},
  strategies: StrategyRegistry = BUILT_IN_STRATEGIES,
): number {
  if (useCase !== 'sweep' && useCase !== 'walkForward') return 1;
  const grid = requestGrid(
    strategies.get(request['strategy'] as string),
    request['grid'] as Record<string, number | number[] | string>,
  );
  const cells = gridCombinations(grid);
  checkSweepLimit(cells, limits, useCase);
  return cells;
}

/**
 * RATE_LIMITED (429) when `owner`, whose queued and running jobs hold `activeCells` (one entry per job), may
 * not add a job of `cells` under `quota`; the message says which quota, its setting and what to do.
 */
export function checkJobQuota(
  owner: string,
  activeCells: readonly number[],
  cells: number,
  quota: JobQuota | undefined,
): void {
  if (quota === undefined) return;
  if (activeCells.length >= quota.maxActive) {
    throw new AetherError(
      'RATE_LIMITED',
      `${owner} has ${activeCells.length} jobs queued or running, the most one key may (AETHERQ_JOB_MAX_ACTIVE_PER_KEY=${quota.maxActive}); wait for one to finish or cancel one`,
      { limit: 'AETHERQ_JOB_MAX_ACTIVE_PER_KEY', max: quota.maxActive, active: activeCells.length },
    );
  }
  const held = activeCells.reduce((sum, each) => sum + each, 0);
  if (held + cells > quota.maxCells) {
    throw new AetherError(
      'RATE_LIMITED',
      `this job's ${cells} cells with the ${held} of ${owner}'s queued or running jobs would exceed the ${quota.maxCells} one key may have at once (AETHERQ_JOB_MAX_CELLS_PER_KEY); wait for some to finish or submit a smaller grid`,
      { limit: 'AETHERQ_JOB_MAX_CELLS_PER_KEY', max: quota.maxCells, held, cells },
    );
  }
}

/** How an engine admits a submission: the version of the data it reads, its size, and each owner's quota. */
export interface JobAdmission {
  /** Default: the request names its data fully. */
  dataVersion?: DataVersion;
  /** The limits a submission is held to before it is queued (see jobCells). Default: none. */
  limits?: RequestLimits;
  /** Default: none (a local user's engine). */
  quota?: JobQuota;
  /**
   * `remote`: submissions come from API clients, and their requests are validated as the API validates
   * them (no `data_dir`, no `output`). Default `local`.
   */
  submitters?: 'local' | 'remote';
  /** Strategy files jobs may name besides the built-ins (absolute paths, as the workers are given them). */
  strategyModules?: readonly string[];
}

/** A submission validated, identified and sized: what an engine queues. */
export interface AdmittedJob extends IdentifiedJob {
  cells: number;
}

/** Validates, identifies and sizes a submission (refusing one over its size limit) before anything is queued. */
export async function admitJob(
  submission: JobSubmission,
  owner: string,
  admission: JobAdmission,
): Promise<AdmittedJob> {
  const job = await identifyJob(
    submission,
    owner,
    admission.dataVersion ?? (async () => ''),
    admission.submitters,
  );
  try {
    const strategies = await strategyRegistryOf({ strategyModules: admission.strategyModules });
    const cells = jobCells(job.useCase, job.request, admission.limits, strategies);
    return { ...job, cells };
  } catch (error) {
    // Sizing reads the request's fields: named as the submission holds them, `request.grid`.
    if (error instanceof AetherError && error.code === 'INVALID_ARGUMENT')
      throw error.withFieldNames((field) => `request.${field}`);
    throw error;
  }
}

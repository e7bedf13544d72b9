import { AetherError, type RunSpecView, validate } from '@aetherquant/core';
import { loadWorkflow } from '../use-cases/workflow-registry';
import { isRecordedWorkflow } from '../runs/recorded-workflow';
import { type WorkflowName } from '../workflow/workflow';
import { type WorkflowContext } from '../workflow/workflow-context';
import { type RunDetail } from './run-detail';

/**
 * The use cases a report reruns: those whose curves and trades are worth drawing and cheap to recompute.
 * A sweep's report draws its recorded results (rerunning a million-cell grid for a page would not be), an
 * optimisation's its recorded weights. Only simulations: nothing here reaches a broker.
 */
export const REPLAYED_USE_CASES: ReadonlySet<string> = new Set([
  'backtest',
  'portfolioBacktest',
  'walkForward',
  'papertrade',
]);

/** A recorded run computed again from its spec (its report, what it draws, its warnings), or why it was not. */
export type Replay =
  | {
      ok: true;
      report: Readonly<Record<string, unknown>>;
      detail: RunDetail | null;
      warnings: readonly string[];
    }
  | { ok: false; failed: string };

/**
 * Computes a recorded run again from its spec, recording nothing: the same use case, request and (pinned)
 * data, without a screen's downsampled chart, progress, job or recorder. Returns why it could not (the use
 * case records no run, the strategy is not loaded here, the data is gone…) rather than throwing, so a
 * report can still show the recorded figures.
 */
export async function replayRun(spec: RunSpecView, context: WorkflowContext): Promise<Replay> {
  if (!REPLAYED_USE_CASES.has(spec.use_case)) {
    return { ok: false, failed: `a ${spec.use_case} run is shown from what it recorded` };
  }
  try {
    const workflow = await loadWorkflow(spec.use_case as WorkflowName).catch(() => undefined);
    if (workflow === undefined || !isRecordedWorkflow(workflow)) {
      return { ok: false, failed: `its use case ${JSON.stringify(spec.use_case)} cannot be rerun` };
    }
    const request = validate(workflow.useCase.request, spec.request, {
      context: `the run's spec (${workflow.useCase.title} request)`,
    });
    const computed = await workflow.compute(request as never, {
      settings: context.settings,
      database: context.database,
      now: context.now,
      limits: context.limits,
      recentBars: context.recentBars,
      strategyModules: context.strategyModules,
      caller: context.caller,
    });
    return {
      ok: true,
      report: computed.report as Readonly<Record<string, unknown>>,
      detail: computed.detail?.() ?? null,
      warnings: computed.warnings ?? [],
    };
  } catch (error) {
    return {
      ok: false,
      failed: error instanceof AetherError || error instanceof Error ? error.message : String(error),
    };
  }
}

/**
 * The figures a rerun computed differently from the recorded ones, as `name: recorded → rerun` (both as the
 * reports round them): the sign that the data changed since the run (a provider revised its history, a csv
 * file was edited). Empty when the rerun agrees.
 */
export function replayDifferences(
  recorded: Readonly<Record<string, unknown>>,
  rerun: Readonly<Record<string, unknown>>,
): string[] {
  const differences: string[] = [];
  const compare = (
    a: Readonly<Record<string, unknown>>,
    b: Readonly<Record<string, unknown>>,
    prefix: string,
  ) => {
    for (const [key, value] of Object.entries(a)) {
      const other = b[key];
      if (typeof value === 'number' || value === null) {
        if (
          Object.hasOwn(b, key) &&
          !Object.is(value, other) &&
          (typeof other === 'number' || other === null)
        )
          differences.push(`${prefix}${key}: ${String(value)} → ${String(other)}`);
      } else if (
        key === 'metrics' &&
        typeof value === 'object' &&
        typeof other === 'object' &&
        other !== null
      ) {
        compare(value as Record<string, unknown>, other as Record<string, unknown>, 'metrics.');
      }
    }
  };
  compare(recorded, rerun, '');
  return differences;
}

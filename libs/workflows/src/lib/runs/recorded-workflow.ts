import { performance } from 'node:perf_hooks';
import {
  AetherError,
  type RecordedRunType,
  type RecordingFields,
  type UseCase,
  type UseCaseOutput,
  USE_CASES,
} from '@aetherquant/core';
import { type NewRun, uuidV7 } from '@aetherquant/persistence';
import { withDatabase } from '../history/with-database';
import { type RequestedWindow, runSpec } from './run-spec';
import { type RunDetail } from '../report/run-detail';
import { defineWorkflow, type Workflow, type WorkflowName, type WorkflowRequest } from '../workflow/workflow';
import { type WorkflowContext } from '../workflow/workflow-context';

/** The use cases whose catalog entry names the run they record (`records` is not `false`). */
export type RecordingWorkflowName = {
  [Name in WorkflowName]: (typeof USE_CASES)[Name]['records'] extends RecordedRunType ? Name : never;
}[WorkflowName];

/** The fields of a report that only a screen shows: built for apps that draw (`chartPoints`), never recorded. */
type ScreenKey = 'chart' | 'trade_list';

/** Use case `Name`'s report as computed: without what recording adds and what only a screen shows. */
export type ComputedReport<Name extends RecordingWorkflowName> = Omit<
  UseCaseOutput<Name>,
  keyof RecordingFields | ScreenKey
>;

/** The fields of use case `Name`'s report that only a screen shows. */
export type ScreenFields<Name extends RecordingWorkflowName> = Pick<
  UseCaseOutput<Name>,
  Extract<keyof UseCaseOutput<Name>, ScreenKey>
>;

/**
 * What one run computed: its report, and the run to record. The run's type comes from the catalog and its
 * duration from the wrapper; its `result` is the report unless given (papertrade stores its report without
 * the order list, which the run's own orders hold).
 */
export interface RecordedComputation<Name extends RecordingWorkflowName> {
  report: ComputedReport<Name>;
  run: Omit<NewRun, 'id' | 'type' | 'durationMs' | 'createdAt' | 'result'> & { result?: unknown };
  /** The fields a screen shows beside the report; asked for only when the app draws (`chartPoints` is set). */
  screen?: (chartPoints: number) => ScreenFields<Name>;
  /**
   * What the run says went wrong without stopping it (data too short for the strategy's warm-up): the
   * report's `warnings`, before any that recording adds. Recorded with the report.
   */
  warnings?: string[];
  /**
   * The first and last bar of the window the request asked for, when the run's span is not it (a portfolio's
   * span starts at its first allocation): the run's spec pins these dates.
   */
  requestedWindow?: RequestedWindow;
  /**
   * What a report of the run draws at full resolution (curves, every trade, weights): asked for only when a
   * run is rerun for its report (`aetherquant report`), never recorded.
   */
  detail?: () => RunDetail;
}

export interface RecordedWorkflowImplementation<Name extends RecordingWorkflowName> {
  /** Where the report shows `run_id`: before this key (where each report always has), or last. */
  runIdBefore?: keyof ComputedReport<Name>;
  compute(request: WorkflowRequest<Name>, context: WorkflowContext): Promise<RecordedComputation<Name>>;
}

/**
 * The workflow of a use case that records its run: times the whole of `compute`, records the run under the
 * type its catalog entry names, places `run_id` (or the warning of a run not recorded) in the report, then
 * adds the screen's fields, which are never recorded. Every recording use case goes through here (recording
 * is not reachable otherwise), so the rules below hold for all of them alike.
 */
/**
 * A recording use case's workflow, with its computation alone beside `run`: a report reruns a run's spec
 * through `compute` (nothing recorded, no run id) to draw what the run recorded only as figures.
 */
export interface RecordedWorkflow<Name extends RecordingWorkflowName> extends Workflow<Name> {
  compute: RecordedWorkflowImplementation<Name>['compute'];
}

/** Whether a workflow records runs, and so can be rerun for a report. */
export function isRecordedWorkflow(
  workflow: Workflow<WorkflowName>,
): workflow is RecordedWorkflow<RecordingWorkflowName> {
  return typeof (workflow as Partial<RecordedWorkflow<RecordingWorkflowName>>).compute === 'function';
}

export function defineRecordedWorkflow<Name extends RecordingWorkflowName>(
  name: Name,
  implementation: RecordedWorkflowImplementation<Name>,
): RecordedWorkflow<Name> {
  // Typed callers cannot get here with a use case that records nothing; untyped ones learn it at once.
  const useCase: UseCase = USE_CASES[name];
  const type = useCase.records;
  if (type === false) throw new TypeError(`${name} records no run (its catalog entry says records: false)`);
  const workflow = defineWorkflow(name, {
    async run(request, context) {
      const started = performance.now();
      const {
        report,
        run,
        screen,
        warnings = [],
        requestedWindow,
      } = await implementation.compute(request, context);
      const recording = await recordRun(context, {
        type,
        ...run,
        spec: await runSpec(name, request as Record<string, unknown>, run, context, requestedWindow),
        // A job's result: the run names the job and the data it read.
        jobId: context.job?.id ?? null,
        dataHash: context.job?.dataHash ?? null,
        result: run.result ?? (warnings.length > 0 ? { ...report, warnings } : report),
        durationMs: performance.now() - started,
      });
      const recorded = withRecording(report, recording, warnings, implementation.runIdBefore);
      const drawn =
        screen === undefined || context.chartPoints === undefined ? {} : screen(context.chartPoints);
      // The computed report, what recording added and the screen's fields make up the whole response.
      return { ...recorded, ...drawn } as UseCaseOutput<Name>;
    },
  });
  return { ...workflow, compute: implementation.compute };
}

/** What recording a run came to: its id, nothing (persistence off), or why it could not be recorded. */
interface RunRecording {
  runId?: string;
  /** Set only under best-effort recording, when the database could not take the run. */
  warning?: string;
}

/**
 * Records a finished run in the app's database (or the settings' one) and returns its id; with
 * persistence turned off (`AETHERQ_DATABASE_URL=none`) records nothing. Under `recording: 'best-effort'`
 * (the API), a database that is unreachable or failing (UNAVAILABLE, INTERNAL) yields a warning instead of
 * an error: the caller computed the report, and losing its history is better than losing the answer. With
 * `deferRun` (the API) the run is handed over to be written later, under an id made here.
 */
async function recordRun(context: WorkflowContext, run: NewRun): Promise<RunRecording> {
  if (!context.database && context.settings.databaseUrl === null) return {};
  if (context.deferRun) {
    const id = uuidV7();
    return context.deferRun({ ...run, id, createdAt: run.createdAt ?? new Date() })
      ? { runId: id }
      : {
          warning: 'run not recorded: the recorder did not take it (too many runs waiting, or shutting down)',
        };
  }
  try {
    return { runId: await withDatabase(context, async (database) => (await database.runs.record(run)).id) };
  } catch (error) {
    const tolerated =
      context.recording === 'best-effort' &&
      error instanceof AetherError &&
      (error.code === 'UNAVAILABLE' || error.code === 'INTERNAL');
    if (!tolerated) throw error;
    return { warning: `run not recorded: ${error.message}` };
  }
}

/**
 * The report with what recording came to: `run_id` placed before the key `before` (where each report has
 * always shown it) or last, then `warnings` last (the run's own, then recording's). The reports' key order is a promise to scripts.
 */
function withRecording<Report extends object>(
  report: Report,
  recording: RunRecording,
  computedWarnings: readonly string[],
  before?: PropertyKey,
): Report & RecordingFields {
  const entries = Object.entries(report);
  if (recording.runId !== undefined) {
    const at = before === undefined ? -1 : entries.findIndex(([key]) => key === before);
    entries.splice(at === -1 ? entries.length : at, 0, ['run_id', recording.runId]);
  }
  const warnings = [...computedWarnings, ...(recording.warning === undefined ? [] : [recording.warning])];
  if (warnings.length > 0) entries.push(['warnings', warnings]);
  return Object.fromEntries(entries) as Report & RecordingFields;
}

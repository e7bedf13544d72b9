// The entry of each compute thread (piscina loads this file). Every request's workflow runs here, never on
// the API's event loop, so a long backtest or sweep cannot delay another client's answer or a health probe.
import { AetherError } from '@aetherquant/core';
import {
  backtestWorkflow,
  barsWorkflow,
  optimizeWorkflow,
  papertradeWorkflow,
  portfolioBacktestWorkflow,
  RecentBars,
  runWorkflow,
  sweepWorkflow,
  type Workflow,
} from '@aetherquant/workflows';
import { RECENT_BARS } from '../config/request-limits';
import { type ComputeOutcome, type ComputeTask, type ComputeUseCase, type PendingRun } from './compute-task';

/** Every compute use case's workflow: a missing or extra entry fails to compile. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a table of workflows of different schemas
const WORKFLOWS: Readonly<Record<ComputeUseCase, Workflow<any, unknown>>> = {
  bars: barsWorkflow,
  backtest: backtestWorkflow,
  'portfolio backtest': portfolioBacktestWorkflow,
  sweep: sweepWorkflow,
  optimize: optimizeWorkflow,
  papertrade: papertradeWorkflow,
};

// Many requests ask for the same bars (a dashboard's SPY, 2y): each thread loads them once a minute, not per
// request. Bounded in bytes, so each thread's memory stays within RECENT_BARS.
const recentBars = new RecentBars(RECENT_BARS);

/** Runs one task; never throws (a failure comes back as data, so its code and details survive the thread hop). */
export async function runComputeTask(task: ComputeTask): Promise<ComputeOutcome> {
  const workflow = Object.hasOwn(WORKFLOWS, task.useCase) ? WORKFLOWS[task.useCase] : undefined;
  if (workflow === undefined) {
    return {
      ok: false,
      expected: false,
      error: { code: 'INTERNAL', message: `no use case ${task.useCase}` },
    };
  }
  let run: PendingRun | undefined;
  try {
    const report = await runWorkflow(workflow, task.input, {
      context: {
        settings: task.settings,
        chartPoints: task.chartPoints,
        limits: task.limits,
        recording: 'best-effort',
        // The run is handed back with the report; the API thread commits it before answering.
        deferRun: (pending) => {
          run = pending;
          return true;
        },
        recentBars,
      },
    });
    return { ok: true, body: JSON.stringify(report), ...(run === undefined ? {} : { run }) };
  } catch (error) {
    if (error instanceof AetherError) return { ok: false, expected: true, error: error.toJSON() };
    const failure = error instanceof Error ? error : new Error(String(error));
    return {
      ok: false,
      expected: false,
      error: {
        code: 'INTERNAL',
        message: failure.message,
        ...(failure.stack ? { stack: failure.stack } : {}),
      },
    };
  }
}

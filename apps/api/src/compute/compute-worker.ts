// The entry of each compute thread (piscina loads this file). Every request's workflow runs here, never on
// the API's event loop, so a long backtest or sweep cannot delay another client's answer or a health probe.
import { AetherError } from '@aetherquant/core';
import { runUseCase } from '@aetherquant/workflows';
import { RecentBars } from '@aetherquant/workflows/server';
import { RECENT_BARS } from '../config/request-limits';
import { type ComputeOutcome, type ComputeTask, isComputeUseCase, type PendingRun } from './compute-task';

// Many requests ask for the same bars (a dashboard's SPY, 2y): each thread loads them once a minute, not per
// request. Bounded in bytes, so each thread's memory stays within RECENT_BARS.
const recentBars = new RecentBars(RECENT_BARS);

/** Runs one task; never throws (a failure comes back as data, so its code and details survive the thread hop). */
export async function runComputeTask(task: ComputeTask): Promise<ComputeOutcome> {
  if (!isComputeUseCase(task.useCase)) {
    return {
      ok: false,
      expected: false,
      error: { code: 'INTERNAL', message: `no use case ${task.useCase}` },
    };
  }
  let run: PendingRun | undefined;
  try {
    const report = await runUseCase(task.useCase, task.input, {
      context: {
        settings: task.settings,
        chartPoints: task.chartPoints,
        limits: task.limits,
        strategyModules: task.strategyModules,
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

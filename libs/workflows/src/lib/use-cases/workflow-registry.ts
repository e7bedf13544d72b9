import { type UseCaseOutput } from '@aetherquant/core';
import { runWorkflow, type RunOptions, type Workflow, type WorkflowName } from '../workflow/workflow';

/**
 * Where each use case of the catalog is implemented, loaded on first use: a command that runs `signal` loads
 * the signal module only, not the data providers, engines and solvers the others need (a test checks that
 * `aetherquant signal` loads none of them). The type makes the table exhaustive: a use case added to the catalog
 * without a workflow here does not compile.
 */
export const WORKFLOW_MODULES: { readonly [Name in WorkflowName]: () => Promise<Workflow<Name>> } = {
  signal: async () => (await import('../signal/signal.workflow')).signalWorkflow,
  fetch: async () => (await import('../fetch/fetch.workflow')).fetchWorkflow,
  bars: async () => (await import('../fetch/bars.workflow')).barsWorkflow,
  strategies: async () => (await import('../strategies/strategies.workflow')).strategiesWorkflow,
  backtest: async () => (await import('../backtest/backtest.workflow')).backtestWorkflow,
  portfolioBacktest: async () =>
    (await import('../portfolio/portfolio-backtest.workflow')).portfolioBacktestWorkflow,
  papertrade: async () => (await import('../trading/papertrade.workflow')).papertradeWorkflow,
  liveTrade: async () => (await import('../trading/live-trade.workflow')).liveTradeWorkflow,
  optimize: async () => (await import('../portfolio/optimize.workflow')).optimizeWorkflow,
  sweep: async () => (await import('../sweep/sweep.workflow')).sweepWorkflow,
  walkForward: async () => (await import('../walk-forward/walk-forward.workflow')).walkForwardWorkflow,
  runs: async () => (await import('../history/history.workflows')).listRunsWorkflow,
  run: async () => (await import('../history/history.workflows')).getRunWorkflow,
  runReport: async () => (await import('../report/report.workflow')).runReportWorkflow,
  audit: async () => (await import('../history/history.workflows')).listAuditWorkflow,
  initDatabase: async () => (await import('../history/history.workflows')).initDatabaseWorkflow,
  submitJob: async () => (await import('../jobs/job.workflows')).submitJobWorkflow,
  job: async () => (await import('../jobs/job.workflows')).jobWorkflow,
  jobs: async () => (await import('../jobs/job.workflows')).listJobsWorkflow,
  cancelJob: async () => (await import('../jobs/job.workflows')).cancelJobWorkflow,
};

/** The workflow of use case `name`, its module loaded on the first call. */
export function loadWorkflow<Name extends WorkflowName>(name: Name): Promise<Workflow<Name>> {
  return WORKFLOW_MODULES[name]();
}

/** Loads use case `name`'s workflow, validates `input` against its request schema and runs it. */
export async function runUseCase<Name extends WorkflowName>(
  name: Name,
  input: unknown,
  options: RunOptions,
): Promise<UseCaseOutput<Name>> {
  return runWorkflow(await loadWorkflow(name), input, options);
}

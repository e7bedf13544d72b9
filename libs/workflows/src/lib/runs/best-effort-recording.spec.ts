import { AetherError } from '@aetherquant/core';
import { type Database } from '@aetherquant/persistence';
import { backtestWorkflow } from '../backtest/backtest.workflow';
import { optimizeWorkflow } from '../portfolio/optimize.workflow';
import { portfolioBacktestWorkflow } from '../portfolio/portfolio-backtest.workflow';
import { sweepWorkflow } from '../sweep/sweep.workflow';
import { papertradeWorkflow } from '../trading/papertrade.workflow';
import { walkForwardWorkflow } from '../walk-forward/walk-forward.workflow';
import { runWorkflow, type Workflow } from '../workflow/workflow';
import { type WorkflowContext } from '../workflow/workflow-context';
import { FIXED_NOW, OFFLINE_SETTINGS } from '../../testing/offline-context';

const settings = OFFLINE_SETTINGS;
const now = FIXED_NOW;
const message = 'cannot use PostgreSQL 127.0.0.1:5432/test: connection refused';
/** A database the API holds open, which has since become unreachable. */
const unreachable = {
  runs: { record: () => Promise.reject(new AetherError('UNAVAILABLE', message)) },
} as unknown as Database;

// Every workflow that records a run, with a small request on synthetic bars.
const recordingWorkflows: Array<[Workflow, Record<string, unknown>]> = [
  [backtestWorkflow, { symbol: 'SPY', period: '1y' }],
  [portfolioBacktestWorkflow, { symbols: ['SPY', 'QQQ'], period: '2y', lookback: '6mo' }],
  [papertradeWorkflow, { symbol: 'QQQ', period: '1y', params: { fast: 5, slow: 20 } }],
  [optimizeWorkflow, { symbols: ['SPY', 'QQQ'], period: '1y' }],
  [sweepWorkflow, { symbol: 'SPY', period: '1y', grid: { fast: [5, 10], slow: [20, 30] } }],
  [walkForwardWorkflow, { symbol: 'SPY', period: '3y', train: '1y', test: '6mo', grid: { fast: [5, 10] } }],
] as never;

describe.each(recordingWorkflows)('recording a run', (workflow, request) => {
  const run = (context: Omit<WorkflowContext, 'settings'>) =>
    runWorkflow(workflow, request, { context: { settings, now, database: unreachable, ...context } });

  it(`${workflow.name}: fails by default when the database is unreachable`, async () => {
    await expect(run({})).rejects.toMatchObject({ code: 'UNAVAILABLE', message });
    await expect(run({ recording: 'required' })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it(`${workflow.name}: under best-effort returns its report, without run_id and with a warning`, async () => {
    const report = (await run({ recording: 'best-effort' })) as Record<string, unknown>;
    expect(report).not.toHaveProperty('run_id');
    expect(report['warnings']).toEqual([`run not recorded: ${message}`]);
    expect(report['provider']).toBe('synthetic');
  });
});

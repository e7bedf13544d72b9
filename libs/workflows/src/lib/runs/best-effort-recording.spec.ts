import { AetherError, type UseCaseInput, USE_CASES } from '@aetherquant/core';
import { type Database, type NewRun } from '@aetherquant/persistence';
import { loadWorkflow } from '../use-cases/workflow-registry';
import { runWorkflow } from '../workflow/workflow';
import { type WorkflowContext } from '../workflow/workflow-context';
import { type RecordingWorkflowName } from './recorded-workflow';
import { FIXED_NOW, OFFLINE_SETTINGS } from '../../testing/offline-context';

const settings = OFFLINE_SETTINGS;
const now = FIXED_NOW;
const message = 'cannot use PostgreSQL 127.0.0.1:5432/test: connection refused';
/** A database the API holds open, which has since become unreachable. */
const unreachable = {
  runs: { record: () => Promise.reject(new AetherError('UNAVAILABLE', message)) },
} as unknown as Database;

// Every use case that records a run, with a small request on synthetic bars: the type makes the table
// exhaustive, so a use case whose catalog entry starts recording a run is tested here too.
const requests: { [Name in RecordingWorkflowName]: UseCaseInput<Name> } = {
  backtest: { symbol: 'SPY', period: '1y' },
  portfolioBacktest: { symbols: ['SPY', 'QQQ'], period: '2y', lookback: '6mo' },
  papertrade: { symbol: 'QQQ', period: '1y', params: { fast: 5, slow: 20 } },
  optimize: { symbols: ['SPY', 'QQQ'], period: '1y' },
  sweep: { symbol: 'SPY', period: '1y', grid: { fast: [5, 10], slow: [20, 30] } },
  walkForward: { symbol: 'SPY', period: '3y', train: '1y', test: '6mo', grid: { fast: [5, 10] } },
};
const names = Object.keys(requests) as RecordingWorkflowName[];

describe.each(names)('recording a run', (name) => {
  const run = async (context: Omit<WorkflowContext, 'settings'>) =>
    (await runWorkflow(await loadWorkflow(name), requests[name], {
      context: { settings, now, ...context },
    })) as Record<string, unknown>;

  it(`${name}: records one run, of the type its catalog entry names, and shows its id`, async () => {
    const recorded: NewRun[] = [];
    const record = async (newRun: NewRun) => ({ id: `run-${recorded.push(newRun)}` });
    const report = await run({ database: { runs: { record } } as unknown as Database });
    expect(recorded.map((newRun) => newRun.type)).toEqual([USE_CASES[name].records]);
    expect(report['run_id']).toBe('run-1');
  });

  it(`${name}: fails by default when the database is unreachable`, async () => {
    await expect(run({ database: unreachable })).rejects.toMatchObject({ code: 'UNAVAILABLE', message });
    await expect(run({ database: unreachable, recording: 'required' })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
  });

  it(`${name}: under best-effort returns its report, without run_id and with a warning`, async () => {
    const report = await run({ database: unreachable, recording: 'best-effort' });
    expect(report).not.toHaveProperty('run_id');
    expect(report['warnings']).toEqual([`run not recorded: ${message}`]);
    expect(report['provider']).toBe('synthetic');
  });
});

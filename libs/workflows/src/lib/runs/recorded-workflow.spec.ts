import { AetherError, type PortfolioBacktestReport, USE_CASES } from '@aetherquant/core';
import { type Database, type NewRun } from '@aetherquant/persistence';
import { type WorkflowContext } from '../workflow/workflow-context';
import { type ComputedReport, defineRecordedWorkflow, type RecordedComputation } from './recorded-workflow';
import { OFFLINE_SETTINGS } from '../../testing/offline-context';

const settings = OFFLINE_SETTINGS;
const unreachable = new AetherError(
  'UNAVAILABLE',
  'cannot use PostgreSQL 127.0.0.1:5432/test: connection refused',
);

/** An optimize report as computed, before recording adds to it. */
const computed: ComputedReport<'optimize'> = {
  method: 'risk-parity',
  symbols: ['SPY', 'QQQ'],
  weights: { SPY: 0.6, QQQ: 0.4 },
  risk_contributions: { SPY: 0.5, QQQ: 0.5 },
  expected_return: 0.1,
  volatility: 0.12,
  rows: 252,
  provider: 'synthetic',
  first: '2023-06-01',
  last: '2024-05-31',
};
const run: RecordedComputation<'optimize'>['run'] = {
  symbols: ['SPY', 'QQQ'],
  parameters: { method: 'risk-parity' },
};

/** Optimize's workflow computing `computed`, with `run_id` shown before `runIdBefore` when given. */
function optimizeComputing(runIdBefore?: keyof ComputedReport<'optimize'>) {
  return defineRecordedWorkflow('optimize', {
    runIdBefore,
    compute: async () => ({ report: computed, run }),
  });
}

/** Runs optimize's workflow computing `computed` in `context`. */
function runOptimize(context: WorkflowContext, runIdBefore?: keyof ComputedReport<'optimize'>) {
  return optimizeComputing(runIdBefore).run({} as never, context);
}

/** A database whose run store answers `record` with `outcome`. */
function databaseRecording(outcome: (run: NewRun) => Promise<{ id: string }>): Database {
  return { runs: { record: jest.fn(outcome) } } as unknown as Database;
}
const failing = (error: Error) => databaseRecording(() => Promise.reject(error));

describe('defineRecordedWorkflow', () => {
  it('records the run under its catalog entry’s type, timed, with the report as its result', async () => {
    const recorded: NewRun[] = [];
    const database = databaseRecording(async (newRun) => ({ id: `run-${recorded.push(newRun)}` }));
    const report = await runOptimize({ settings, database });
    expect(recorded).toEqual([
      {
        ...run,
        type: 'optimize',
        result: computed,
        durationMs: expect.any(Number),
        spec: { use_case: 'optimize', request: {} },
        jobId: null,
        dataHash: null,
      },
    ]);
    expect(recorded[0]?.durationMs).toBeGreaterThanOrEqual(0);
    expect(report).toEqual({ ...computed, run_id: 'run-1' });
  });

  it('records the result given instead of the report', async () => {
    const recorded: NewRun[] = [];
    const database = databaseRecording(async (newRun) => ({ id: `run-${recorded.push(newRun)}` }));
    const workflow = defineRecordedWorkflow('optimize', {
      compute: async () => ({ report: computed, run: { ...run, result: { rows: 252 } } }),
    });
    expect(await workflow.run({} as never, { settings, database })).toEqual({ ...computed, run_id: 'run-1' });
    expect(recorded[0]?.result).toEqual({ rows: 252 });
  });

  it('places run_id before runIdBefore, or last', async () => {
    const database = databaseRecording(async () => ({ id: 'r' }));
    const keys = Object.keys(computed);
    const at = keys.indexOf('provider');
    expect(Object.keys(await runOptimize({ settings, database }, 'provider'))).toEqual([
      ...keys.slice(0, at),
      'run_id',
      ...keys.slice(at),
    ]);
    expect(Object.keys(await runOptimize({ settings, database }))).toEqual([...keys, 'run_id']);
  });

  it('returns the report as computed with persistence off', async () => {
    expect(await runOptimize({ settings })).toEqual(computed);
  });

  it('hands the run to deferRun under a new UUIDv7 id, stamped with the time, when the app defers writes', async () => {
    const database = databaseRecording(async () => ({ id: 'never' }));
    const deferred: (NewRun & { id: string })[] = [];
    const report = await runOptimize({ settings, database, deferRun: (r) => deferred.push(r) > 0 });
    expect(report.run_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deferred).toEqual([
      {
        ...run,
        type: 'optimize',
        result: computed,
        durationMs: expect.any(Number),
        spec: { use_case: 'optimize', request: {} },
        jobId: null,
        dataHash: null,
        id: report.run_id,
        createdAt: expect.any(Date),
      },
    ]);
    expect(database.runs.record).not.toHaveBeenCalled();
  });

  it('warns, without an id, when deferRun cannot take the run', async () => {
    const database = databaseRecording(async () => ({ id: 'x' }));
    expect(await runOptimize({ settings, database, deferRun: () => false })).toEqual({
      ...computed,
      warnings: ['run not recorded: the recorder did not take it (too many runs waiting, or shutting down)'],
    });
  });

  it('by default lets a database failure through', async () => {
    await expect(runOptimize({ settings, database: failing(unreachable) })).rejects.toBe(unreachable);
  });

  it('under best-effort turns an unreachable or failing database into a warning, after the report', async () => {
    const context: WorkflowContext = { settings, database: failing(unreachable), recording: 'best-effort' };
    const report = await runOptimize(context, 'provider');
    expect(report).toEqual({
      ...computed,
      warnings: ['run not recorded: cannot use PostgreSQL 127.0.0.1:5432/test: connection refused'],
    });
    expect(Object.keys(report)).toEqual([...Object.keys(computed), 'warnings']);
    const internal = new AetherError('INTERNAL', 'cannot use SQLite x.sqlite: disk I/O error');
    expect(await runOptimize({ ...context, database: failing(internal) })).toEqual({
      ...computed,
      warnings: ['run not recorded: cannot use SQLite x.sqlite: disk I/O error'],
    });
  });

  it('under best-effort still lets a bad run and a programming error through', async () => {
    const invalid = AetherError.invalid([{ field: 'symbols', rule: 'must have at least 1 item' }]);
    const bug = new TypeError('x is undefined');
    for (const error of [invalid, bug]) {
      await expect(
        runOptimize({ settings, database: failing(error), recording: 'best-effort' }),
      ).rejects.toBe(error);
    }
  });

  it('adds the screen’s fields last, only for an app that draws, and never records them', async () => {
    const [example] = USE_CASES.portfolioBacktest.response.meta()?.['examples'] as [PortfolioBacktestReport];
    const { run_id: _id, warnings: _warnings, chart, ...report } = example;
    const screen = jest.fn(() => ({ chart }));
    const workflow = defineRecordedWorkflow('portfolioBacktest', {
      compute: async () => ({ report, run, screen }),
    });
    const recorded: NewRun[] = [];
    const database = databaseRecording(async (newRun) => ({ id: `run-${recorded.push(newRun)}` }));

    const drawn = await workflow.run({} as never, { settings, database, chartPoints: 20 });
    expect(screen).toHaveBeenCalledWith(20);
    expect(Object.keys(drawn)).toEqual([...Object.keys(report), 'run_id', 'chart']);
    expect(recorded[0]?.result).toEqual(report);

    screen.mockClear();
    expect(await workflow.run({} as never, { settings })).toEqual(report);
    expect(screen).not.toHaveBeenCalled();
  });

  it('is only for a use case whose catalog entry records a run', () => {
    const compute = async () => ({ report: computed, run });
    // @ts-expect-error: signal's entry says `records: false`, so it is not a name the wrapper takes.
    expect(() => defineRecordedWorkflow('signal', { compute })).toThrow(
      new TypeError('signal records no run (its catalog entry says records: false)'),
    );
  });
});

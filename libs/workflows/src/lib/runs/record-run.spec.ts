import { AetherError, parseSettings } from '@aetherquant/core';
import { type Database, type NewRun } from '@aetherquant/persistence';
import { type WorkflowContext } from '../workflow/workflow-context';
import { recordRun, withRecording } from './record-run';

const settings = parseSettings({
  AETHERQ_DATABASE_URL: 'none',
  AETHERQ_CACHE_DIR: 'none',
}).settings;
const run: NewRun = { type: 'backtest', symbols: ['SPY'], parameters: {}, result: {}, durationMs: 1 };
const unreachable = new AetherError(
  'UNAVAILABLE',
  'cannot use PostgreSQL 127.0.0.1:5432/test: connection refused',
);

/** A database whose run store answers `record` with `outcome`. */
function databaseRecording(outcome: () => Promise<{ id: string }>): Database {
  return { runs: { record: jest.fn(outcome) } } as unknown as Database;
}

describe('recordRun', () => {
  const failing = (error: Error) => databaseRecording(() => Promise.reject(error));

  it('returns the recorded id, and nothing with persistence off', async () => {
    const database = databaseRecording(async () => ({ id: 'run-1' }));
    expect(await recordRun({ settings, database }, run)).toEqual({ runId: 'run-1' });
    expect(await recordRun({ settings }, run)).toEqual({});
  });

  it('hands the run to deferRun under a new UUIDv7 id, stamped with the time, when the app defers writes', async () => {
    const database = databaseRecording(async () => ({ id: 'never' }));
    const deferred: (NewRun & { id: string })[] = [];
    const context: WorkflowContext = { settings, database, deferRun: (r) => deferred.push(r) > 0 };
    const recording = await recordRun(context, run);
    expect(recording.runId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deferred).toEqual([{ ...run, id: recording.runId, createdAt: expect.any(Date) }]);
    expect(database.runs.record).not.toHaveBeenCalled();
  });

  it('warns, without an id, when deferRun cannot take the run', async () => {
    const context: WorkflowContext = {
      settings,
      database: databaseRecording(async () => ({ id: 'x' })),
      deferRun: () => false,
    };
    expect(await recordRun(context, run)).toEqual({
      warning: 'run not recorded: the recorder did not take it (too many runs waiting, or shutting down)',
    });
  });

  it('by default lets a database failure through', async () => {
    await expect(recordRun({ settings, database: failing(unreachable) }, run)).rejects.toBe(unreachable);
  });

  it('under best-effort turns an unreachable or failing database into a warning', async () => {
    const context: WorkflowContext = { settings, database: failing(unreachable), recording: 'best-effort' };
    expect(await recordRun(context, run)).toEqual({
      warning: 'run not recorded: cannot use PostgreSQL 127.0.0.1:5432/test: connection refused',
    });
    const internal = new AetherError('INTERNAL', 'cannot use SQLite x.sqlite: disk I/O error');
    expect(await recordRun({ ...context, database: failing(internal) }, run)).toEqual({
      warning: 'run not recorded: cannot use SQLite x.sqlite: disk I/O error',
    });
  });

  it('under best-effort still lets a bad run and a programming error through', async () => {
    const invalid = AetherError.invalid([{ field: 'symbols', rule: 'must have at least 1 item' }]);
    const bug = new TypeError('x is undefined');
    for (const error of [invalid, bug]) {
      await expect(
        recordRun({ settings, database: failing(error), recording: 'best-effort' }, run),
      ).rejects.toBe(error);
    }
  });
});

describe('withRecording', () => {
  const report = { symbol: 'SPY', provider: 'synthetic', results: [] as number[] };

  it('places run_id before the given key, or last', () => {
    expect(Object.keys(withRecording(report, { runId: 'r' }, 'provider'))).toEqual([
      'symbol',
      'run_id',
      'provider',
      'results',
    ]);
    expect(Object.keys(withRecording(report, { runId: 'r' }))).toEqual([
      'symbol',
      'provider',
      'results',
      'run_id',
    ]);
  });

  it('adds the warning as warnings, and leaves the report as it was when nothing was recorded', () => {
    expect(withRecording(report, { warning: 'run not recorded: down' }, 'provider')).toEqual({
      ...report,
      warnings: ['run not recorded: down'],
    });
    expect(withRecording(report, {})).toEqual(report);
  });
});

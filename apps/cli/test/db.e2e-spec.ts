import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { MAX_HISTORY_LIMIT, RECORDED_RUN_TYPES } from '@aetherquant/core';
import { runCli, scratchDir, withoutCommandLineWarnings } from './run-cli';
import { closedPort } from '@aetherquant/testing';

/** Adds one recorded run to a migrated SQLite file, as the backtest command will. */
function seedRun(
  file: string,
  id: string,
  createdAt: number,
  type: string,
  symbols: string[],
): Promise<void> {
  return new Promise((resolve, reject) => {
    const database = new sqlite3.Database(file);
    database.serialize(() => {
      database.run(
        `INSERT INTO runs (id, created_at, type, period, interval, start_at, end_at, parameters, result, final_equity, orders_placed, status, duration_ms)
         VALUES (?, ?, ?, '1y', '1d', NULL, NULL, '{"fast":20}', '{"ok":true}', 101234.5, 3, 'completed', 42.5)`,
        [id, createdAt, type],
      );
      symbols.forEach((symbol, position) =>
        database.run('INSERT INTO run_symbols (run_id, position, symbol) VALUES (?, ?, ?)', [
          id,
          position,
          symbol,
        ]),
      );
    });
    database.close((error) => (error ? reject(error) : resolve()));
  });
}

describe('aetherquant db (built binary)', () => {
  it('initialises the default SQLite file on demand, again as a no-op, under both spellings', () => {
    const cwd = scratchDir();
    for (const args of [['db', 'init'], ['db-init'], ['db', 'init']]) {
      const run = runCli(args, { cwd });
      expect(run.status).toBe(0);
      expect(run.stdout).toBe('{"status":"ok"}\n');
      expect(run.stderr).toBe('database ready: SQLite data/aetherquant.sqlite\n');
    }
  });

  it('lists recorded runs newest first, filtered and limited, and an empty audit log', async () => {
    const cwd = scratchDir();
    expect(runCli(['db', 'init'], { cwd }).status).toBe(0);
    const file = join(cwd, 'data', 'aetherquant.sqlite');
    await seedRun(file, '018f0000-0000-7000-8000-000000000001', Date.UTC(2024, 0, 1), 'backtest', ['SPY']);
    await seedRun(file, '018f0000-0000-7000-8000-000000000002', Date.UTC(2024, 0, 2), 'optimize', [
      'TLT',
      'GLD',
    ]);

    const all = runCli(['db', 'runs'], { cwd });
    expect(all.status).toBe(0);
    const { runs } = JSON.parse(all.stdout) as { runs: Array<Record<string, unknown>> };
    expect(runs.map((run) => run['id'])).toEqual([
      '018f0000-0000-7000-8000-000000000002',
      '018f0000-0000-7000-8000-000000000001',
    ]);
    expect(runs[0]).toEqual({
      id: '018f0000-0000-7000-8000-000000000002',
      created_at: '2024-01-02T00:00:00.000Z',
      type: 'optimize',
      symbols: ['TLT', 'GLD'],
      period: '1y',
      interval: '1d',
      start: null,
      end: null,
      parameters: { fast: 20 },
      final_equity: 101234.5,
      orders_placed: 3,
      status: 'completed',
      duration_ms: 42.5,
      job_id: null,
      data_hash: null,
      orders: [],
    });
    expect(JSON.parse(runCli(['db-runs', '--limit', '1'], { cwd }).stdout).runs).toHaveLength(1);
    expect(
      JSON.parse(runCli(['db', 'runs', '--symbol', 'spy'], { cwd }).stdout).runs.map(
        (run: { type: string }) => run.type,
      ),
    ).toEqual(['backtest']);
    expect(JSON.parse(runCli(['db', 'runs', '--type', 'optimize'], { cwd }).stdout).runs).toHaveLength(1);
    expect(runCli(['db', 'audit'], { cwd }).stdout).toBe('{"events":[]}\n');
    expect(runCli(['db-audit', '--limit', '5'], { cwd }).stdout).toBe('{"events":[]}\n');
  });

  it.each([
    [['db', 'runs', '--limit', '0'], '--limit must be at least 1 (got 0)'],
    [
      ['db', 'runs', '--limit', String(MAX_HISTORY_LIMIT + 1)],
      `--limit must be at most ${MAX_HISTORY_LIMIT} (got ${MAX_HISTORY_LIMIT + 1})`,
    ],
    [['db', 'audit', '--limit', 'many'], '--limit must be a number (got "many")'],
    [
      ['db', 'runs', '--type', 'live'],
      `--type must be one of ${RECORDED_RUN_TYPES.map((type) => JSON.stringify(type)).join(', ')}`,
    ],
    [
      ['db', 'runs', '--database-url', 'mysql://root:hunter2@db/x'],
      '--database-url must be one of sqlite:///',
    ],
  ])('%j exits 2 with one line naming the flag', (args, message) => {
    const run = runCli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toContain('hunter2');
    expect(withoutCommandLineWarnings(run.stderr).trimEnd().split('\n')).toHaveLength(1);
  });

  it('refuses to list when persistence is turned off', () => {
    const run = runCli(['db', 'runs'], { env: { AETHERQ_DATABASE_URL: 'none' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('persistence is turned off');
  });

  it('exits 3 for an unreachable database, naming host and database but not the password', async () => {
    const port = await closedPort();
    const run = runCli([
      'db',
      'runs',
      '--database-url',
      `postgresql://aq:hunter2-secret@127.0.0.1:${port}/trading`,
    ]);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain(`PostgreSQL 127.0.0.1:${port}/trading`);
    expect(run.stderr).not.toContain('hunter2');
    expect(withoutCommandLineWarnings(run.stderr).trimEnd().split('\n')).toHaveLength(1);
  });

  const postgresUrl = process.env['AETHERQ_TEST_DATABASE_URL'];
  (postgresUrl ? it : it.skip)(
    'initialises and lists on the machine’s PostgreSQL (AETHERQ_TEST_DATABASE_URL)',
    () => {
      const schema = `aq_cli_${process.pid}_${Date.now()}`;
      const url = new URL(postgresUrl as string);
      url.searchParams.set('schema', schema);
      try {
        const init = runCli(['db', 'init', '--database-url', url.toString()]);
        expect(init.stdout).toBe('{"status":"ok"}\n');
        expect(init.stderr).toContain(`(schema ${schema})`);
        expect(runCli(['db', 'init', '--database-url', url.toString()]).status).toBe(0);
        expect(runCli(['db', 'runs', '--database-url', url.toString()]).stdout).toBe('{"runs":[]}\n');
      } finally {
        spawnSync('psql', [postgresUrl as string, '-qc', `DROP SCHEMA IF EXISTS "${schema}" CASCADE`]);
      }
    },
  );
});

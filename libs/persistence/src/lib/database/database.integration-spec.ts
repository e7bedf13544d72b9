import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import sqlite3 from 'sqlite3';
import { sqliteRows } from '@aetherquant/testing';
import { describeDatabaseSuite } from '../../testing/database-suite';

/** Whether another connection holds SQLite's write lock: `BEGIN IMMEDIATE` fails at once if so. */
function sqliteWriteLocked(file: string): Promise<boolean> {
  return new Promise((resolve) => {
    const connection = new sqlite3.Database(file, () => {
      connection.exec('PRAGMA busy_timeout = 0; BEGIN IMMEDIATE', (error) => {
        const locked = (error as { code?: string } | null)?.code === 'SQLITE_BUSY';
        connection.exec(locked ? 'SELECT 1' : 'ROLLBACK', () => connection.close(() => resolve(locked)));
      });
    });
  });
}

describeDatabaseSuite('a SQLite file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aetherquant-db-'));
  const file = join(dir, 'nested', 'aetherquant.sqlite'); // the folder is created on first use
  return {
    url: `sqlite:///${file}`,
    rawQuery: (sql) => sqliteRows(file, sql),
    timestampKindsQuery: [
      'SELECT typeof(created_at) AS kind FROM runs',
      'SELECT typeof(start_at) FROM runs WHERE start_at IS NOT NULL',
      'SELECT typeof(timestamp) FROM execution_orders',
      'SELECT typeof(created_at) FROM audit_events',
      'SELECT typeof(last_at) FROM audit_events',
    ].join(' UNION ALL '),
    expectedTimestampKind: 'integer',
    writeInProgress: () => sqliteWriteLocked(file),
    cleanUp: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

const postgresUrl = process.env['AETHERQ_TEST_DATABASE_URL'];
if (postgresUrl === undefined || postgresUrl.trim() === '') {
  console.log('[notice] skipping the PostgreSQL persistence suite: AETHERQ_TEST_DATABASE_URL is not set');
  describe.skip('persistence on PostgreSQL', () => undefined);
} else {
  describeDatabaseSuite('PostgreSQL', async () => {
    // A schema of its own, dropped afterwards: the suite starts empty and leaves nothing behind.
    const schema = `aq_test_${process.pid}_${Date.now()}`;
    const url = new URL(postgresUrl);
    url.searchParams.set('schema', schema);
    const query = async (sql: string) => {
      const client = new Client({ connectionString: postgresUrl });
      await client.connect();
      try {
        await client.query(`SET search_path TO "${schema}"`);
        return (await client.query(sql)).rows as Array<Record<string, unknown>>;
      } finally {
        await client.end();
      }
    };
    return {
      url: url.toString(),
      rawQuery: query,
      timestampKindsQuery: `SELECT data_type AS kind FROM information_schema.columns WHERE table_schema = '${schema}' AND (
        (table_name = 'runs' AND column_name IN ('created_at', 'start_at', 'end_at'))
        OR (table_name = 'execution_orders' AND column_name = 'timestamp')
        OR (table_name = 'audit_events' AND column_name IN ('created_at', 'last_at')))`,
      expectedTimestampKind: 'timestamp with time zone',
      writeInProgress: async () => {
        const [row] = await query(
          `SELECT COUNT(*) AS n FROM pg_stat_activity WHERE application_name = 'aetherquant' AND pid <> pg_backend_pid()
             AND xact_start IS NOT NULL AND query ILIKE 'INSERT INTO "${schema}"."execution_orders"%'`,
        );
        return Number(row?.['n']) > 0;
      },
      cleanUp: async () => void (await query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)),
    };
  });
}

describe('an unreachable PostgreSQL', () => {
  it('is UNAVAILABLE, naming host and database but never the password', async () => {
    const { createServer } = await import('node:net');
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));

    const { openDatabase } = await import('./open-database');
    const error = await openDatabase(`postgresql://aq:hunter2-secret@127.0.0.1:${port}/trading`).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'UNAVAILABLE' });
    const message = (error as Error).message;
    expect(message).toContain(`PostgreSQL 127.0.0.1:${port}/trading`);
    expect(message).toContain('ECONNREFUSED');
    expect(JSON.stringify(error)).not.toContain('hunter2');
    expect(message).not.toContain('hunter2');
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { AetherError } from '@aetherquant/core';
import { openDatabase } from '@aetherquant/workflows/server';
import { startServerProcess } from '@aetherquant/testing';
import {
  freshSchema,
  POSTGRES_URL,
  postgresSchemaUrl,
  ADMIN_KEY,
  startedApi,
  testDatabases,
  TRADER_KEY,
} from './support/test-api';

/** The binary npm links for the workspace, as `npx aetherquant-web` finds it. */
const WEB_BIN = resolve(__dirname, '../../../node_modules/.bin/aetherquant-web');

const CLIENTS = 50;
const BACKTEST = { symbol: 'SPY', period: '1y' };

/** The run ids of `ids` that the database at `url` does not hold. */
async function missingRuns(url: string, ids: readonly string[]): Promise<string[]> {
  const database = await openDatabase(url);
  try {
    const missing: string[] = [];
    for (const id of ids) {
      try {
        await database.runs.get(id);
      } catch (error) {
        if (!(error instanceof AetherError && error.code === 'NOT_FOUND')) throw error;
        missing.push(id);
      }
    }
    return missing;
  } finally {
    await database.close();
  }
}

/** `clients` callers, each posting backtests back to back until `more()` says stop; the run ids answered. */
async function load(
  url: string,
  clients: number,
  more: () => boolean,
): Promise<{ ids: string[]; statuses: number[] }> {
  const ids: string[] = [];
  const statuses: number[] = [];
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (more()) {
        try {
          const response = await request(url)
            .post('/api/backtest')
            .set('X-API-Key', TRADER_KEY)
            .send(BACKTEST);
          statuses.push(response.status);
          if (typeof response.body.run_id === 'string') ids.push(response.body.run_id);
        } catch {
          return; // the server went away (kill -9): this client stops
        }
      }
    }),
  );
  return { ids, statuses };
}

describe.each(testDatabases())('acknowledged runs under load, on a $name', (database) => {
  const api = startedApi(database, { env: { AETHERQ_RATE_LIMIT_PER_MINUTE: '100000' } });

  it(`stores every run whose id was answered, ${CLIENTS} concurrent clients; readiness stays true`, async () => {
    let sent = 0;
    let loading = true;
    const readiness: number[] = [];
    const probing = (async () => {
      while (loading) {
        readiness.push((await request(api().url).get('/readyz')).status);
        await new Promise((done) => setTimeout(done, 50));
      }
    })();
    const { ids, statuses } = await load(api().url, CLIENTS, () => sent++ < CLIENTS * 4);
    loading = false;
    await probing;
    // A busy, healthy database is ready: readiness must not confuse queueing with an outage.
    expect(readiness.length).toBeGreaterThan(0);
    expect(readiness.filter((status) => status !== 200)).toEqual([]);
    expect(statuses).toEqual(Array(CLIENTS * 4).fill(200));
    expect(new Set(ids).size).toBe(CLIENTS * 4);
    const url = api().server.runtime.settings.databaseUrl as string;
    expect(await missingRuns(url, ids)).toEqual([]);
    expect(api().server.runtime.runs?.status()).toMatchObject({ pending: 0, dropped: 0 });
  });

  it('shows an admin, and only an admin, what the writers hold and lost', async () => {
    const admin = await request(api().url).get('/readyz').set('X-API-Key', ADMIN_KEY).expect(200);
    expect(admin.body).toEqual({
      status: 'ready',
      details: {
        audit: expect.objectContaining({ pending: expect.any(Number), dropped: 0 }),
        runs: expect.objectContaining({ pending: 0, dropped: 0 }),
        compute: { threads: expect.any(Number), tasks: 0, queued: 0 },
      },
    });
    for (const key of [TRADER_KEY, undefined]) {
      const probe = request(api().url).get('/readyz');
      const answer = await (key === undefined ? probe : probe.set('X-API-Key', key)).expect(200);
      expect(answer.body).toEqual({ status: 'ready' });
    }
  });
});

describe('acknowledged runs survive kill -9 of the API (built binary)', () => {
  const databases: { name: string; url: () => string; cleanUp: () => void }[] = [
    {
      name: 'SQLite file',
      url: () => `sqlite:///${join(mkdtempSync(join(tmpdir(), 'aetherquant-kill-')), 'aetherquant.sqlite')}`,
      cleanUp: () => undefined,
    },
  ];
  const postgres = POSTGRES_URL;
  if (postgres !== undefined) {
    const schema = freshSchema();
    databases.push({
      name: 'PostgreSQL',
      url: () => postgresSchemaUrl(postgres, schema),
      cleanUp: () => spawnSync('psql', [postgres, '-qc', `DROP SCHEMA IF EXISTS "${schema}" CASCADE`]),
    });
  }

  it.each(databases)('on a $name', async (database) => {
    const url = database.url();
    const server = await startServerProcess(WEB_BIN, [], {
      AETHERQ_DATABASE_URL: url,
      AETHERQ_API_KEY: TRADER_KEY,
      AETHERQ_DATA_PROVIDER: 'synthetic',
      AETHERQ_CACHE_DIR: 'none',
      AETHERQ_RATE_LIMIT_PER_MINUTE: '100000',
    });
    try {
      let killed = false;
      const loading = load(server.url, CLIENTS, () => !killed);
      // Kill in the thick of it: once a good number of runs have been acknowledged.
      const acknowledged = () =>
        server.lines.filter((line) => line.includes('"path":"/api/backtest"')).length;
      while (acknowledged() < 150) await new Promise((done) => setTimeout(done, 20));
      server.child.kill('SIGKILL');
      killed = true;
      const { ids } = await loading;
      expect(await server.exited).toBeNull();
      expect(ids.length).toBeGreaterThanOrEqual(100);
      expect(await missingRuns(url, ids)).toEqual([]);
    } finally {
      if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
      database.cleanUp();
    }
  });
});

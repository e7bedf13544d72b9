import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { parseSettings } from '@aetherquant/core';
import { type ApiServer, type ApiServerOptions, startApiServer } from '../../src';

export const TRADER_KEY = 'trader-key-0123456789abcdef';
export const ADMIN_KEY = 'admin-key-fedcba9876543210';

/** The machine's PostgreSQL when CI (or a developer) names one. */
export const POSTGRES_URL = process.env['AETHERQ_TEST_DATABASE_URL'];

export interface TestDatabase {
  readonly name: string;
  /** A URL of a fresh database: a new SQLite file, or a new PostgreSQL schema. */
  url(): string;
  /** Drops what `url` created (PostgreSQL schemas; SQLite files live in the OS temp folder). */
  cleanUp(): void;
}

const schemas: string[] = [];

/** The databases every persistence-backed suite runs on: SQLite always, PostgreSQL when one is named. */
export function testDatabases(): TestDatabase[] {
  const sqlite: TestDatabase = {
    name: 'SQLite file',
    url: () => `sqlite:///${join(mkdtempSync(join(tmpdir(), 'aetherquant-api-')), 'aetherquant.sqlite')}`,
    cleanUp: () => undefined,
  };
  if (POSTGRES_URL === undefined) {
    console.log('[notice] API suites run on SQLite only: AETHERQ_TEST_DATABASE_URL is not set');
    return [sqlite];
  }
  const postgres: TestDatabase = {
    name: 'PostgreSQL',
    url: () => postgresSchemaUrl(POSTGRES_URL, freshSchema()),
    cleanUp: () => {
      for (const schema of schemas.splice(0)) {
        spawnSync('psql', [POSTGRES_URL, '-qc', `DROP SCHEMA IF EXISTS "${schema}" CASCADE`]);
      }
    },
  };
  return [sqlite, postgres];
}

export function freshSchema(): string {
  const schema = `api_e2e_${randomBytes(6).toString('hex')}`;
  schemas.push(schema);
  return schema;
}

export function postgresSchemaUrl(base: string, schema: string): string {
  return `${base}${base.includes('?') ? '&' : '?'}schema=${schema}`;
}

/** The body of every API error: `{error:{code, message, details}, requestId}` (docs/API.md). */
export const ERROR_SHAPE = {
  error: { code: expect.any(String), message: expect.any(String), details: expect.any(Array) },
  requestId: expect.any(String),
};

export interface TestApi {
  readonly url: string;
  readonly server: ApiServer;
  /** Every log line the server wrote, parsed. */
  readonly logs: Record<string, unknown>[];
  /** The raw log text, to prove what never appears in it. */
  logText(): string;
  close(): Promise<void>;
}

export interface TestApiOptions extends Omit<ApiServerOptions, 'settings' | 'logSink'> {
  /** AETHERQ_* variables over the test defaults (synthetic data, no cache, both keys, debug logs). */
  env?: Record<string, string | undefined>;
}

/**
 * The real API on a free loopback port, built from settings as an operator would write them, with its log
 * captured. Callers talk to it over real HTTP (supertest against `url`).
 */
export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const { env, ...appOptions } = options;
  const { settings } = parseSettings({
    AETHERQ_DATA_PROVIDER: 'synthetic',
    AETHERQ_CACHE_DIR: 'none',
    AETHERQ_DATABASE_URL: 'none',
    AETHERQ_API_KEY: TRADER_KEY,
    AETHERQ_ADMIN_API_KEY: ADMIN_KEY,
    AETHERQ_LOG_LEVEL: 'debug',
    AETHERQ_PORT: '0',
    ...env,
  });
  const lines: string[] = [];
  const server = await startApiServer({
    ...appOptions,
    settings,
    logSink: (line) => lines.push(line),
    recording: { flushDelayMs: 10, retryMs: { first: 50, max: 200 }, ...appOptions.recording },
    database: { retryMs: { first: 50, max: 200 }, ...appOptions.database },
  });
  return {
    url: server.url,
    server,
    get logs() {
      return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    logText: () => lines.join('\n'),
    close: () => server.close(),
  };
}

/**
 * A suite's API on `database`: started before its tests, closed (and the database dropped) after them.
 * Returns a getter, valid inside the tests.
 */
export function startedApi(database: TestDatabase, options: TestApiOptions = {}): () => TestApi {
  let api: TestApi | undefined;
  beforeAll(async () => {
    api = await startTestApi({ ...options, env: { AETHERQ_DATABASE_URL: database.url(), ...options.env } });
  });
  afterAll(async () => {
    await api?.close();
    database.cleanUp();
  });
  return () => {
    if (api === undefined) throw new Error('the API starts in beforeAll: use it inside a test');
    return api;
  };
}

/**
 * Waits until `probe` holds, polling every `intervalMs` (a probe over HTTP spends rate-limit budget: poll
 * slower against a low limit); fails with `what` after `timeoutMs`.
 */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timing: number | { timeoutMs: number; intervalMs: number } = 10_000,
): Promise<T> {
  const { timeoutMs, intervalMs } =
    typeof timing === 'number' ? { timeoutMs: timing, intervalMs: 25 } : timing;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export interface AuditRow {
  method: string;
  path: string;
  status_code: number;
  request_id: string;
  actor_role: string | null;
  client_ip: string | null;
  duration_ms: number;
}

/** The audit row of each request id, read back through the admin endpoint once the writer has flushed. */
export async function auditRowsOf(
  api: TestApi,
  requestIds: readonly string[],
): Promise<Map<string, AuditRow>> {
  await api.server.runtime.audit?.flush();
  const { body } = await request(api.url)
    .get('/api/audit?limit=1000')
    .set('X-API-Key', ADMIN_KEY)
    .expect(200);
  const rows = new Map<string, AuditRow>();
  for (const row of body.events as AuditRow[]) {
    if (requestIds.includes(row.request_id) && !rows.has(row.request_id)) rows.set(row.request_id, row);
  }
  return rows;
}

/** The audit row of one request; fails when there is none. */
export async function auditRowOf(api: TestApi, requestId: string): Promise<AuditRow> {
  const row = (await auditRowsOf(api, [requestId])).get(requestId);
  if (!row) throw new Error(`no audit row for ${requestId}`);
  return row;
}

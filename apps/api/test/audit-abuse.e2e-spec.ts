import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteRows } from '@aetherquant/testing';
import request from 'supertest';
import { openDatabase } from '@aetherquant/workflows/server';
import {
  ADMIN_KEY,
  eventually,
  startTestApi,
  type TestApi,
  type TestDatabase,
  testDatabases,
  TRADER_KEY,
} from './support/test-api';

/** Every audit row, read from the database itself (the SQLite file, the PostgreSQL table), not through the API. */
async function auditTable(url: string): Promise<Array<Record<string, unknown>>> {
  const sql = 'SELECT * FROM audit_events ORDER BY id';
  if (url.startsWith('sqlite:')) {
    return sqliteRows(url.replace(/^sqlite:\/\//, ''), sql);
  }
  // PostgreSQL through psql (as the test support drops schemas): one JSON object per row.
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema');
  parsed.searchParams.delete('schema');
  const psql = spawnSync(
    'psql',
    [
      parsed.toString(),
      '-qAt',
      '-c',
      `SET search_path TO "${schema ?? 'public'}"`,
      '-c',
      'SELECT row_to_json(event) FROM audit_events event ORDER BY id',
    ],
    { encoding: 'utf8' },
  );
  if (psql.status !== 0) throw new Error(`psql failed: ${psql.stderr}`);
  return psql.stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The bytes a SQLite database takes on disk: the file and its write-ahead log. */
function sqliteBytes(url: string): number {
  const file = url.replace(/^sqlite:\/\//, '');
  const size = (path: string) => {
    try {
      return statSync(path).size;
    } catch {
      return 0;
    }
  };
  return size(file) + size(`${file}-wal`);
}

/** Sends `count` requests made by `send(i)`, `concurrency` at a time; resolves with their statuses. */
async function flood(
  count: number,
  concurrency: number,
  send: (i: number) => request.Test,
): Promise<number[]> {
  const statuses: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) statuses.push((await send(next++)).status);
    }),
  );
  return statuses;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const count = (row: Record<string, unknown>) => Number(row['count']);

describe.each(testDatabases())('abuse of the audit log ($name)', (database: TestDatabase) => {
  afterAll(() => database.cleanUp());

  async function started(env: Record<string, string> = {}): Promise<{ api: TestApi; url: string }> {
    const url = database.url();
    const api = await startTestApi({ env: { AETHERQ_DATABASE_URL: url, ...env } });
    return { api, url };
  }

  it('keeps a flood of refused requests on long paths to a few bounded rows, every request counted', async () => {
    const { api, url } = await started({ AETHERQ_RATE_LIMIT_PER_MINUTE: '100' });
    await api.server.runtime.audit?.flush();
    const bytesBefore = url.startsWith('sqlite:') ? sqliteBytes(url) : 0;
    const longPath = `/api/${'a'.repeat(2000)}`;
    const same = 300;
    const distinct = 300;
    // One path again and again, then a new random path each time: 404s, and 429s past the limit.
    const statuses = [
      ...(await flood(same, 16, () => request(api.url).get(longPath))),
      ...(await flood(distinct, 16, () => request(api.url).get(`/api/${randomBytes(1000).toString('hex')}`))),
    ];
    expect(new Set(statuses)).toEqual(new Set([404, 429]));
    await api.close(); // writes what the coalescer holds

    const rows = (await auditTable(url)).filter(
      (row) => String(row['path']).length > 100 || row['path'] === '(other paths)',
    );
    expect(rows.reduce((sum, row) => sum + count(row), 0)).toBe(same + distinct);
    // Per status and path: a few rows of their own and one counted row; the random paths share one group.
    expect(rows.length).toBeLessThanOrEqual(60);
    for (const row of rows) expect(String(row['path']).length).toBeLessThanOrEqual(512);
    const counted = rows.find((row) => row['path'] !== '(other paths)' && count(row) > 1);
    expect(counted).toBeDefined();
    expect(String(counted?.['path'])).toMatch(/^\/api\/a+…\(2005 chars\)$/);
    expect(new Date(counted?.['last_at'] as string).getTime()).toBeGreaterThanOrEqual(
      new Date(counted?.['created_at'] as string).getTime(),
    );
    if (url.startsWith('sqlite:')) {
      // 600 requests with 2 KB paths, one row each, would add well over 1.2 MB.
      expect(sqliteBytes(url) - bytesBefore).toBeLessThan(400_000);
    }
  }, 120_000);

  it('stores a forwarded address only when it is an IP address, and junk gets no budget of its own', async () => {
    const { api, url } = await started({ AETHERQ_TRUST_PROXY: '1', AETHERQ_RATE_LIMIT_PER_MINUTE: '3' });
    const statuses: number[] = [];
    for (let n = 0; n < 6; n++) {
      const junk = `${n}-${'x'.repeat(70)}`;
      statuses.push(
        (
          await request(api.url)
            .get('/api/keycheck')
            .set('X-Forwarded-For', junk)
            .set('X-Request-ID', `junk-${n}`)
        ).status,
      );
    }
    // Rotating junk is one client: the proxy's (the socket's) address, with one budget.
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
    await request(api.url)
      .get('/api/keycheck')
      .set('X-Forwarded-For', '203.0.113.7')
      .set('X-Request-ID', 'real-ip');
    await request(api.url)
      .get('/api/keycheck')
      .set('X-Forwarded-For', '2001:DB8:0:0:0:0:0:1')
      .set('X-Request-ID', 'real-ipv6');
    const dropped = api.server.runtime.audit?.status().dropped;
    await api.close();
    expect(dropped).toBe(0);

    const rows = await auditTable(url);
    const junkRows = rows.filter((row) => String(row['request_id']).startsWith('junk-'));
    // Six requests (401s and 429s), none dropped, some perhaps coalesced: every one counted.
    expect(junkRows.reduce((sum, row) => sum + count(row), 0)).toBe(6);
    for (const row of junkRows) expect(row['client_ip']).toBe('127.0.0.1');
    expect(rows.find((row) => row['request_id'] === 'real-ip')?.['client_ip']).toBe('203.0.113.7');
    expect(rows.find((row) => row['request_id'] === 'real-ipv6')?.['client_ip']).toBe('2001:db8::1');
    expect(JSON.stringify(rows)).not.toContain('xxxxxxxx');
  });

  it('gives each named key its own budget and audit name', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'aetherquant-keys-'));
    const keysFile = join(folder, 'keys');
    const ciKey = randomBytes(24).toString('hex');
    const phoneKey = randomBytes(24).toString('hex');
    writeFileSync(keysFile, `# two clients\nci:trader:${sha256(ciKey)}\nphone:trader:${sha256(phoneKey)}\n`);
    const { api, url } = await started({
      AETHERQ_API_KEYS_FILE: keysFile,
      AETHERQ_RATE_LIMIT_PER_MINUTE: '3',
    });
    const status = async (key: string, id: string) =>
      (await request(api.url).get('/api/keycheck').set('X-API-Key', key).set('X-Request-ID', id)).status;
    const ci = [];
    for (let n = 0; n < 4; n++) ci.push(await status(ciKey, `ci-${n}`));
    expect(ci).toEqual([200, 200, 200, 429]);
    // One client's burst does not lock the others out.
    expect(await status(phoneKey, 'phone-0')).toBe(200);
    expect(await status(TRADER_KEY, 'trader-0')).toBe(200);
    expect(await status(ADMIN_KEY, 'admin-0')).toBe(200);
    await api.close();

    const rows = await auditTable(url);
    const keyOf = (id: string) => rows.find((row) => row['request_id'] === id);
    expect(keyOf('ci-0')).toMatchObject({ key_name: 'ci', actor_role: 'trader', status_code: 200 });
    expect(keyOf('ci-3')).toMatchObject({ key_name: 'ci', status_code: 429 });
    expect(keyOf('phone-0')).toMatchObject({ key_name: 'phone', actor_role: 'trader' });
    expect(keyOf('trader-0')).toMatchObject({ key_name: 'trader' });
    expect(keyOf('admin-0')).toMatchObject({ key_name: 'admin', actor_role: 'admin' });
  });

  it('never stores a key sent in the path or as X-Request-ID, in any field of any row', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'aetherquant-keys-'));
    const keysFile = join(folder, 'keys');
    const namedKey = randomBytes(20).toString('hex');
    writeFileSync(keysFile, `ops:admin:${sha256(namedKey)}\n`);
    const { api, url } = await started({ AETHERQ_API_KEYS_FILE: keysFile });
    for (const key of [TRADER_KEY, ADMIN_KEY, namedKey]) {
      await request(api.url).get(`/api/${key}`);
      await request(api.url)
        .get(`/api/runs/${encodeURIComponent(key)}/x`)
        .set('X-API-Key', key);
      await request(api.url).get(`/api/keycheck?x=${key}`).set('X-Request-ID', key);
      const echoed = await request(api.url)
        .get('/api/keycheck')
        .set('X-API-Key', key)
        .set('X-Request-ID', key);
      expect(echoed.headers['x-request-id']).not.toBe(key);
      await request(api.url).get(`/api/v1.${key}.json`).set('X-Request-ID', `id-${key}`);
    }
    // A key known as text (the two key variables) is found anywhere, even glued to other characters.
    await request(api.url).get(`/api/x${TRADER_KEY}y`);
    await api.close();

    const rows = await auditTable(url);
    expect(rows.length).toBeGreaterThanOrEqual(16);
    const stored = JSON.stringify(rows);
    const logged = api.logText();
    for (const key of [TRADER_KEY, ADMIN_KEY, namedKey]) {
      expect(stored).not.toContain(key);
      expect(logged).not.toContain(key);
    }
    expect(stored).toContain('[REDACTED]');
  });

  it('prunes the audit log at start to the retention settings', async () => {
    const url = database.url();
    const filled = await openDatabase(url);
    const day = 86_400_000;
    const event = (i: number, ageDays: number) => ({
      createdAt: new Date(Date.now() - ageDays * day),
      method: 'GET',
      path: '/api/nothing',
      statusCode: 404,
      requestId: `old-${i}`,
      durationMs: 1,
    });
    await filled.audit.recordMany([
      ...Array.from({ length: 40 }, (_, i) => event(i, 200)),
      ...Array.from({ length: 10 }, (_, i) => event(100 + i, 1)),
    ]);
    await filled.close();
    const api = await startTestApi({
      env: { AETHERQ_DATABASE_URL: url, AETHERQ_AUDIT_RETENTION_DAYS: '30', AETHERQ_AUDIT_MAX_ROWS: '4' },
    });
    try {
      const logged = await eventually('the prune at start', async () =>
        api.logs.find((line) => line['msg'] === 'audit events pruned'),
      );
      expect(logged).toMatchObject({ deleted: 46, retention_days: 30, max_rows: 4 });
      const rows = await auditTable(url);
      expect(rows.map((row) => row['request_id'])).toEqual(['old-106', 'old-107', 'old-108', 'old-109']);
    } finally {
      await api.close();
    }
  });

  it('refuses to start with a bad keys file, naming the line and the rule', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'aetherquant-keys-'));
    const keysFile = join(folder, 'keys');
    writeFileSync(keysFile, `ok:trader:${sha256('k'.repeat(20))}\nbad line\n`);
    await expect(started({ AETHERQ_API_KEYS_FILE: keysFile })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining(`${keysFile} line 2 must be name:role:sha256-hex-of-key`),
    });
    await expect(started({ AETHERQ_API_KEY: 'short-key', AETHERQ_HOST: '0.0.0.0' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('AETHERQ_API_KEY is 9 characters long'),
    });
  });
});

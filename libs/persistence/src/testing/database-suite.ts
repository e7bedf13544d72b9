import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { AetherError } from '@aetherquant/core';
import { type Database } from '../lib/database/database';
import { initDatabase, openDatabase } from '../lib/database/open-database';
import { type NewRun } from '../lib/stores/records';

export interface DatabaseSuiteSetup {
  /** A URL of an empty database (a fresh file, or a fresh PostgreSQL schema). */
  url: string;
  /** Runs SQL on the database directly, with its own driver connection (table names unqualified). */
  rawQuery(sql: string): Promise<Array<Record<string, unknown>>>;
  /** SQL answering rows `{ kind }`: how each timestamp column stores its values, as the database says. */
  timestampKindsQuery: string;
  /** The kind every row of `timestampKindsQuery` must report. */
  expectedTimestampKind: string;
  /** Whether another process is writing in an open transaction right now. */
  writeInProgress(): Promise<boolean>;
  /** Drops what the suite created. */
  cleanUp(): Promise<void>;
}

const HOUR = 3_600_000;

/** A backtest run as the backtest issue will record it, with two metrics and two orders. */
function backtestRun(overrides: Partial<NewRun> = {}): NewRun {
  return {
    type: 'backtest',
    symbols: ['spy'],
    period: '1y',
    interval: '1d',
    start: new Date('2019-01-02T00:00:00.000Z'),
    end: new Date('2019-12-31T00:00:00.000Z'),
    parameters: { strategy: 'ma-cross', fast: 20, slow: 50, nested: { costs: [1, 0.5] } },
    result: { total_return: 0.123456789012345, equity: [100000, 100100.5, 112345.6789] },
    finalEquity: 112345.6789,
    durationMs: 12.5,
    metrics: { sharpe: 1.2345678901234567, max_drawdown: -0.0821, profit_factor: null },
    orders: [
      {
        symbol: 'SPY',
        side: 'buy',
        quantity: 100,
        price: 250.25,
        commission: 2.5,
        timestamp: new Date('2019-03-01T21:00:00.123Z'),
        status: 'filled',
        clientOrderId: 'ma-cross-SPY-1551474000000',
      },
      {
        symbol: 'SPY',
        side: 'sell',
        quantity: 100,
        price: 280.5,
        commission: 2.8,
        timestamp: new Date('2019-09-02T21:00:00.456Z'),
        status: 'filled',
      },
    ],
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>, code: AetherError['code']): Promise<AetherError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AetherError);
    expect((error as AetherError).code).toBe(code);
    return error as AetherError;
  }
  throw new Error(`expected a ${code} error`);
}

/**
 * The persistence behaviour both databases must show, run by the integration spec on a real SQLite file
 * and on the machine's real PostgreSQL with the real migrations.
 */
export function describeDatabaseSuite(name: string, setup: () => Promise<DatabaseSuiteSetup>): void {
  describe(`persistence on ${name}`, () => {
    let context: DatabaseSuiteSetup;
    let database: Database;

    beforeAll(async () => {
      context = await setup();
      database = await openDatabase(context.url);
    }, 60_000);

    afterAll(async () => {
      await database?.close();
      await context?.cleanUp();
    });

    it('applies the migrations on first use, and re-running them is a no-op', async () => {
      expect(await initDatabase(context.url)).toMatchObject({ applied: [] });
      await database.ping();
    });

    it('records the job a run came from and the hash of the data it read', async () => {
      const jobId = `job-${'ab12'.repeat(8)}`;
      const dataHash = 'f0'.repeat(32);
      const recorded = await database.runs.record(backtestRun({ jobId, dataHash }));
      expect(await database.runs.get(recorded.id)).toMatchObject({ jobId, dataHash });
      await rejection(database.runs.record(backtestRun({ jobId: 'job-1' })), 'INVALID_ARGUMENT');
    });

    it('keeps the spec that reruns a run, as JSON read back exactly', async () => {
      const spec = {
        use_case: 'backtest',
        request: {
          symbol: 'SPY',
          start: '2019-01-02',
          end: '2019-12-31',
          params: { fast: 20, slow: 50 },
          long_only: false,
        },
        strategy_file: '/srv/strategies/rising.ts',
      };
      const recorded = await database.runs.record(backtestRun({ spec }));
      expect((await database.runs.get(recorded.id)).spec).toEqual(spec);
      await rejection(
        database.runs.record(backtestRun({ spec: { use_case: '', request: {} } })),
        'INVALID_ARGUMENT',
      );
    });

    it('records a run with its symbols, metrics and orders, and reads it back exactly', async () => {
      const created = new Date('2024-05-06T07:08:09.123Z');
      const recorded = await database.runs.record(backtestRun({ createdAt: created }));
      const read = await database.runs.get(recorded.id);
      expect(read).toEqual(recorded);
      // Lists show each run with its orders too (what `db runs` prints), but not its result or metrics.
      const listed = (await database.runs.list({ limit: 1000 })).find((run) => run.id === recorded.id);
      expect(listed?.orders).toEqual(recorded.orders);
      expect(listed).not.toHaveProperty('metrics');
      expect(read).toEqual({
        id: recorded.id,
        createdAt: created,
        type: 'backtest',
        symbols: ['SPY'],
        period: '1y',
        interval: '1d',
        start: new Date('2019-01-02T00:00:00.000Z'),
        end: new Date('2019-12-31T00:00:00.000Z'),
        parameters: { strategy: 'ma-cross', fast: 20, slow: 50, nested: { costs: [1, 0.5] } },
        result: { total_return: 0.123456789012345, equity: [100000, 100100.5, 112345.6789] },
        finalEquity: 112345.6789,
        ordersPlaced: 2,
        status: 'completed',
        durationMs: 12.5,
        jobId: null,
        dataHash: null,
        spec: null,
        metrics: { max_drawdown: -0.0821, profit_factor: null, sharpe: 1.2345678901234567 },
        orders: [
          expect.objectContaining({
            side: 'buy',
            quantity: 100,
            price: 250.25,
            commission: 2.5,
            timestamp: new Date('2019-03-01T21:00:00.123Z'),
            clientOrderId: 'ma-cross-SPY-1551474000000',
            status: 'filled',
          }),
          expect.objectContaining({
            side: 'sell',
            quantity: 100,
            price: 280.5,
            commission: 2.8,
            timestamp: new Date('2019-09-02T21:00:00.456Z'),
            clientOrderId: null,
          }),
        ],
      });
    });

    it('stores timestamps as real timestamps, not text', async () => {
      await database.runs.record(backtestRun());
      await database.audit.record({
        method: 'GET',
        path: '/healthz',
        statusCode: 200,
        requestId: 'r-0',
        durationMs: 1,
      });
      const kinds = (await context.rawQuery(context.timestampKindsQuery)).map((row) => row['kind']);
      expect(kinds.length).toBeGreaterThanOrEqual(4);
      expect(new Set(kinds)).toEqual(new Set([context.expectedTimestampKind]));
    });

    it('lists runs newest first, by type and by symbol, and pages with before', async () => {
      const base = Date.UTC(2030, 0, 1);
      const made = [];
      for (let i = 0; i < 5; i++) {
        made.push(
          await database.runs.record(
            backtestRun({
              type: i % 2 === 0 ? 'optimize' : 'sweep',
              symbols: i === 3 ? ['TLT', 'GLD'] : ['QQQ'],
              createdAt: new Date(base + i * HOUR),
              metrics: {},
              orders: [],
            }),
          ),
        );
      }
      const newest = await database.runs.list({ limit: 3 });
      expect(newest.map((run) => run.id)).toEqual([made[4], made[3], made[2]].map((run) => run?.id));
      expect(newest[1]).not.toHaveProperty('result');
      expect(newest[1]?.symbols).toEqual(['TLT', 'GLD']);

      const optimizations = await database.runs.list({ type: 'optimize', limit: 10 });
      expect(optimizations.map((run) => run.id).slice(0, 3)).toEqual(
        [made[4], made[2], made[0]].map((run) => run?.id),
      );
      const withGold = await database.runs.list({ symbol: 'gld' });
      expect(withGold.map((run) => run.id)).toEqual([made[3]?.id]);

      // Paging with `before` visits every run once.
      const seen: string[] = [];
      let before: string | undefined;
      for (;;) {
        const page = await database.runs.list({ limit: 2, before });
        if (page.length === 0) break;
        seen.push(...page.map((run) => run.id));
        before = page[page.length - 1]?.id;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(expect.arrayContaining(made.map((run) => run.id)));
    });

    it('lands 50 concurrent records, with distinct ids and nothing lost', async () => {
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          database.runs.record(
            backtestRun({ symbols: ['XLE'], parameters: { index: i }, metrics: { index: i } }),
          ),
        ),
      );
      const ids = results.map((run) => run.id);
      expect(new Set(ids).size).toBe(50);
      const listed = await database.runs.list({ symbol: 'XLE', limit: 1000 });
      expect(listed).toHaveLength(50);
      const indexes = (await Promise.all(ids.map((id) => database.runs.get(id)))).map((run) => [
        run.parameters['index'],
        run.metrics['index'],
        run.orders.length,
      ]);
      expect(indexes.sort((a, b) => (a[0] as number) - (b[0] as number))).toEqual(
        Array.from({ length: 50 }, (_, i) => [i, i, 2]),
      );
    }, 60_000);

    it('records a batch of runs in one call, keeping given ids, each readable as if recorded alone', async () => {
      const given = '01900000-0000-7000-8000-0000000000aa';
      const runs = Array.from({ length: 130 }, (_, i) =>
        backtestRun({
          symbols: i % 2 === 0 ? ['SPY'] : ['QQQ', 'TLT'],
          metrics: { sharpe: i / 10, max_drawdown: -i / 100 },
          orders: i === 7 ? backtestRun().orders : [],
          durationMs: i,
        }),
      );
      runs[3] = { ...(runs[3] as NewRun), id: given };
      // 130 runs: three INSERTs into runs (60, 60, 10), one each for symbols and metrics, one for the orders.
      const ids = await database.runs.recordMany(runs);
      expect(ids).toHaveLength(130);
      expect(ids[3]).toBe(given);
      expect(new Set(ids).size).toBe(130);
      const third = await database.runs.get(ids[3] as string);
      expect(third).toMatchObject({
        id: given,
        symbols: ['QQQ', 'TLT'],
        metrics: { sharpe: 0.3, max_drawdown: -0.03 },
        durationMs: 3,
      });
      const withOrders = await database.runs.get(ids[7] as string);
      expect(withOrders.orders.map((order) => order.side)).toEqual(['buy', 'sell']);
      expect(await database.runs.recordMany([])).toEqual([]);
    }, 60_000);

    it('writes none of a batch of runs when one is bad, naming its field by index', async () => {
      const before = await database.runs.list({ limit: 1000 });
      const error = await rejection(
        database.runs.recordMany([backtestRun(), backtestRun({ durationMs: -1 })]),
        'INVALID_ARGUMENT',
      );
      expect(error.details?.violations?.map((violation) => violation.field)).toEqual(['[1].durationMs']);
      expect(await database.runs.list({ limit: 1000 })).toEqual(before);
    });

    it('records the audit log and lists it newest first', async () => {
      const first = await database.audit.record({
        method: 'POST',
        path: '/api/backtest',
        statusCode: 200,
        requestId: 'r-1',
        actorRole: 'trader',
        durationMs: 41.5,
        clientIp: '127.0.0.1',
      });
      const second = await database.audit.record({
        method: 'GET',
        path: '/api/runs',
        statusCode: 403,
        requestId: 'r-2',
        durationMs: 1.25,
      });
      const events = await database.audit.list({ limit: 2 });
      expect(events.map((event) => event.requestId)).toEqual(['r-2', 'r-1']);
      expect(events[1]).toEqual(first);
      expect(events[0]).toEqual({ ...second, actorRole: null, clientIp: null });
      expect(await database.audit.list({ before: second.id, limit: 1 })).toEqual([first]);
    });

    it('records a batch of 250 audit events in one call, in order, with their fields', async () => {
      const base = Date.UTC(2024, 0, 2, 3, 4, 5, 600);
      const events = Array.from({ length: 250 }, (_, i) => ({
        createdAt: new Date(base + i * 1000),
        method: i % 2 === 0 ? 'GET' : 'POST',
        path: `/api/runs/${i}`,
        statusCode: i % 3 === 0 ? 200 : 404,
        requestId: `batch-${i}`,
        actorRole: i % 5 === 0 ? null : 'admin',
        durationMs: i + 0.25,
        clientIp: i % 7 === 0 ? '10.0.0.7' : null,
      }));
      // 250 rows: three INSERT statements (100, 100, 50) in one transaction.
      expect(await database.audit.recordMany(events)).toBe(250);
      const listed = (await database.audit.list({ limit: 250 })).reverse();
      expect(listed.map(({ id: _id, ...event }) => event)).toEqual(
        events.map((event) => ({ ...event, lastAt: event.createdAt, count: 1, keyName: null })),
      );
      const ids = listed.map((event) => event.id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(ids).size).toBe(250);
      expect(await database.audit.recordMany([])).toBe(0);
    }, 60_000);

    it('keeps a request id of 128 characters whole (the API echoes ids that long)', async () => {
      const requestId = 'r'.repeat(128);
      const event = { method: 'GET', path: '/api/keycheck', statusCode: 200, requestId, durationMs: 1 };
      const recorded = await database.audit.record(event);
      expect((await database.audit.list({ limit: 1 }))[0]).toEqual(recorded);
      expect(recorded.requestId).toHaveLength(128);
    });

    it('clips every text field to its column with a marker, never refusing an event for a length', async () => {
      const recorded = await database.audit.record({
        method: 'UNSUBSCRIBE',
        path: `/api/${'a'.repeat(4995)}`,
        statusCode: 404,
        requestId: 'r'.repeat(300),
        actorRole: 'role'.repeat(10),
        keyName: 'k'.repeat(100),
        durationMs: 1,
        clientIp: 'not-an-address-'.repeat(10),
      });
      const [stored] = await database.audit.list({ limit: 1 });
      expect(stored).toEqual(recorded);
      expect(stored).toMatchObject({
        method: 'UNSUBSCRI…',
        path: `/api/${'a'.repeat(512 - 5 - '…(5000 chars)'.length)}…(5000 chars)`,
        requestId: `${'r'.repeat(128 - '…(300 chars)'.length)}…(300 chars)`,
        actorRole: `${'role'.repeat(10).slice(0, 15)}…`,
        keyName: `${'k'.repeat(64 - '…(100 chars)'.length)}…(100 chars)`,
      });
      expect(stored?.path).toHaveLength(512);
      expect(stored?.clientIp).toHaveLength(64);
      // What the database itself holds, not only what the store reads back.
      const [row] = await context.rawQuery(
        `SELECT LENGTH(path) AS path, LENGTH(request_id) AS request_id, LENGTH(key_name) AS key_name
           FROM audit_events WHERE id = ${stored?.id}`,
      );
      expect(row).toEqual({ path: 512, request_id: 128, key_name: 64 });
    });

    it('keeps a coalesced run of requests as one row: count, first and last time, key name', async () => {
      const first = new Date('2025-03-04T05:06:07.089Z');
      const last = new Date('2025-03-04T05:06:16.999Z');
      const event = {
        createdAt: first,
        lastAt: last,
        count: 1234,
        method: 'GET',
        path: '/api/nothing',
        statusCode: 404,
        requestId: 'flood-1',
        keyName: 'ci-runner',
        actorRole: 'trader',
        durationMs: 2.5,
        clientIp: '10.1.2.3',
      };
      const recorded = await database.audit.record(event);
      expect(recorded).toEqual({ ...event, id: recorded.id });
      expect((await database.audit.list({ limit: 1 }))[0]).toEqual(recorded);
      const error = await rejection(
        database.audit.recordMany([
          { ...event, count: 0 },
          { ...event, lastAt: new Date(first.getTime() - 1) },
        ]),
        'INVALID_ARGUMENT',
      );
      expect(error.details?.violations?.map((violation) => violation.field)).toEqual([
        '[0].count',
        '[1].lastAt',
      ]);
    });

    it('writes none of a batch when one audit event is bad, naming its field', async () => {
      const before = await database.audit.list({ limit: 1000 });
      const good = { method: 'GET', path: '/api/strategies', requestId: 'ok', durationMs: 1 };
      const error = await rejection(
        database.audit.recordMany([
          { ...good, statusCode: 200 },
          { ...good, statusCode: 200 },
          { ...good, statusCode: 999 },
        ]),
        'INVALID_ARGUMENT',
      );
      expect(error.details?.violations?.map((violation) => violation.field)).toEqual(['[2].statusCode']);
      expect(await database.audit.list({ limit: 1000 })).toEqual(before);
    });

    it('prunes the audit log by age and by row count, a chunk at a time, and nothing else', async () => {
      await database.audit.prune({ keepRows: 0 });
      expect(await database.audit.list()).toEqual([]);
      const now = Date.now();
      const day = 86_400_000;
      const event = (i: number, ageDays: number) => ({
        createdAt: new Date(now - ageDays * day + i),
        method: 'GET',
        path: `/api/nothing/${i}`,
        statusCode: 404,
        requestId: `prune-${i}`,
        durationMs: 1,
      });
      // More old rows than one prune statement deletes (5,000), so the prune takes several chunks.
      const old = Array.from({ length: 11_000 }, (_, i) => event(i, 100));
      const recent = Array.from({ length: 5 }, (_, i) => event(20_000 + i, 1));
      await database.audit.recordMany(old);
      await database.audit.recordMany(recent);
      const runs = await database.runs.list({ limit: 1000 });

      expect(await database.audit.prune({})).toEqual({ deleted: 0 });
      expect(await database.audit.prune({ olderThan: new Date(now - 30 * day) })).toEqual({
        deleted: 11_000,
      });
      const left = await database.audit.list({ limit: 1000 });
      expect(left.map((row) => row.requestId)).toEqual(recent.map((row) => row.requestId).reverse());

      expect(await database.audit.prune({ keepRows: 2 })).toEqual({ deleted: 3 });
      expect((await database.audit.list()).map((row) => row.requestId)).toEqual([
        'prune-20004',
        'prune-20003',
      ]);
      expect(await database.audit.prune({ keepRows: 2, olderThan: new Date(now - 30 * day) })).toEqual({
        deleted: 0,
      });
      const [count] = await context.rawQuery('SELECT COUNT(*) AS n FROM audit_events');
      expect(Number(count?.['n'])).toBe(2);
      // Runs are not the audit log's to prune.
      expect(await database.runs.list({ limit: 1000 })).toEqual(runs);
      await rejection(database.audit.prune({ keepRows: -1 }), 'INVALID_ARGUMENT');
    }, 60_000);

    it('refuses bad input with every problem named, and reports a missing run', async () => {
      const error = await rejection(
        database.runs.record(
          backtestRun({ type: 'live' as never, symbols: [], durationMs: -1, metrics: { sharpe: Infinity } }),
        ),
        'INVALID_ARGUMENT',
      );
      expect(error.details?.violations?.map((violation) => violation.field)).toEqual([
        'type',
        'symbols',
        'durationMs',
        'metrics.sharpe',
      ]);
      for (const limit of [0, 1001, 2.5]) {
        expect((await rejection(database.runs.list({ limit }), 'INVALID_ARGUMENT')).message).toContain(
          'limit',
        );
        expect((await rejection(database.audit.list({ limit }), 'INVALID_ARGUMENT')).message).toContain(
          'limit',
        );
      }
      expect((await rejection(database.runs.list({ before: 'x' }), 'INVALID_ARGUMENT')).message).toContain(
        'before must be a run id',
      );
      const missing = await rejection(database.runs.get('01234567-89ab-7def-8123-456789abcdef'), 'NOT_FOUND');
      expect(missing.message).toBe('no run with id 01234567-89ab-7def-8123-456789abcdef');
    });

    it('leaves no half-written run when the process is killed mid-write', async () => {
      // A child process records one DBC run with 200,000 orders (a transaction of seconds); it is killed
      // with SIGKILL as soon as the database shows its transaction writing. The run must be there entirely
      // or not at all, and since it never committed: not at all, not one of its orders either.
      const child = spawn(process.execPath, [join(__dirname, 'record-large-run.cjs'), context.url], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      let exited = false;
      child.on('exit', () => (exited = true));
      const deadline = Date.now() + 30_000;
      while (!(await context.writeInProgress())) {
        if (exited || Date.now() > deadline)
          throw new Error(`the writer never showed a write in progress: ${output}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      child.kill('SIGKILL');
      await new Promise((resolve) => (exited ? resolve(undefined) : child.on('exit', resolve)));
      expect(output).not.toContain('committed');

      const after = await openDatabase(context.url);
      try {
        expect(await after.runs.list({ symbol: 'DBC', limit: 1000 })).toEqual([]);
        const [orphans] = await context.rawQuery(
          "SELECT COUNT(*) AS n FROM execution_orders WHERE symbol = 'DBC'",
        );
        expect(Number(orphans?.['n'])).toBe(0);
        // And the database takes new runs as before.
        const next = await after.runs.record(backtestRun({ symbols: ['IEF'] }));
        expect((await after.runs.get(next.id)).symbols).toEqual(['IEF']);
      } finally {
        await after.close();
      }
    }, 60_000);
  });
}

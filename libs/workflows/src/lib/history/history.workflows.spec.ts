import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AetherError, parseSettings } from '@aetherquant/core';
import { type Database, openDatabase } from '@aetherquant/persistence';
import { runWorkflow } from '../workflow/workflow';
import {
  getRunWorkflow,
  initDatabaseWorkflow,
  listAuditWorkflow,
  listRunsWorkflow,
} from './history.workflows';

describe('history workflows', () => {
  let database: Database;
  const settings = parseSettings({ AETHERQ_DATABASE_URL: 'sqlite::memory:' }).settings;

  beforeAll(async () => {
    database = await openDatabase('sqlite::memory:');
  });
  afterAll(() => database.close());

  it('name the permissions the policy gives admins', () => {
    expect(
      [initDatabaseWorkflow, listRunsWorkflow, getRunWorkflow, listAuditWorkflow].map(
        (w) => w.useCase.permission,
      ),
    ).toEqual(['database', 'runs', 'runs', 'audit']);
  });

  it('show runs and their details as snake_case JSON with ISO times', async () => {
    const recorded = await database.runs.record({
      type: 'backtest',
      symbols: ['SPY'],
      period: '1y',
      parameters: { fast: 20 },
      result: { total_return: 0.1 },
      finalEquity: 110000,
      durationMs: 5,
      createdAt: new Date('2024-05-06T07:08:09.123Z'),
      metrics: { sharpe: 1.5 },
      orders: [
        {
          symbol: 'SPY',
          side: 'buy',
          quantity: 10,
          price: 500,
          commission: 0.5,
          timestamp: new Date('2024-01-02T21:00:00Z'),
          status: 'filled',
        },
      ],
    });
    const context = { settings, database };
    const { runs } = await runWorkflow(listRunsWorkflow, { limit: 5 }, { context });
    expect(runs[0]).toEqual({
      id: recorded.id,
      created_at: '2024-05-06T07:08:09.123Z',
      type: 'backtest',
      symbols: ['SPY'],
      period: '1y',
      interval: null,
      start: null,
      end: null,
      parameters: { fast: 20 },
      final_equity: 110000,
      orders_placed: 1,
      status: 'completed',
      duration_ms: 5,
      job_id: null,
      data_hash: null,
      orders: [
        expect.objectContaining({
          side: 'buy',
          quantity: 10,
          price: 500,
          timestamp: '2024-01-02T21:00:00.000Z',
        }),
      ],
    });
    const detail = await runWorkflow(getRunWorkflow, { id: recorded.id }, { context });
    expect(detail.metrics).toEqual({ sharpe: 1.5 });
    expect(detail.result).toEqual({ total_return: 0.1 });
    expect(detail.orders).toEqual([
      expect.objectContaining({ side: 'buy', timestamp: '2024-01-02T21:00:00.000Z', client_order_id: null }),
    ]);
  });

  it('show audit events as snake_case JSON', async () => {
    await database.audit.record({
      method: 'GET',
      path: '/api/runs',
      statusCode: 200,
      requestId: 'r-9',
      actorRole: 'admin',
      durationMs: 3,
    });
    const { events } = await runWorkflow(listAuditWorkflow, {}, { context: { settings, database } });
    expect(events[0]).toMatchObject({
      method: 'GET',
      path: '/api/runs',
      status_code: 200,
      request_id: 'r-9',
      actor_role: 'admin',
      client_ip: null,
    });
  });

  it('open the settings’ database when the app keeps none, creating a SQLite file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'aetherquant-history-')), 'aq.sqlite');
    const fileSettings = parseSettings({ AETHERQ_DATABASE_URL: `sqlite:///${file}` }).settings;
    await expect(
      runWorkflow(initDatabaseWorkflow, {}, { context: { settings: fileSettings } }),
    ).resolves.toEqual({
      status: 'ok',
      database: `SQLite ${file}`,
    });
    await expect(runWorkflow(listRunsWorkflow, {}, { context: { settings: fileSettings } })).resolves.toEqual(
      { runs: [] },
    );
  });

  it('say persistence is off when the settings turn it off', async () => {
    const off = parseSettings({ AETHERQ_DATABASE_URL: 'none' }).settings;
    const run = runWorkflow(listRunsWorkflow, {}, { context: { settings: off } });
    await expect(run).rejects.toBeInstanceOf(AetherError);
    await expect(run).rejects.toThrow('database_url is none: persistence is turned off');
  });

  it('refuse a limit outside 1..1000 and a missing run', async () => {
    await expect(
      runWorkflow(listRunsWorkflow, { limit: 1001 }, { context: { settings, database } }),
    ).rejects.toThrow('runs request: limit must be at most 1000 (got 1001)');
    await expect(
      runWorkflow(
        getRunWorkflow,
        { id: '01234567-89ab-7def-8123-456789abcdef' },
        { context: { settings, database } },
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

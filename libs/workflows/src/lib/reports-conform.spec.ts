import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AetherError,
  auditReportSchema,
  backtestReportSchema,
  BarSeries,
  barsReportSchema,
  databaseStatusSchema,
  fetchResultSchema,
  optimizeReportSchema,
  papertradeReportSchema,
  parseSettings,
  portfolioBacktestReportSchema,
  runDetailViewSchema,
  runsReportSchema,
  signalResultSchema,
  strategiesReportSchema,
  sweepReportSchema,
  walkForwardReportSchema,
} from '@aetherquant/core';
import { type RecentBars } from '@aetherquant/data';
import { type Database, openDatabase } from '@aetherquant/persistence';
import { type z } from 'zod';
import { backtestWorkflow } from './backtest/backtest.workflow';
import { barsWorkflow } from './fetch/bars.workflow';
import { type FetchSymbolResult, fetchWorkflow } from './fetch/fetch.workflow';
import {
  getRunWorkflow,
  initDatabaseWorkflow,
  listAuditWorkflow,
  listRunsWorkflow,
} from './history/history.workflows';
import { optimizeWorkflow } from './portfolio/optimize.workflow';
import { portfolioBacktestWorkflow } from './portfolio/portfolio-backtest.workflow';
import { signalWorkflow } from './signal/signal.workflow';
import { strategiesWorkflow } from './strategies/strategies.workflow';
import { sweepWorkflow } from './sweep/sweep.workflow';
import { papertradeWorkflow } from './trading/papertrade.workflow';
import { walkForwardWorkflow } from './walk-forward/walk-forward.workflow';
import { runWorkflow } from './workflow/workflow';
import { type WorkflowContext } from './workflow/workflow-context';
import { FIXED_NOW, OFFLINE_SETTINGS } from '../testing/offline-context';

/**
 * The response schemas in @aetherquant/core are promises to scripts: every report the real workflows produce
 * must pass its schema's strict parse (an unknown key anywhere fails), and parse to the same JSON text, so
 * the schema lists the keys in the order the report prints them. Synthetic bars, no network.
 */
function expectConforms(schema: z.ZodType, report: unknown): void {
  const parsed = schema.safeParse(report);
  expect(parsed.error?.issues ?? []).toEqual([]);
  expect(JSON.stringify(parsed.data)).toBe(JSON.stringify(report));
}

const settings = OFFLINE_SETTINGS;
const now = FIXED_NOW;

let database: Database;
beforeAll(async () => {
  database = await openDatabase('sqlite::memory:');
});
afterAll(() => database.close());

/** A database the API holds open, which has since become unreachable. */
const unreachable = {
  runs: { record: () => Promise.reject(new AetherError('UNAVAILABLE', 'connection refused')) },
} as unknown as Database;

/** The contexts a report is produced in, and the optional keys each makes it carry. */
const contexts: Array<[string, () => WorkflowContext, string[]]> = [
  [
    'recorded, with a chart (as the API runs it)',
    () => ({ settings, now, database, chartPoints: 20 }),
    ['run_id'],
  ],
  ['persistence off, no chart (as the CLI runs it)', () => ({ settings, now }), []],
  [
    // Both `warnings` and `chart`: their order shows.
    'not recorded under best effort, with a chart (as the API answers when its database is down)',
    () => ({ settings, now, database: unreachable, recording: 'best-effort', chartPoints: 20 }),
    ['warnings'],
  ],
];

describe.each(contexts)('reports conform to their schemas: %s', (_context, context, recordingKeys) => {
  const run = <Report>(workflow: Parameters<typeof runWorkflow>[0], request: object) =>
    runWorkflow(workflow, request, { context: context() }) as Promise<Report>;
  const charted = context().chartPoints === undefined ? [] : ['chart'];

  it('backtest', async () => {
    const report = await run<object>(backtestWorkflow, {
      symbol: 'SPY',
      period: '1y',
      params: { fast: 5, slow: 20 },
    });
    expectConforms(backtestReportSchema, report);
    const shown = context().chartPoints === undefined ? [] : ['chart', 'trade_list'];
    expect(Object.keys(report)).toEqual(expect.arrayContaining([...recordingKeys, ...shown]));
  });

  it('portfolio backtest', async () => {
    const report = await run<object>(portfolioBacktestWorkflow, {
      symbols: ['SPY', 'QQQ'],
      period: '2y',
      lookback: '6mo',
      rebalance: 21,
    });
    expectConforms(portfolioBacktestReportSchema, report);
    expect(Object.keys(report)).toEqual(expect.arrayContaining([...recordingKeys, ...charted]));
  });

  it('papertrade', async () => {
    const report = await run<{ orders: unknown[] }>(papertradeWorkflow, {
      symbol: 'QQQ',
      period: '1y',
      params: { fast: 5, slow: 20 },
    });
    expectConforms(papertradeReportSchema, report);
    expect(report.orders.length).toBeGreaterThan(0);
    expect(Object.keys(report)).toEqual(expect.arrayContaining([...recordingKeys, ...charted]));
  });

  it('optimize', async () => {
    const report = await run<object>(optimizeWorkflow, {
      symbols: ['SPY', 'QQQ', 'TLT'],
      period: '1y',
      method: 'hrp',
    });
    expectConforms(optimizeReportSchema, report);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(recordingKeys));
  });

  it('sweep', async () => {
    const report = await run<{ results: unknown[] }>(sweepWorkflow, {
      symbol: 'SPY',
      period: '1y',
      grid: { fast: [5, 10, 30], slow: [20, 30] },
    });
    expectConforms(sweepReportSchema, report);
    expect(report).toMatchObject({ skipped: 2 }); // fast ≥ slow: 30/20 and 30/30
    expect(Object.keys(report)).toEqual(expect.arrayContaining(recordingKeys));
  });

  it('walk-forward', async () => {
    const report = await run<{ windows: unknown[] }>(walkForwardWorkflow, {
      symbol: 'SPY',
      period: '3y',
      train: '1y',
      test: '6mo',
      grid: { fast: [5, 10] },
    });
    expectConforms(walkForwardReportSchema, report);
    expect(report.windows.length).toBeGreaterThan(1);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(recordingKeys));
  });
});

describe('results of the use cases that record nothing conform to their schemas', () => {
  const context = { settings, now };

  it('signal: buy, sell and hold', async () => {
    for (const latest_return of [0.02, -0.02, 0.005]) {
      expectConforms(signalResultSchema, await runWorkflow(signalWorkflow, { latest_return }, { context }));
    }
  });

  it('papertrade: orders refused by a pre-trade limit, with their reason', async () => {
    const limited = parseSettings({
      AETHERQ_DATA_PROVIDER: 'synthetic',
      AETHERQ_DATABASE_URL: 'none',
      AETHERQ_CACHE_DIR: 'none',
      AETHERQ_MAX_ORDER_NOTIONAL: '10000',
    }).settings;
    const report = await runWorkflow(
      papertradeWorkflow,
      { symbol: 'SPY', period: '1y', strategy: 'buy-and-hold' },
      { context: { settings: limited, now } },
    );
    expectConforms(papertradeReportSchema, report);
    expect(report.orders[0]).toMatchObject({
      status: 'rejected',
      reason: expect.stringMatching(/^refused: /),
    });
  });

  it('strategies', async () => {
    expectConforms(strategiesReportSchema, await runWorkflow(strategiesWorkflow, {}, { context }));
  });

  it('bars: daily dates and intraday timestamps', async () => {
    const daily = await runWorkflow(barsWorkflow, { symbol: 'SPY', period: '1mo' }, { context });
    expectConforms(barsReportSchema, daily);
    const hourly = await runWorkflow(
      barsWorkflow,
      { symbol: 'SPY', period: '5d', interval: '1h' },
      { context },
    );
    expectConforms(barsReportSchema, hourly);
    expect(hourly.first).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
  });

  /** Bars from a source that dropped two rows with missing values (as Yahoo's answers may have). */
  const droppingSource = {
    get: async (_key: string, load: () => Promise<BarSeries>) => {
      const series = await load();
      return new BarSeries({
        ...series,
        provenance: { provider: 'synthetic', adjusted: true, droppedRows: 2 },
      });
    },
  } as unknown as RecentBars;

  it('bars: with the rows the source dropped', async () => {
    const report = await runWorkflow(
      barsWorkflow,
      { symbol: 'SPY', period: '1mo' },
      { context: { ...context, recentBars: droppingSource } },
    );
    expectConforms(barsReportSchema, report);
    expect(report).toMatchObject({ dropped_rows: 2 });
  });

  it('fetch: nothing written, standard output, and a file after rows were dropped', async () => {
    // The series is a BarSeries, not JSON: the strict parse checks the summary's keys and order, and the class.
    // One symbol's result (a folder's, `symbols`, is checked in fetch-folder.workflow.spec.ts).
    const expectFetchConforms = (result: object) => {
      expect(fetchResultSchema.safeParse(result).error?.issues ?? []).toEqual([]);
      const parsed = fetchResultSchema.parse(result) as FetchSymbolResult;
      expect(JSON.stringify(parsed.summary)).toBe(JSON.stringify((result as FetchSymbolResult).summary));
    };
    const request = { symbol: 'SPY', period: '1mo' };
    expectFetchConforms(await runWorkflow(fetchWorkflow, request, { context }));
    const printed = (await runWorkflow(
      fetchWorkflow,
      { ...request, output: '-' },
      { context },
    )) as FetchSymbolResult;
    expectFetchConforms(printed);
    expect(printed.csv).toMatch(/^date,open,high,low,close,volume\n/);
    const output = join(mkdtempSync(join(tmpdir(), 'aetherquant-conform-')), 'SPY.csv');
    const written = (await runWorkflow(
      fetchWorkflow,
      { ...request, output },
      { context: { ...context, recentBars: droppingSource } },
    )) as FetchSymbolResult;
    expectFetchConforms(written);
    expect(Object.keys(written.summary).slice(-2)).toEqual(['dropped_rows', 'output']);
  });
});

describe('the database use cases conform to their schemas', () => {
  // Read when the tests run: the database opens in `beforeAll`.
  const context = () => ({ settings, now, database });

  beforeAll(async () => {
    await runWorkflow(
      papertradeWorkflow,
      { symbol: 'QQQ', period: '1y', params: { fast: 5, slow: 20 } },
      { context: context() },
    );
    await runWorkflow(optimizeWorkflow, { symbols: ['SPY', 'QQQ'], period: '1y' }, { context: context() });
    await database.audit.record({
      method: 'POST',
      path: '/api/backtest',
      statusCode: 200,
      requestId: 'b1f4c2d0-7c1e-4f5a-9d3b-2a6e8f0c1d2e',
      actorRole: 'trader',
      keyName: 'trader',
      durationMs: 12.5,
      clientIp: '203.0.113.7',
    });
    await database.audit.record({
      method: 'GET',
      path: '/api/runs',
      statusCode: 401,
      requestId: 'c2a5d3e1-8d2f-4a6b-8e4c-3b7f9a1d2e3f',
      actorRole: null,
      keyName: null,
      durationMs: 0.4,
      clientIp: null,
    });
  });

  it('runs, a run with its orders and result, and the audit log', async () => {
    const { runs } = await runWorkflow(listRunsWorkflow, {}, { context: context() });
    expectConforms(runsReportSchema, { runs });
    const paper = runs.find((run) => run.type === 'papertrade');
    expect(paper?.orders.length).toBeGreaterThan(0);
    for (const run of runs) {
      expectConforms(
        runDetailViewSchema,
        await runWorkflow(getRunWorkflow, { id: run.id }, { context: context() }),
      );
    }
    const audit = await runWorkflow(listAuditWorkflow, {}, { context: context() });
    expectConforms(auditReportSchema, audit);
    expect(audit.events).toHaveLength(2);
  });

  it('db init', async () => {
    expectConforms(databaseStatusSchema, await runWorkflow(initDatabaseWorkflow, {}, { context: context() }));
  });
});

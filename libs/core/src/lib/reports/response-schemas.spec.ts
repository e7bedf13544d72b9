import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { backtestReportSchema } from './backtest-report';
import { fetchSummarySchema } from './bars-report';
import { runViewSchema } from './history-views';
import { papertradeReportSchema } from './papertrade-report';
import { portfolioBacktestReportSchema } from './portfolio-reports';
import { fetchResultSchema, fetchSymbolResultSchema } from './signal-and-fetch';
import { sweepReportSchema } from './sweep-reports';

// Every schema of this folder, found by reading the folder, so a schema added later is checked too.
const schemas: Array<[string, z.ZodType]> = readdirSync(__dirname)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
  .flatMap((file) =>
    Object.entries(require(join(__dirname, file)) as Record<string, unknown>).filter(
      (entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType,
    ),
  );
const examplesOf = (schema: z.ZodType): unknown[] => (schema.meta()?.['examples'] as unknown[]) ?? [];
const responseSchemas = schemas.filter(([, schema]) => examplesOf(schema).length > 0);
/** The schemas whose values are JSON: all but the fetch result (and its one-symbol form), which carries a `BarSeries`. */
const jsonSchemas = schemas.filter(
  ([, schema]) => schema !== fetchResultSchema && schema !== fetchSymbolResultSchema,
);

/** The response of every use case, with what answers it. */
const USE_CASE_RESPONSES = {
  signalResultSchema: 'aetherquant signal',
  fetchResultSchema: 'aetherquant fetch (in-process)',
  fetchSummarySchema: 'aetherquant fetch',
  fetchFolderSummarySchema: 'aetherquant fetch --symbols',
  barsReportSchema: 'GET /api/bars',
  strategiesReportSchema: 'GET /api/strategies',
  keycheckReportSchema: 'GET /api/keycheck',
  backtestReportSchema: 'aetherquant backtest, POST /api/backtest with symbol',
  portfolioBacktestReportSchema: 'aetherquant backtest --symbols, POST /api/backtest with symbols',
  papertradeReportSchema: 'aetherquant papertrade, POST /api/papertrade',
  optimizeReportSchema: 'aetherquant optimize, POST /api/optimize',
  sweepReportSchema: 'aetherquant sweep, POST /api/sweep',
  walkForwardReportSchema: 'aetherquant walk-forward',
  runsReportSchema: 'aetherquant db runs, GET /api/runs',
  runDetailViewSchema: 'GET /api/runs/:id',
  auditReportSchema: 'aetherquant db audit, GET /api/audit',
  runReportSchema: 'aetherquant report, GET /api/runs/:id/report (as the document itself)',
};

describe('response schemas', () => {
  it('cover every use case, each with one example', () => {
    expect(responseSchemas.map(([name]) => name)).toEqual(
      expect.arrayContaining(Object.keys(USE_CASE_RESPONSES)),
    );
    for (const [, schema] of responseSchemas) expect(examplesOf(schema)).toHaveLength(1);
  });

  it.each(responseSchemas)(
    '%s: its example parses, unchanged and in the order its keys print',
    (_name, schema) => {
      const [example] = examplesOf(schema);
      const parsed = schema.parse(example);
      // Strict objects output their keys in schema order: equal text means no key was dropped, added or moved.
      if (schema !== fetchResultSchema) expect(JSON.stringify(parsed)).toBe(JSON.stringify(example));
      else expect(parsed).toEqual(example);
    },
  );

  it.each(jsonSchemas)('%s: converts to JSON Schema, as the OpenAPI document needs', (_name, schema) => {
    const json = z.toJSONSchema(schema, { io: 'output' });
    expect(json).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema' });
    if (examplesOf(schema).length > 0) {
      expect(json['examples']).toEqual(examplesOf(schema));
      expect(json['description']).toEqual(expect.any(String));
    }
  });

  it('fetch result: converts with its in-process series left open, the one value JSON cannot hold', () => {
    expect(() => z.toJSONSchema(fetchResultSchema, { io: 'output' })).toThrow(/Custom types/);
    const json = z.toJSONSchema(fetchResultSchema, { io: 'output', unrepresentable: 'any' });
    // One symbol's result, or a folder's (`symbols`).
    const [symbol, folder] = json['anyOf'] as Array<Record<string, unknown>>;
    expect(symbol?.['properties']).toMatchObject({
      summary: { additionalProperties: false },
      series: { description: expect.stringContaining('BarSeries') },
    });
    expect(folder?.['properties']).toMatchObject({ folder: { additionalProperties: false } });
  });

  it('refuse a key they do not know, anywhere: a report is a promise to scripts', () => {
    const [example] = examplesOf(backtestReportSchema) as [Record<string, unknown>];
    expect(backtestReportSchema.safeParse({ ...example, sharp: 1 }).success).toBe(false);
    const metrics = { ...(example['metrics'] as object), sharpe: 1 };
    expect(backtestReportSchema.safeParse({ ...example, metrics }).error?.issues).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys', keys: ['sharpe'], path: ['metrics'] }),
    ]);
  });

  it('say which keys are optional and which are nullable, as the producers write them', () => {
    const [backtest] = examplesOf(backtestReportSchema) as [Record<string, unknown>];
    // Persistence off and no charts asked for (the CLI): no run_id, chart nor trade_list.
    const { run_id: _id, chart: _chart, trade_list: _trades, ...cli } = backtest;
    expect(backtestReportSchema.safeParse(cli).success).toBe(true);
    // An undefined ratio is null, never absent; final equity is never null.
    expect(backtestReportSchema.safeParse({ ...backtest, sharpe: null }).success).toBe(true);
    expect(backtestReportSchema.safeParse({ ...cli, sharpe: undefined }).success).toBe(false);
    expect(backtestReportSchema.safeParse({ ...backtest, final_equity: null }).success).toBe(false);
    // A run without equity nor bar span: nulls, not missing keys.
    const run = {
      id: '0193a1c4-7f05-7000-a77d-a206176fe912',
      created_at: '2025-01-06T14:03:27.512Z',
      type: 'optimize',
      symbols: ['SPY', 'QQQ'],
      period: '1y',
      interval: '1d',
      start: null,
      end: null,
      parameters: {},
      final_equity: null,
      orders_placed: 0,
      status: 'completed',
      duration_ms: 3.2,
      job_id: null,
      data_hash: null,
    };
    expect(runViewSchema.safeParse(run).success).toBe(true);
    expect(runViewSchema.safeParse({ ...run, created_at: '2025-01-06 14:03' }).success).toBe(false);
  });

  it('place the recording fields where each report prints them', () => {
    const keys = (schema: z.ZodObject) => Object.keys(schema.shape);
    const around = (schema: z.ZodObject, key: string) => {
      const all = keys(schema);
      const at = all.indexOf(key);
      return [all[at - 1], all[at + 1]];
    };
    expect(around(backtestReportSchema, 'run_id')).toEqual(['excess_annual_return', 'provider']);
    expect(around(backtestReportSchema, 'warnings')).toEqual(['metrics', 'chart']);
    expect(around(sweepReportSchema, 'run_id')).toEqual(['skipped', 'results']);
    expect(keys(sweepReportSchema).at(-1)).toBe('warnings');
    expect(around(papertradeReportSchema, 'warnings')).toEqual(['run_id', 'chart']);
    expect(around(portfolioBacktestReportSchema, 'run_id')).toEqual(['metrics', 'warnings']);
    // Written after the summary: dropped rows come before the output path.
    expect(keys(fetchSummarySchema).slice(-2)).toEqual(['dropped_rows', 'output']);
  });
});

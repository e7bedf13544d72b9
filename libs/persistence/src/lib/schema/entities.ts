import { EntitySchema } from 'typeorm';
import { type Dialect } from '../database/database-url';
import { columnTypes } from './column-types';

/** A recorded run (backtest, papertrade, optimize, sweep, walk-forward): table `runs`. */
export interface RunRow {
  id: string;
  createdAt: Date;
  type: string;
  period: string | null;
  interval: string | null;
  startAt: Date | null;
  endAt: Date | null;
  parameters: Record<string, unknown>;
  /** Any JSON value; stored as jsonb or JSON text. */
  result: object | null;
  finalEquity: number | null;
  ordersPlaced: number;
  status: string;
  durationMs: number;
  /** The job whose result this run records; null for a run made directly. */
  jobId: string | null;
  /** sha256 of the version of the data the job read (see the job queue's data version); null without a job. */
  dataHash: string | null;
  /** The run's full spec (use case and pinned request), JSON; null for runs recorded before specs were kept. */
  spec: object | null;
}

/** One symbol of a run, in the order given: table `run_symbols`, indexed by symbol for filtering. */
export interface RunSymbolRow {
  runId: string;
  position: number;
  symbol: string;
}

/** One named figure of a run: table `run_metrics`. */
export interface RunMetricRow {
  runId: string;
  name: string;
  value: number | null;
}

/** An order a run placed: table `execution_orders`. */
export interface ExecutionOrderRow {
  id?: number;
  runId: string;
  symbol: string;
  side: string;
  quantity: number;
  price: number;
  commission: number;
  timestamp: Date;
  clientOrderId: string | null;
  status: string;
}

/**
 * One API request, or a run of identical refused ones coalesced into one row: table `audit_events`.
 * `last_at` and `count` came with a later migration; rows written before it have `last_at` filled in from
 * `created_at` and a count of 1.
 */
export interface AuditEventRow {
  id?: number;
  createdAt: Date;
  lastAt: Date | null;
  count: number;
  method: string;
  path: string;
  statusCode: number;
  requestId: string;
  actorRole: string | null;
  keyName: string | null;
  durationMs: number;
  clientIp: string | null;
}

export interface Entities {
  run: EntitySchema<RunRow>;
  runSymbol: EntitySchema<RunSymbolRow>;
  runMetric: EntitySchema<RunMetricRow>;
  executionOrder: EntitySchema<ExecutionOrderRow>;
  auditEvent: EntitySchema<AuditEventRow>;
}

/**
 * The entities as TypeORM schemas for one dialect (column types differ: see column-types.ts). Tables,
 * indexes and foreign keys are created by the migrations, never by `synchronize`; these schemas only map
 * rows to objects. Column names are snake_case.
 */
export function entitiesFor(dialect: Dialect): Entities {
  const types = columnTypes(dialect);
  const timestamp = (name: string, nullable = false) => ({ ...types.timestamp, name, nullable });
  return {
    run: new EntitySchema<RunRow>({
      name: 'Run',
      tableName: 'runs',
      columns: {
        id: { type: 'varchar', length: 36, primary: true },
        createdAt: timestamp('created_at'),
        type: { type: 'varchar', length: 16 },
        period: { type: 'varchar', length: 16, nullable: true },
        interval: { type: 'varchar', length: 8, nullable: true },
        startAt: timestamp('start_at', true),
        endAt: timestamp('end_at', true),
        parameters: { ...types.json },
        result: { ...types.json },
        finalEquity: { type: types.double, name: 'final_equity', nullable: true },
        ordersPlaced: { type: 'integer', name: 'orders_placed' },
        status: { type: 'varchar', length: 16 },
        durationMs: { type: types.double, name: 'duration_ms' },
        jobId: { type: 'varchar', length: 64, name: 'job_id', nullable: true },
        dataHash: { type: 'varchar', length: 64, name: 'data_hash', nullable: true },
        spec: { ...types.json, nullable: true },
      },
    }),
    runSymbol: new EntitySchema<RunSymbolRow>({
      name: 'RunSymbol',
      tableName: 'run_symbols',
      columns: {
        runId: { type: 'varchar', length: 36, name: 'run_id', primary: true },
        position: { type: 'integer', primary: true },
        symbol: { type: 'varchar', length: 15 },
      },
    }),
    runMetric: new EntitySchema<RunMetricRow>({
      name: 'RunMetric',
      tableName: 'run_metrics',
      columns: {
        runId: { type: 'varchar', length: 36, name: 'run_id', primary: true },
        name: { type: 'varchar', length: 64, primary: true },
        value: { type: types.double, nullable: true },
      },
    }),
    executionOrder: new EntitySchema<ExecutionOrderRow>({
      name: 'ExecutionOrder',
      tableName: 'execution_orders',
      columns: {
        id: { type: 'integer', primary: true, generated: 'increment' },
        runId: { type: 'varchar', length: 36, name: 'run_id' },
        symbol: { type: 'varchar', length: 15 },
        side: { type: 'varchar', length: 4 },
        quantity: { type: types.double },
        price: { type: types.double },
        commission: { type: types.double },
        timestamp: timestamp('timestamp'),
        clientOrderId: { type: 'varchar', length: 128, name: 'client_order_id', nullable: true },
        status: { type: 'varchar', length: 16 },
      },
    }),
    auditEvent: new EntitySchema<AuditEventRow>({
      name: 'AuditEvent',
      tableName: 'audit_events',
      columns: {
        id: { type: 'integer', primary: true, generated: 'increment' },
        createdAt: timestamp('created_at'),
        lastAt: timestamp('last_at', true),
        count: { type: 'integer' },
        method: { type: 'varchar', length: 10 },
        path: { type: 'varchar', length: 2048 },
        statusCode: { type: 'integer', name: 'status_code' },
        requestId: { type: 'varchar', length: 128, name: 'request_id' },
        actorRole: { type: 'varchar', length: 16, name: 'actor_role', nullable: true },
        keyName: { type: 'varchar', length: 64, name: 'key_name', nullable: true },
        durationMs: { type: types.double, name: 'duration_ms' },
        clientIp: { type: 'varchar', length: 64, name: 'client_ip', nullable: true },
      },
    }),
  };
}

import { AetherError } from '@aetherquant/core';
import { type DataSource, type EntityManager, type EntityTarget, In, type ObjectLiteral } from 'typeorm';
import { type QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { type OperationLock } from '../database/exclusive-lock';
import { uuidV7 } from '../ids/uuid-v7';
import { type Entities, type ExecutionOrderRow, type RunRow } from '../schema/entities';
import {
  type ListedRun,
  type ListRunsQuery,
  type NewRun,
  type RunDetail,
  type RunStatus,
  type RunStore,
  type RunSummary,
  type StoredOrder,
  type RunType,
  type ValidNewRun,
  validateListRuns,
  validateNewRun,
  validateNewRuns,
} from './records';

// Rows per INSERT statement, so that each stays under SQLite's 999 bound parameters.
/** Orders have 10 columns. */
const ORDERS_PER_INSERT = 90;
/** Runs have 14 columns. */
const RUNS_PER_INSERT = 60;
/** Symbols and metrics have 3 columns. */
const NARROW_ROWS_PER_INSERT = 300;

export class TypeormRunStore implements RunStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly entities: Entities,
    private readonly lock: OperationLock,
  ) {}

  async record(newRun: NewRun): Promise<RunDetail> {
    const [id] = await this.insert([validateNewRun(newRun)]);
    return this.get(id as string);
  }

  recordMany(newRuns: NewRun[]): Promise<string[]> {
    return this.insert(validateNewRuns(newRuns));
  }

  private async insert(runs: ValidNewRun[]): Promise<string[]> {
    if (runs.length === 0) return [];
    const rows = runs.map((run) => runRows(run));
    await this.lock.run(() =>
      this.dataSource.transaction(async (manager) => {
        // One multi-row INSERT per table and chunk: a batch costs a few statements, not a few per run.
        await insertChunked(
          manager,
          this.entities.run,
          rows.map((row) => row.run),
          RUNS_PER_INSERT,
        );
        await insertChunked(
          manager,
          this.entities.runSymbol,
          rows.flatMap((row) => row.symbols),
          NARROW_ROWS_PER_INSERT,
        );
        await insertChunked(
          manager,
          this.entities.runMetric,
          rows.flatMap((row) => row.metrics),
          NARROW_ROWS_PER_INSERT,
        );
        await insertChunked(
          manager,
          this.entities.executionOrder,
          rows.flatMap((row) => row.orders),
          ORDERS_PER_INSERT,
        );
      }),
    );
    return rows.map((row) => row.run.id);
  }

  async list(query: ListRunsQuery = {}): Promise<ListedRun[]> {
    const { limit, type, symbol, before } = validateListRuns(query);
    return this.lock.run(async () => {
      const builder = this.dataSource
        .getRepository(this.entities.run)
        .createQueryBuilder('run')
        .orderBy('run.id', 'DESC')
        .limit(limit);
      if (type !== undefined) builder.andWhere('run.type = :type', { type });
      if (before !== undefined) builder.andWhere('run.id < :before', { before });
      if (symbol !== undefined) {
        // A subquery built by TypeORM, so the table name carries the configured schema.
        const withSymbol = builder
          .subQuery()
          .select('1')
          .from(this.entities.runSymbol, 'symbol')
          .where('symbol.runId = run.id')
          .andWhere('symbol.symbol = :symbol')
          .getQuery();
        builder.andWhere(`EXISTS ${withSymbol}`, { symbol });
      }
      const rows = await builder.getMany();
      const ids = rows.map((row) => row.id);
      const [symbols, orders] = await Promise.all([
        this.symbolsOf(this.dataSource.manager, ids),
        this.ordersOf(this.dataSource.manager, ids),
      ]);
      return rows.map((row) => ({
        ...summary(row, symbols.get(row.id) ?? []),
        orders: orders.get(row.id) ?? [],
      }));
    });
  }

  async get(id: string): Promise<RunDetail> {
    return this.lock.run(async () => {
      const manager = this.dataSource.manager;
      const row = await manager.findOneBy(this.entities.run, { id });
      if (!row) throw new AetherError('NOT_FOUND', `no run with id ${id}`, { id });
      const [symbols, metrics, orders] = await Promise.all([
        this.symbolsOf(manager, [id]),
        manager.find(this.entities.runMetric, { where: { runId: id }, order: { name: 'ASC' } }),
        this.ordersOf(manager, [id]),
      ]);
      return {
        ...summary(row, symbols.get(id) ?? []),
        result: row.result,
        spec: (row.spec ?? null) as RunDetail['spec'],
        metrics: Object.fromEntries(
          metrics.map((metric) => [metric.name, metric.value === null ? null : Number(metric.value)]),
        ),
        orders: orders.get(id) ?? [],
      };
    });
  }

  /** The orders of each run, in time order. */
  private async ordersOf(manager: EntityManager, runIds: string[]): Promise<Map<string, StoredOrder[]>> {
    const byRun = new Map<string, StoredOrder[]>();
    if (runIds.length === 0) return byRun;
    const rows = await manager.find(this.entities.executionOrder, {
      where: { runId: In(runIds) },
      order: { timestamp: 'ASC', id: 'ASC' },
    });
    for (const { runId, ...order } of rows) {
      const stored: StoredOrder = {
        ...order,
        id: Number(order.id),
        quantity: Number(order.quantity),
        price: Number(order.price),
        commission: Number(order.commission),
      };
      appendTo(byRun, runId, stored);
    }
    return byRun;
  }

  /** The symbols of each run, in the order they were given. */
  private async symbolsOf(manager: EntityManager, runIds: string[]): Promise<Map<string, string[]>> {
    const bySymbol = new Map<string, string[]>();
    if (runIds.length === 0) return bySymbol;
    const rows = await manager.find(this.entities.runSymbol, {
      where: { runId: In(runIds) },
      order: { runId: 'ASC', position: 'ASC' },
    });
    for (const row of rows) appendTo(bySymbol, row.runId, row.symbol);
    return bySymbol;
  }
}

/** Appends in place: a run may hold tens of thousands of orders, so copying its list per row would be quadratic. */
function appendTo<Item>(lists: Map<string, Item[]>, key: string, item: Item): void {
  const list = lists.get(key);
  if (list === undefined) lists.set(key, [item]);
  else list.push(item);
}

function summary(row: RunRow, symbols: string[]): RunSummary {
  return {
    id: row.id,
    createdAt: row.createdAt,
    type: row.type as RunType,
    symbols,
    period: row.period,
    interval: row.interval,
    start: row.startAt,
    end: row.endAt,
    parameters: row.parameters as Record<string, unknown>,
    finalEquity: row.finalEquity === null ? null : Number(row.finalEquity),
    ordersPlaced: Number(row.ordersPlaced),
    status: row.status as RunStatus,
    durationMs: Number(row.durationMs),
    jobId: row.jobId ?? null,
    dataHash: row.dataHash ?? null,
  };
}

/** The rows of one run in each table. */
function runRows(run: ValidNewRun): {
  run: RunRow;
  symbols: { runId: string; position: number; symbol: string }[];
  metrics: { runId: string; name: string; value: number | null }[];
  orders: ExecutionOrderRow[];
} {
  const id = run.id ?? uuidV7();
  return {
    run: {
      id,
      createdAt: run.createdAt ?? new Date(),
      type: run.type,
      period: run.period ?? null,
      interval: run.interval ?? null,
      startAt: run.start ?? null,
      endAt: run.end ?? null,
      parameters: run.parameters,
      // JSON of any shape; typed as an object only so TypeORM maps it as one column.
      result: (run.result ?? null) as object | null,
      finalEquity: run.finalEquity ?? null,
      ordersPlaced: run.ordersPlaced ?? run.orders.length,
      status: run.status,
      durationMs: run.durationMs,
      jobId: run.jobId ?? null,
      dataHash: run.dataHash ?? null,
      spec: run.spec ?? null,
    },
    symbols: run.symbols.map((symbol, position) => ({ runId: id, position, symbol })),
    metrics: Object.entries(run.metrics).map(([name, value]) => ({ runId: id, name, value })),
    orders: run.orders.map((order) => ({
      runId: id,
      symbol: order.symbol,
      side: order.side,
      quantity: order.quantity,
      price: order.price,
      commission: order.commission,
      timestamp: order.timestamp,
      clientOrderId: order.clientOrderId ?? null,
      status: order.status,
    })),
  };
}

async function insertChunked<Row extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<Row>,
  rows: readonly Row[],
  perInsert: number,
): Promise<void> {
  for (let i = 0; i < rows.length; i += perInsert) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      // JSON columns hold any value, which TypeORM's deep-partial insert type cannot express.
      .values(rows.slice(i, i + perInsert) as QueryDeepPartialEntity<Row>[])
      .updateEntity(false)
      .execute();
  }
}

import { normalizeSymbol, validate } from '@aetherquant/core';
import { z } from 'zod';

export const RUN_TYPES = ['backtest', 'papertrade', 'optimize', 'sweep', 'walk-forward'] as const;
export type RunType = (typeof RUN_TYPES)[number];
export const RUN_STATUSES = ['completed', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const ORDER_SIDES = ['buy', 'sell'] as const;

/** The most rows one list call returns. */
export const MAX_LIST_LIMIT = 1000;

const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' });
const symbol = z.string().transform((text, context) => {
  try {
    return normalizeSymbol(text);
  } catch {
    context.issues.push({ code: 'custom', message: 'must be a valid ticker', input: text });
    return z.NEVER;
  }
});

const orderSchema = z.object({
  symbol,
  side: z.enum(ORDER_SIDES),
  quantity: finite.refine((value) => value > 0, { message: 'must be positive' }),
  price: finite.refine((value) => value > 0, { message: 'must be positive' }),
  commission: finite.refine((value) => value >= 0, { message: 'must not be negative' }),
  timestamp: z.date(),
  clientOrderId: z.string().min(1).max(128).nullable().optional(),
  status: z.string().min(1).max(16),
});

const runId = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { message: 'must be a run id' });

const newRunSchema = z.object({
  /** Given by a caller that answers before the run is written (the API's batched recording); else made here. */
  id: runId.optional(),
  type: z.enum(RUN_TYPES),
  symbols: z.array(symbol).min(1).max(500),
  period: z.string().min(1).max(16).nullable().optional(),
  interval: z.string().min(1).max(8).nullable().optional(),
  start: z.date().nullable().optional(),
  end: z.date().nullable().optional(),
  parameters: z.record(z.string(), z.unknown()),
  result: z.unknown(),
  finalEquity: finite.nullable().optional(),
  ordersPlaced: z.number().int().min(0).optional(),
  status: z.enum(RUN_STATUSES).default('completed'),
  durationMs: finite.refine((value) => value >= 0, { message: 'must not be negative' }),
  metrics: z.record(z.string().min(1).max(64), finite.nullable()).default({}),
  orders: z.array(orderSchema).default([]),
  createdAt: z.date().optional(),
});

export type OrderRecord = z.input<typeof orderSchema>;
/** A run to record: what it was (type, symbols, period, parameters) and what came of it. */
export type NewRun = z.input<typeof newRunSchema>;
export type ValidNewRun = z.output<typeof newRunSchema>;

export function validateNewRun(run: NewRun): ValidNewRun {
  return validate(newRunSchema, run, { context: 'run to record' });
}

const newRunsSchema = z.array(newRunSchema);

/** Every run of a batch, or an INVALID_ARGUMENT naming each bad one's field by its index (`[3].durationMs`). */
export function validateNewRuns(runs: NewRun[]): ValidNewRun[] {
  return validate(newRunsSchema, runs, { context: 'runs to record' });
}

export interface StoredOrder {
  id: number;
  symbol: string;
  side: string;
  quantity: number;
  price: number;
  commission: number;
  timestamp: Date;
  clientOrderId: string | null;
  status: string;
}

/** A run as lists show it: everything but its result, metrics and orders. */
export interface RunSummary {
  id: string;
  createdAt: Date;
  type: RunType;
  symbols: string[];
  period: string | null;
  interval: string | null;
  start: Date | null;
  end: Date | null;
  parameters: Record<string, unknown>;
  finalEquity: number | null;
  ordersPlaced: number;
  status: RunStatus;
  durationMs: number;
}

/** A run as lists show it, with the orders it placed. */
export interface ListedRun extends RunSummary {
  orders: StoredOrder[];
}

export interface RunDetail extends ListedRun {
  result: unknown;
  metrics: Record<string, number | null>;
}

export interface ListRunsQuery {
  /** 1 to 1000; default 20. */
  limit?: number;
  type?: RunType;
  symbol?: string;
  /** A run id: list the runs recorded before it (newest first), to page through. */
  before?: string;
}

const listRunsSchema = z.object({
  limit: z.number().int().min(1).max(MAX_LIST_LIMIT).default(20),
  type: z.enum(RUN_TYPES).optional(),
  symbol: symbol.optional(),
  before: runId.optional(),
});

export function validateListRuns(query: ListRunsQuery): z.output<typeof listRunsSchema> {
  return validate(listRunsSchema, query, { context: 'runs query' });
}

/** One API request, as the audit log keeps it. */
export interface NewAuditEvent {
  createdAt?: Date;
  method: string;
  path: string;
  statusCode: number;
  requestId: string;
  actorRole?: string | null;
  durationMs: number;
  clientIp?: string | null;
}

export interface AuditEvent {
  id: number;
  createdAt: Date;
  method: string;
  path: string;
  statusCode: number;
  requestId: string;
  actorRole: string | null;
  durationMs: number;
  clientIp: string | null;
}

const auditEventSchema = z.object({
  createdAt: z.date().optional(),
  method: z.string().min(1).max(10),
  // Paths are cut rather than refused: an audit record must never fail because a client sent a long URL.
  path: z.string().transform((path) => path.slice(0, 2048)),
  statusCode: z.number().int().min(100).max(599),
  // The API echoes a caller's X-Request-ID of up to 128 characters.
  requestId: z.string().min(1).max(128),
  actorRole: z.string().max(16).nullable().optional(),
  durationMs: finite.refine((value) => value >= 0, { message: 'must not be negative' }),
  clientIp: z.string().max(64).nullable().optional(),
});

export type ValidAuditEvent = z.output<typeof auditEventSchema>;

export function validateAuditEvent(event: NewAuditEvent): ValidAuditEvent {
  return validate(auditEventSchema, event, { context: 'audit event' });
}

const auditEventsSchema = z.array(auditEventSchema);

/** Every event of a batch, or an INVALID_ARGUMENT naming each bad one's field by its index (`[3].statusCode`). */
export function validateAuditEvents(events: NewAuditEvent[]): ValidAuditEvent[] {
  return validate(auditEventsSchema, events, { context: 'audit events' });
}

export interface ListAuditQuery {
  /** 1 to 1000; default 100. */
  limit?: number;
  /** An event id: list the events recorded before it (newest first). */
  before?: number;
}

const listAuditSchema = z.object({
  limit: z.number().int().min(1).max(MAX_LIST_LIMIT).default(100),
  before: z.number().int().positive().optional(),
});

export function validateListAudit(query: ListAuditQuery): z.output<typeof listAuditSchema> {
  return validate(listAuditSchema, query, { context: 'audit query' });
}

export interface RunStore {
  /** Records a run with its symbols, metrics and orders in one transaction; all of it lands, or none. */
  record(run: NewRun): Promise<RunDetail>;
  /**
   * Records several runs in one transaction with multi-row inserts (all land, or none) and returns their ids
   * in order: the cheap way to write many, as a server batching its recordings does.
   */
  recordMany(runs: NewRun[]): Promise<string[]>;
  /** Runs newest first, optionally of one type or with one symbol, paged with `before`. */
  list(query?: ListRunsQuery): Promise<ListedRun[]>;
  /** One run with its result, metrics and orders; NOT_FOUND when there is none with that id. */
  get(id: string): Promise<RunDetail>;
}

export interface AuditStore {
  record(event: NewAuditEvent): Promise<AuditEvent>;
  /**
   * Records a batch of events in one transaction, in the order given, and returns how many it wrote. Every
   * event is validated first: one bad event writes none of them. An empty list writes nothing and returns 0.
   */
  recordMany(events: NewAuditEvent[]): Promise<number>;
  /** Events newest first, paged with `before`. */
  list(query?: ListAuditQuery): Promise<AuditEvent[]>;
}

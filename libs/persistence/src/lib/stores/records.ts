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
  /** Set when the run records a job's result: the job's id and the hash of the data it read. */
  jobId: z
    .string()
    .regex(/^job-[0-9a-f]{32}$/)
    .nullable()
    .optional(),
  dataHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable()
    .optional(),
  /** What reruns it: the use case and its request, everything the run resolved pinned (see RunSpec). */
  spec: z
    .object({
      use_case: z.string().min(1).max(64),
      request: z.record(z.string(), z.unknown()),
      strategy_file: z.string().min(1).max(4096).optional(),
    })
    .nullable()
    .optional(),
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
  jobId: string | null;
  dataHash: string | null;
}

/** A run as lists show it, with the orders it placed. */
export interface ListedRun extends RunSummary {
  orders: StoredOrder[];
}

/** A run's full spec: its use case and the request that reruns it to the same figures. */
export interface RunSpec {
  use_case: string;
  request: Record<string, unknown>;
  /** The file its strategy came from (the CLI's `--strategy-file`), when it came from one. */
  strategy_file?: string;
}

export interface RunDetail extends ListedRun {
  result: unknown;
  metrics: Record<string, number | null>;
  /** Null for runs recorded before specs were kept. */
  spec: RunSpec | null;
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

/**
 * The most characters each audit column keeps. A longer value is clipped with a marker, never refused: an
 * audit record must not be lost because a client sent a long URL, header or method. The path keeps far less
 * than its column could (2048): a flood of long paths must not grow the log by kilobytes per row.
 */
export const AUDIT_TEXT_LIMITS = {
  method: 10,
  path: 512,
  requestId: 128,
  actorRole: 16,
  clientIp: 64,
  keyName: 64,
} as const;

/**
 * `text` cut to at most `max` characters, ending in a marker that says it was cut and how long it was
 * (`/api/aaaa…(2000 chars)`); a bare `…` where the field is too short for that. Text within `max` is kept
 * as it is. Never splits a UTF-16 surrogate pair.
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const described = `…(${text.length} chars)`;
  const marker = described.length * 2 <= max ? described : '…';
  let kept = Math.max(0, max - marker.length);
  const last = text.charCodeAt(kept - 1);
  if (kept > 0 && last >= 0xd800 && last <= 0xdbff) kept--;
  return text.slice(0, kept) + marker;
}

/** One API request (or a run of identical refused ones, coalesced), as the audit log keeps it. */
export interface NewAuditEvent {
  /** When the (first) request arrived. */
  createdAt?: Date;
  /** When the last request of a coalesced run arrived; `createdAt` for a single request. */
  lastAt?: Date;
  /** How many identical requests this event stands for; 1 unless coalesced. */
  count?: number;
  method: string;
  path: string;
  statusCode: number;
  requestId: string;
  actorRole?: string | null;
  /** The name of the API key the caller presented (`trader`, `admin`, or a keys-file name). */
  keyName?: string | null;
  durationMs: number;
  clientIp?: string | null;
}

export interface AuditEvent {
  id: number;
  createdAt: Date;
  lastAt: Date;
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

/** Text clipped to its column (see AUDIT_TEXT_LIMITS); `min` characters still required. */
const clipped = (field: keyof typeof AUDIT_TEXT_LIMITS, min = 0) =>
  z
    .string()
    .min(min)
    .transform((text) => clipText(text, AUDIT_TEXT_LIMITS[field]));

const auditEventSchema = z
  .object({
    createdAt: z.date().optional(),
    lastAt: z.date().optional(),
    count: z.number().int().min(1).default(1),
    method: clipped('method', 1),
    path: clipped('path'),
    statusCode: z.number().int().min(100).max(599),
    requestId: clipped('requestId', 1),
    actorRole: clipped('actorRole').nullable().optional(),
    keyName: clipped('keyName').nullable().optional(),
    durationMs: finite.refine((value) => value >= 0, { message: 'must not be negative' }),
    clientIp: clipped('clientIp').nullable().optional(),
  })
  .refine((event) => !event.lastAt || !event.createdAt || event.lastAt >= event.createdAt, {
    message: 'must not be before createdAt',
    path: ['lastAt'],
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

/** What `AuditStore.prune` deletes: events older than a date, and all but the newest rows. */
export interface PruneAuditQuery {
  /** Delete events that arrived before this time. */
  olderThan?: Date;
  /** Keep at most this many events (the newest); 0 deletes them all. */
  keepRows?: number;
}

const pruneAuditSchema = z.object({
  olderThan: z.date().optional(),
  keepRows: z.number().int().min(0).optional(),
});

export function validatePruneAudit(query: PruneAuditQuery): z.output<typeof pruneAuditSchema> {
  return validate(pruneAuditSchema, query, { context: 'audit prune' });
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
  /**
   * Deletes events older than `olderThan` and all but the newest `keepRows`, a chunk at a time (other
   * writers are not held up for long), and returns how many it deleted. With neither given it deletes none.
   */
  prune(query: PruneAuditQuery): Promise<{ deleted: number }>;
}

import { z } from 'zod';

/** The run types that are recorded. */
export const RECORDED_RUN_TYPES = ['backtest', 'papertrade', 'optimize', 'sweep', 'walk-forward'] as const;
export type RecordedRunType = (typeof RECORDED_RUN_TYPES)[number];
/** The most rows a list request returns. */
export const MAX_HISTORY_LIMIT = 1000;
/** The runs a list request returns when it names no `limit`. */
export const DEFAULT_RUNS_LIMIT = 20;
/** The audit events a list request returns when it names no `limit`. */
export const DEFAULT_AUDIT_LIMIT = 100;

/** Input of `db runs` / `GET /api/runs`: newest first, optionally of one type or with one symbol. */
export const listRunsRequestSchema = z
  .object({
    limit: z.number().int().min(1).max(MAX_HISTORY_LIMIT).default(DEFAULT_RUNS_LIMIT),
    type: z.enum(RECORDED_RUN_TYPES).optional(),
    symbol: z.string().min(1).optional(),
    /** A run id: the runs recorded before it, to page through. */
    before: z.string().min(1).optional(),
  })
  .strict();

/** Input of `GET /api/runs/:id`. */
export const getRunRequestSchema = z.object({ id: z.string().min(1) }).strict();

/** Input of `db audit` / `GET /api/audit`: newest first. */
export const listAuditRequestSchema = z
  .object({
    limit: z.number().int().min(1).max(MAX_HISTORY_LIMIT).default(DEFAULT_AUDIT_LIMIT),
    /** An event id: the events recorded before it. */
    before: z.number().int().positive().optional(),
  })
  .strict();

/** Input of `db init`: nothing but the database the settings name. */
export const initDatabaseRequestSchema = z.object({}).strict();

export type ListRunsRequest = z.output<typeof listRunsRequestSchema>;
export type ListAuditRequest = z.output<typeof listAuditRequestSchema>;

import { type Settings } from '@aetherquant/core';
import { type NewAuditEvent, type NewRun } from '@aetherquant/workflows/server';
import { type JobEngine } from '@aetherquant/workflows/jobs';
import { type BatchWriter } from '../recording/batch-writer';
import { type KeyRing } from '../common/auth/api-keys';
import { type JsonLogger } from '../common/logging/json-logger';
import { type DatabaseConnection } from '../database/database-connection';
import { type ComputePool } from '../compute/compute-pool';
import { type RateLimitStorage } from '../server/rate-limit-storage';

/** Everything the Nest app is built around, made once at start-up (see createApiApp). */
export interface ApiRuntime {
  readonly settings: Settings;
  readonly version: string;
  readonly logger: JsonLogger;
  readonly keys: KeyRing;
  /** Absent when persistence is off (`AETHERQ_DATABASE_URL=none`). */
  readonly database?: DatabaseConnection;
  /** Both absent when persistence is off. */
  readonly audit?: BatchWriter<NewAuditEvent>;
  /** Runs committed in batches (group commit) before their report is answered. */
  readonly runs?: BatchWriter<NewRun>;
  /** The threads requests compute on, off the event loop. */
  readonly compute: ComputePool;
  /** Strategy modules offered besides the built-ins; each compute thread loads them too. */
  readonly strategyModules: readonly string[];
  /** Where jobs go: BullMQ on Redis when `AETHERQ_REDIS_URL` is set (shared by every instance), else this process. */
  readonly jobs: JobEngine;
  /** The rate limits' counters: in Redis when it is set (one budget per caller across instances), else here. */
  readonly rateLimits: RateLimitStorage;
}

/** The injection token of the runtime. */
export const API_RUNTIME = Symbol('ApiRuntime');

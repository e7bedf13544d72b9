import { type Settings } from '@aetherquant/core';
import { type AuditWriter } from '../audit/audit-writer';
import { type KeyRing } from '../common/auth/api-keys';
import { type JsonLogger } from '../common/logging/json-logger';
import { type DatabaseConnection } from '../database/database-connection';

/** Everything the Nest app is built around, made once at start-up (see createApiApp). */
export interface ApiRuntime {
  readonly settings: Settings;
  readonly version: string;
  readonly logger: JsonLogger;
  readonly keys: KeyRing;
  /** Absent when persistence is off (`AETHERQ_DATABASE_URL=none`). */
  readonly database?: DatabaseConnection;
  readonly audit?: AuditWriter;
}

/** The injection token of the runtime. */
export const API_RUNTIME = Symbol('ApiRuntime');

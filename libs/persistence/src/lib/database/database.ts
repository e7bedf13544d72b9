import { type AuditStore, type RunStore } from '../stores/records';
import { type Dialect } from './database-url';

/** An open database: the run and audit stores, a health check, and `close`. */
export interface Database {
  readonly dialect: Dialect;
  /** `PostgreSQL host:5432/db` or `SQLite path`: never the password. */
  readonly description: string;
  readonly runs: RunStore;
  readonly audit: AuditStore;
  /** Resolves when the database answers a trivial query; UNAVAILABLE otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

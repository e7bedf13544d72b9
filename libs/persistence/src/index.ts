// The public API of @aetherquant/persistence: the database (runs, orders, audit log), its URL, and run ids.
// TypeORM and the database drivers load only when a database is opened (see openDatabase), so importing this
// package costs nothing. The API report (api/persistence.api.md) shows the surface.

export { initDatabase, openDatabase, type OpenDatabaseOptions } from './lib/database/open-database';
export { type Database } from './lib/database/database';
export {
  describeTarget,
  parseDatabaseUrl,
  type DatabaseTarget,
  type Dialect,
} from './lib/database/database-url';
export { uuidV7 } from './lib/ids/uuid-v7';
export {
  AUDIT_TEXT_LIMITS,
  clipText,
  MAX_LIST_LIMIT,
  ORDER_SIDES,
  RUN_STATUSES,
  RUN_TYPES,
  type AuditEvent,
  type AuditStore,
  type ListAuditQuery,
  type ListedRun,
  type ListRunsQuery,
  type NewAuditEvent,
  type NewRun,
  type OrderRecord,
  type PruneAuditQuery,
  type RunDetail,
  type RunSpec,
  type RunStatus,
  type RunStore,
  type RunSummary,
  type RunType,
  type StoredOrder,
} from './lib/stores/records';

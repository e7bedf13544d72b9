// The public API of @aetherquant/persistence. TypeORM and the database drivers load only when a database
// is opened (see openDatabase), so importing this package costs nothing.

export { initDatabase, openDatabase, type OpenDatabaseOptions } from './lib/database/open-database';
export { type Database } from './lib/database/database';
export {
  describeTarget,
  parseDatabaseUrl,
  redactSecrets,
  type DatabaseTarget,
  type Dialect,
} from './lib/database/database-url';
export { uuidV7, UUID_PATTERN } from './lib/ids/uuid-v7';
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
  type RunStatus,
  type RunStore,
  type RunSummary,
  type RunType,
  type StoredOrder,
} from './lib/stores/records';

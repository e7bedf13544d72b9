// `@aetherquant/workflows/server`: what a long-running app (the API) opens once and keeps between requests,
// the database and the recent-bars cache. A second entry point rather than part of the main one because
// loading these values loads persistence and data (and node:crypto), which a CLI command never needs: the
// main entry stays cheap to load, and the API still reaches the libraries only through workflows.

export {
  AUDIT_TEXT_LIMITS,
  clipText,
  openDatabase,
  type AuditStore,
  type Database,
  type NewAuditEvent,
  type NewRun,
} from '@aetherquant/persistence';
export { RecentBars, type RecentBarsOptions, type RecentBarsStats } from '@aetherquant/data';

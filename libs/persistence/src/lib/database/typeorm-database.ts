import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { AetherError } from '@aetherquant/core';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { InitialSchema1732147200000 } from '../migrations/1732147200000-initial-schema';
import { AuditRequestId1281763683200000 } from '../migrations/1763683200000-audit-request-id-128';
import { AuditCoalescingAndKeyName1763769600000 } from '../migrations/1763769600000-audit-coalescing-and-key-name';
import { RunJobAndDataHash1764720000000 } from '../migrations/1764720000000-run-job-and-data-hash';
import { RunSpec1764806400000 } from '../migrations/1764806400000-run-spec';
import { entitiesFor } from '../schema/entities';
import { TypeormAuditStore } from '../stores/typeorm-audit-store';
import { TypeormRunStore } from '../stores/typeorm-run-store';
import { type DatabaseTarget, describeTarget, redactSecrets } from './database-url';
import { type Database } from './database';
import { ExclusiveLock, NO_LOCK } from './exclusive-lock';

/** Every migration, oldest first. One set serves SQLite and PostgreSQL. */
export const MIGRATIONS = [
  InitialSchema1732147200000,
  AuditRequestId1281763683200000,
  AuditCoalescingAndKeyName1763769600000,
  RunJobAndDataHash1764720000000,
  RunSpec1764806400000,
];
const MIGRATIONS_TABLE = 'aetherquant_migrations';
/** A fixed key for PostgreSQL's advisory lock, held while migrating, so concurrent first uses take turns. */
const MIGRATION_LOCK_KEY = 7_413_095_201;
/** How long SQLite waits for another process's write lock before it reports the database busy. */
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

function dataSourceOptions(target: DatabaseTarget): DataSourceOptions {
  const entities = Object.values(entitiesFor(target.dialect));
  const common = {
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    synchronize: false,
    logging: false,
  } as const;
  if (target.dialect === 'sqlite') {
    const inMemory = target.path === ':memory:';
    return {
      ...common,
      type: 'sqlite',
      database: target.path,
      enableWAL: !inMemory,
      busyTimeout: SQLITE_BUSY_TIMEOUT_MS,
      driver: untracedSqlite(),
    };
  }
  return {
    ...common,
    type: 'postgres',
    host: target.host,
    port: target.port,
    database: target.database,
    username: target.user,
    password: target.password,
    schema: target.schema,
    ssl: target.ssl ? { rejectUnauthorized: false } : false,
    applicationName: 'aetherquant',
    connectTimeoutMS: 10_000,
    extra: { max: 10 },
  };
}

/**
 * The sqlite3 module as TypeORM's driver, minus its debugging mode. TypeORM calls `sqlite3.verbose()`, which
 * wraps every statement to capture a stack trace and `util.inspect` its parameters (a run's whole JSON
 * result): most of the cost of recording a run. Our errors name the database and the statement's purpose
 * already, so the long traces add nothing worth that.
 */
function untracedSqlite(): object {
  // Loaded with TypeORM, on first use (this module is itself imported only when a database is opened).
  const sqlite3 = require('sqlite3') as object;
  return Object.create(sqlite3, { verbose: { value: () => sqlite3 } }) as object;
}

/**
 * Connects to the target and, unless `migrate` is false, applies the migrations it lacks (re-running is a
 * no-op). A connection failure is UNAVAILABLE naming the host and database, never the password.
 */
export async function connectDatabase(
  target: DatabaseTarget,
  options: { migrate: boolean },
): Promise<Database & { applied: string[] }> {
  if (target.dialect === 'sqlite' && target.path !== ':memory:') {
    await mkdir(dirname(resolve(target.path)), { recursive: true });
  }
  const dataSource = new DataSource(dataSourceOptions(target));
  await guard(target, 'connect to', () => dataSource.initialize());
  if (target.dialect === 'sqlite' && target.path !== ':memory:') {
    // In WAL mode NORMAL never corrupts the file; it skips the fsync per commit (a power cut may lose the
    // last commits, not the database), which makes each recorded run several times cheaper.
    await guard(target, 'configure', () => dataSource.query('PRAGMA synchronous = NORMAL'));
  }
  try {
    if (target.dialect === 'postgres' && target.schema) {
      await guard(target, 'create the schema of', () =>
        dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${target.schema}"`),
      );
    }
    const applied = options.migrate ? await guard(target, 'migrate', () => migrate(dataSource, target)) : [];
    const entities = entitiesFor(target.dialect);
    const lock = target.dialect === 'sqlite' ? new ExclusiveLock() : NO_LOCK;
    const safe = <T>(task: () => Promise<T>) => guard(target, 'use', task);
    const runs = new TypeormRunStore(dataSource, entities, lock);
    const audit = new TypeormAuditStore(dataSource, entities, lock);
    return {
      dialect: target.dialect,
      description: describeTarget(target),
      applied,
      runs: {
        record: (run) => safe(() => runs.record(run)),
        recordMany: (batch) => safe(() => runs.recordMany(batch)),
        list: (query) => safe(() => runs.list(query)),
        get: (id) => safe(() => runs.get(id)),
      },
      audit: {
        record: (event) => safe(() => audit.record(event)),
        recordMany: (events) => safe(() => audit.recordMany(events)),
        list: (query) => safe(() => audit.list(query)),
        prune: (query) => safe(() => audit.prune(query)),
      },
      ping: () => safe(async () => void (await lock.run(() => dataSource.query('SELECT 1')))),
      close: () => dataSource.destroy(),
    };
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
}

/** Applies pending migrations, holding a lock so that concurrent first uses do not collide. */
async function migrate(dataSource: DataSource, target: DatabaseTarget): Promise<string[]> {
  if (target.dialect === 'postgres') {
    const runner = dataSource.createQueryRunner();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      return (await dataSource.runMigrations({ transaction: 'each' })).map((migration) => migration.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
      await runner.release();
    }
  }
  try {
    return (await dataSource.runMigrations({ transaction: 'each' })).map((migration) => migration.name);
  } catch (error) {
    // Another process migrated the same SQLite file first: fine, as long as nothing is left to apply.
    if (!(await dataSource.showMigrations())) return [];
    throw error;
  }
}

/**
 * Runs a database task, turning driver failures into AetherErrors whose messages name the database (host,
 * port, name) but never its password. Our own errors (a bad request, a missing run) pass through.
 */
async function guard<T>(target: DatabaseTarget, action: string, task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    if (error instanceof AetherError) throw error;
    const reason = redactSecrets(error instanceof Error ? error.message : String(error), target);
    const code = isConnectionFailure(error) ? 'UNAVAILABLE' : 'INTERNAL';
    throw new AetherError(code, `cannot ${action} ${describeTarget(target)}: ${reason}`, {
      database: describeTarget(target),
    });
  }
}

/** Failures that mean the database cannot be reached or opened, as opposed to a bad statement. */
function isConnectionFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const connectionCodes = [
    'ECONNREFUSED',
    'ENOTFOUND',
    'ETIMEDOUT',
    'EHOSTUNREACH',
    'ECONNRESET',
    'EAI_AGAIN',
    'SQLITE_CANTOPEN',
    'SQLITE_BUSY',
  ];
  // PostgreSQL: 08xxx connection exceptions, 28xxx authorisation, 3D000 unknown database, 57P0x shutdown.
  return (
    (typeof code === 'string' && (connectionCodes.includes(code) || /^(08|28|3D|57P)/.test(code))) ||
    /timeout|terminated|Connection terminated/i.test(error instanceof Error ? error.message : '')
  );
}

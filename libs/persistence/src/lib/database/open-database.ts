import { type Database } from './database';
import { parseDatabaseUrl } from './database-url';

export interface OpenDatabaseOptions {
  /** Apply missing migrations on open (default true: the first use creates the schema). */
  migrate?: boolean;
}

/**
 * Opens the database a URL names (see {@link parseDatabaseUrl}), creating a SQLite file and its folder on
 * demand, and applying missing migrations. TypeORM and the drivers are loaded here, on first use, so
 * programs that never touch the database never pay for loading them.
 */
export async function openDatabase(url: string, options: OpenDatabaseOptions = {}): Promise<Database> {
  const target = parseDatabaseUrl(url);
  const { connectDatabase } = await import('./typeorm-database');
  return connectDatabase(target, { migrate: options.migrate ?? true });
}

/** Creates or upgrades the schema, then closes; returns the names of the migrations it applied (none when current). */
export async function initDatabase(url: string): Promise<{ applied: string[]; description: string }> {
  const target = parseDatabaseUrl(url);
  const { connectDatabase } = await import('./typeorm-database');
  const database = await connectDatabase(target, { migrate: true });
  await database.close();
  return { applied: database.applied, description: database.description };
}

import { AetherError } from '@aetherquant/core';
import { type Database, openDatabase } from '@aetherquant/persistence';
import { type WorkflowContext } from '../workflow/workflow-context';

/**
 * Runs `task` on the app's open database when it has one (the API keeps one open), or on the one the
 * settings name, opened for the task and closed after (the CLI). Persistence turned off
 * (`AETHERQ_DATABASE_URL=none`) is a bad argument naming the setting.
 */
export async function withDatabase<T>(
  context: WorkflowContext,
  task: (database: Database) => Promise<T>,
): Promise<T> {
  if (context.database) return task(context.database);
  const url = context.settings.databaseUrl;
  if (url === null) {
    throw AetherError.invalid([
      { field: 'database_url', rule: 'is none: persistence is turned off (set AETHERQ_DATABASE_URL)' },
    ]);
  }
  const database = await openDatabase(url);
  try {
    return await task(database);
  } finally {
    await database.close();
  }
}

import { type NewRun } from '@aetherquant/persistence';
import { withDatabase } from '../history/with-database';
import { type WorkflowContext } from '../workflow/workflow-context';

/**
 * Records a finished run in the app's database (or the settings' one) and returns its id; with
 * persistence turned off (`AETHERQ_DATABASE_URL=none`) records nothing and returns undefined.
 */
export async function recordRun(context: WorkflowContext, run: NewRun): Promise<string | undefined> {
  if (!context.database && context.settings.databaseUrl === null) return undefined;
  return withDatabase(context, async (database) => (await database.runs.record(run)).id);
}

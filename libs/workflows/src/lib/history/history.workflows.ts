import { type AuditReport, type RunDetailView, type RunsReport } from '@aetherquant/core';
import { defineWorkflow } from '../workflow/workflow';
import { auditEventView, listedRunView, runDetailView } from './history-views';
import { withDatabase } from './with-database';

/** `db init`: creates or upgrades the schema of the settings' database (a no-op when current). */
export const initDatabaseWorkflow = defineWorkflow('initDatabase', {
  async run(_request, context): Promise<{ status: 'ok'; database: string }> {
    // Opening applies the missing migrations.
    return withDatabase(context, async (database) => {
      await database.ping();
      return { status: 'ok', database: database.description };
    });
  },
});

/** `db runs` / `GET /api/runs`: recorded runs, newest first. */
export const listRunsWorkflow = defineWorkflow('runs', {
  async run(request, context): Promise<RunsReport> {
    return withDatabase(context, async (database) => ({
      runs: (await database.runs.list(request)).map(listedRunView),
    }));
  },
});

/** `GET /api/runs/:id`: one run with its result, metrics and orders. */
export const getRunWorkflow = defineWorkflow('run', {
  async run(request, context): Promise<RunDetailView> {
    return withDatabase(context, async (database) => runDetailView(await database.runs.get(request.id)));
  },
});

/** `db audit` / `GET /api/audit`: API requests, newest first. */
export const listAuditWorkflow = defineWorkflow('audit', {
  async run(request, context): Promise<AuditReport> {
    return withDatabase(context, async (database) => ({
      events: (await database.audit.list(request)).map(auditEventView),
    }));
  },
});

import { AetherError, type RecordingFields } from '@aetherquant/core';
import { type NewRun, uuidV7 } from '@aetherquant/persistence';
import { withDatabase } from '../history/with-database';
import { type WorkflowContext } from '../workflow/workflow-context';

/** What recording a run came to: its id, nothing (persistence off), or why it could not be recorded. */
export interface RunRecording {
  runId?: string;
  /** Set only under best-effort recording, when the database could not take the run. */
  warning?: string;
}

/**
 * Records a finished run in the app's database (or the settings' one) and returns its id; with
 * persistence turned off (`AETHERQ_DATABASE_URL=none`) records nothing. Under `recording: 'best-effort'`
 * (the API), a database that is unreachable or failing (UNAVAILABLE, INTERNAL) yields a warning instead of
 * an error: the caller computed the report, and losing its history is better than losing the answer. With
 * `deferRun` (the API) the run is handed over to be written later, under an id made here.
 */
export async function recordRun(context: WorkflowContext, run: NewRun): Promise<RunRecording> {
  if (!context.database && context.settings.databaseUrl === null) return {};
  if (context.deferRun) {
    const id = uuidV7();
    return context.deferRun({ ...run, id, createdAt: run.createdAt ?? new Date() })
      ? { runId: id }
      : {
          warning: 'run not recorded: the recorder did not take it (too many runs waiting, or shutting down)',
        };
  }
  try {
    return { runId: await withDatabase(context, async (database) => (await database.runs.record(run)).id) };
  } catch (error) {
    const tolerated =
      context.recording === 'best-effort' &&
      error instanceof AetherError &&
      (error.code === 'UNAVAILABLE' || error.code === 'INTERNAL');
    if (!tolerated) throw error;
    return { warning: `run not recorded: ${error.message}` };
  }
}

/**
 * The report with what recording came to: `run_id` placed before the key `before` (where each report has
 * always shown it) or last, then `warnings` last. Every workflow that records a run finishes through here.
 */
export function withRecording<Report extends object>(
  report: Report,
  recording: RunRecording,
  before?: keyof Report,
): Report & RecordingFields {
  const entries = Object.entries(report);
  if (recording.runId !== undefined) {
    const at = before === undefined ? -1 : entries.findIndex(([key]) => key === before);
    entries.splice(at === -1 ? entries.length : at, 0, ['run_id', recording.runId]);
  }
  if (recording.warning !== undefined) entries.push(['warnings', [recording.warning]]);
  return Object.fromEntries(entries) as Report & RecordingFields;
}

import { AetherError, type RunDetailView, type RunReport } from '@aetherquant/core';
import { equityCsv, renderTearsheet, tradesCsv } from '@aetherquant/tearsheet';
import { getRunWorkflow } from '../history/history.workflows';
import { defineWorkflow } from '../workflow/workflow';
import { replayDifferences, replayRun } from './replay-run';
import { runTearsheetInput } from './run-tearsheet';

/** This package's version, read beside the built file (dist/) or the source (src/), both three folders down. */
const VERSION = (require('../../../package.json') as { version: string }).version;

/**
 * `aetherquant report RUN_ID` / `GET /api/runs/:id/report`: a recorded run as one self-contained HTML page,
 * or one of its tables as CSV. The figures are the recorded ones; curves, trades and weights come from a rerun
 * of the run's spec (see replayRun), compared with the record so a page never hides that the data changed.
 */
export const runReportWorkflow = defineWorkflow('runReport', {
  async run(request, context): Promise<RunReport> {
    const run = await getRunWorkflow.run({ id: request.id }, context);
    const replay = run.spec === null ? null : await replayRun(run.spec, context);
    const recorded = (run.result ?? {}) as Readonly<Record<string, unknown>>;
    const differences = replay?.ok ? replayDifferences(recorded, replay.report) : [];
    const input = runTearsheetInput(run, {
      replay,
      differences,
      versions: { '@aetherquant/workflows': VERSION, node: process.version },
      generatedAt: new Date(context.now?.() ?? Date.now()).toISOString(),
    });
    const warnings = input.warnings ?? [];
    const base = `report-${safeName(run.id)}`;
    if (request.format === 'html') {
      return document(run, 'html', undefined, `${base}.html`, renderTearsheet(input), warnings);
    }
    const table = request.table ?? 'trades';
    const content =
      table === 'trades'
        ? input.trades && tradesCsv(input.trades, input.interval)
        : input.series && equityCsv(input.series, input.interval);
    if (content === undefined) {
      const why =
        warnings.find((w) => w.startsWith('No curves')) ??
        `a ${run.type} run ${table === 'trades' ? 'lists no trades of its own (its page shows what it recorded)' : 'draws no curve'}`;
      throw new AetherError('DATA_UNAVAILABLE', `run ${run.id} has no ${table} to export: ${why}`);
    }
    return document(run, 'csv', table, `${base}-${table}.csv`, content, warnings);
  },
});

function document(
  run: RunDetailView,
  format: 'html' | 'csv',
  table: 'trades' | 'equity' | undefined,
  filename: string,
  content: string,
  warnings: readonly string[],
): RunReport {
  return {
    run_id: run.id,
    format,
    ...(table === undefined ? {} : { table }),
    media_type: format === 'html' ? 'text/html; charset=utf-8' : 'text/csv; charset=utf-8',
    filename,
    content,
    warnings: [...warnings],
  };
}

/** A run id as it may appear in a file name and a header: its letters, digits and dashes only. */
function safeName(id: string): string {
  return id.replace(/[^A-Za-z0-9-]/g, '_');
}

import { type AuditEventView, type AuditReport, type RunsReport } from '@aetherquant/core';
import { formatCount, formatDuration, formatMoney, formatTime, formatWindow } from '@aetherquant/core';
import { type ReportRenderer } from '../report-renderer';
import { renderTable } from '../table';
import { blocks, lines } from './report-parts';

type ListedRun = RunsReport['runs'][number];

/** What a run ran: its strategy, or its optimiser's method. */
function runOf(run: ListedRun): string {
  const { strategy, method, allocation } = run.parameters;
  const named = [strategy, method, allocation].find((value): value is string => typeof value === 'string');
  return named ?? '';
}

/** The line that pages on: the same command, before the last one listed. */
function nextPage(command: string, lastId: string | number | undefined): string | undefined {
  return lastId === undefined ? undefined : `Older: aetherquant ${command} --before ${lastId}`;
}

/** `db runs`: recorded runs, newest first, one a line. */
export const runsRenderer: ReportRenderer<RunsReport> = {
  script: 'json-line',
  human({ runs }, terminal) {
    if (runs.length === 0) return 'No recorded runs.';
    return blocks(
      renderTable<ListedRun>(
        [
          { header: 'Run', cell: (run) => run.id },
          { header: 'Recorded (UTC)', cell: (run) => formatTime(run.created_at, 'minutes') },
          { header: 'Type', cell: (run) => run.type },
          { header: 'Symbols', cell: (run) => run.symbols.join(','), overflow: 'truncate' },
          { header: 'Strategy', cell: runOf, overflow: 'truncate', drop: 1 },
          {
            header: 'Window',
            cell: (run) => (run.start === null ? (run.period ?? '') : formatWindow(run.start, run.end)),
            drop: 2,
          },
          { header: 'Final equity', cell: (run) => formatMoney(run.final_equity), align: 'right' },
          { header: 'Orders', cell: (run) => formatCount(run.orders_placed), align: 'right', drop: 3 },
          { header: 'Took', cell: (run) => formatDuration(run.duration_ms), align: 'right', drop: 4 },
        ],
        runs,
        terminal,
      ),
      lines(
        `${formatCount(runs.length)} ${runs.length === 1 ? 'run' : 'runs'}, newest first`,
        nextPage('db runs', runs.at(-1)?.id),
      ),
    );
  },
};

/** `db audit`: API requests, newest first, one a line (a run of identical refused ones as one, ×N). */
export const auditRenderer: ReportRenderer<AuditReport> = {
  script: 'json-line',
  human({ events }, terminal) {
    if (events.length === 0) return 'No audit events.';
    const { style } = terminal;
    return blocks(
      renderTable<AuditEventView>(
        [
          { header: 'Id', cell: (event) => String(event.id), align: 'right' },
          { header: 'Time (UTC)', cell: (event) => formatTime(event.created_at) },
          { header: 'Method', cell: (event) => event.method },
          { header: 'Path', cell: (event) => event.path, overflow: 'truncate' },
          {
            header: 'Status',
            cell: (event) =>
              event.status_code >= 400
                ? style.negative(String(event.status_code))
                : String(event.status_code),
            align: 'right',
          },
          {
            header: 'Count',
            cell: (event) => (event.count > 1 ? `×${formatCount(event.count)}` : ''),
            align: 'right',
          },
          { header: 'Role', cell: (event) => event.actor_role ?? '', drop: 2 },
          { header: 'Key', cell: (event) => event.key_name ?? '', drop: 1 },
          { header: 'Took', cell: (event) => formatDuration(event.duration_ms), align: 'right', drop: 3 },
          { header: 'Client', cell: (event) => event.client_ip ?? '', drop: 4 },
        ],
        events,
        terminal,
      ),
      lines(
        `${formatCount(events.length)} ${events.length === 1 ? 'event' : 'events'}, newest first`,
        nextPage('db audit', events.at(-1)?.id),
      ),
    );
  },
};

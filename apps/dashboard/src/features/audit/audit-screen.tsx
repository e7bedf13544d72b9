import { type AuditEventView } from '../../api/types';
import { usePagedList } from '../../api/use-paged-list';
import { useSession } from '../../app/session';
import { DataTable, type Column } from '../../components/data-table';
import { formatDateTime, formatNumber } from '../../components/format';
import { PagedFooter } from '../../components/paged-footer';

const PAGE_SIZE = 50;

const EVENT_COLUMNS: readonly Column<AuditEventView>[] = [
  { header: 'Time', cell: (event) => formatDateTime(event.created_at) },
  { header: 'Method', cell: (event) => event.method },
  { header: 'Path', cell: (event) => <span className="break">{event.path}</span> },
  {
    header: 'Status',
    cell: (event) => (
      <span className={event.status_code >= 400 ? 'status status--failed' : 'status'}>
        {event.status_code}
      </span>
    ),
    numeric: true,
  },
  { header: 'Role', cell: (event) => event.actor_role ?? 'none' },
  { header: 'ms', cell: (event) => formatNumber(event.duration_ms, 0), numeric: true },
  { header: 'Client', cell: (event) => event.client_ip ?? '' },
];

/** Every /api request, newest first (admin only). */
export function AuditScreen() {
  const { client } = useSession();
  const list = usePagedList<AuditEventView, number>(
    async (before, signal) =>
      (
        await client.call(
          'audit',
          { limit: PAGE_SIZE, ...(before === undefined ? {} : { before }) },
          { signal },
        )
      ).events,
    (event) => event.id,
    PAGE_SIZE,
  );
  return (
    <section className="screen" aria-labelledby="audit-title">
      <h2 id="audit-title">Audit</h2>
      <p className="muted">Every request to the API, newest first.</p>
      {(list.items.length > 0 || (!list.loading && !list.error)) && (
        <DataTable
          label="Audit events"
          columns={EVENT_COLUMNS}
          rows={list.items}
          rowKey={(event) => event.id}
          empty="No requests recorded yet."
        />
      )}
      <PagedFooter list={list} progressLabel="Loading audit events" />
    </section>
  );
}

import { type AuditEventView } from '../../api/types';
import { usePagedList } from '../../api/use-paged-list';
import { useSession } from '../../app/session';
import { DataTable, type Column } from '../../components/data-table';
import { formatCount, formatDateTime, formatDecimal } from '../../components/format';
import { PagedFooter } from '../../components/paged-footer';

const PAGE_SIZE = 50;

/**
 * The request first (it names the row, and stays in view while the rest scrolls sideways on a phone), then
 * its outcome, then who and when.
 */
const EVENT_COLUMNS: readonly Column<AuditEventView>[] = [
  {
    header: 'Request',
    cell: (event) => (
      <>
        <span className="audit-method">{event.method}</span> <span className="break">{event.path}</span>
        {event.count > 1 && <span className="muted"> ×{formatCount(event.count)}</span>}
      </>
    ),
    wrap: true,
  },
  {
    header: 'Status',
    cell: (event) => (
      <span className={event.status_code >= 400 ? 'status status--failed' : 'status'}>
        {event.status_code}
      </span>
    ),
    numeric: true,
  },
  { header: 'Time', cell: (event) => formatDateTime(event.created_at) },
  { header: 'Role', cell: (event) => event.actor_role ?? 'none' },
  { header: 'Key', cell: (event) => event.key_name ?? 'none' },
  {
    header: 'ms',
    cell: (event) => formatDecimal(event.duration_ms, event.duration_ms < 10 ? 1 : 0),
    numeric: true,
  },
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
      <p className="muted">Every request to the API, newest first. Swipe the table sideways for the rest.</p>
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

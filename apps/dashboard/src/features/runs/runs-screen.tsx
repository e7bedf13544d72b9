import { type ListedRunView } from '../../api/types';
import { usePagedList } from '../../api/use-paged-list';
import { useSession } from '../../app/session';
import { formatDateTime, formatMoney } from '../../components/format';
import { PagedFooter } from '../../components/paged-footer';
import { useFocusOnReturn, useOpenedItem } from '../../components/use-opened-item';
import { RunDetailPanel } from './run-detail-panel';

const PAGE_SIZE = 20;

/**
 * Recorded runs, newest first (admin only); choosing one shows its detail. The pages loaded so far are kept
 * (screen memory), so coming back from a detail or another tab shows them again, with the focus back on the
 * run that was opened.
 */
export function RunsScreen() {
  const item = useOpenedItem('runs.selected');
  return (
    <section className="screen" aria-labelledby="runs-title">
      <h2 id="runs-title">Runs</h2>
      {item.opened ? (
        <RunDetailPanel id={item.opened} onBack={item.close} />
      ) : (
        <RunList onSelect={item.open} focusOn={item.lastOpened} />
      )}
    </section>
  );
}

function RunList({ onSelect, focusOn }: { onSelect: (id: string) => void; focusOn?: string }) {
  const { client } = useSession();
  // Back from a run's detail, its button takes the focus the Back button had.
  const buttonRef = useFocusOnReturn(focusOn);
  const list = usePagedList<ListedRunView, string>(
    async (before, signal) =>
      (
        await client.call(
          'runs',
          { limit: PAGE_SIZE, ...(before === undefined ? {} : { before }) },
          { signal },
        )
      ).runs,
    (run) => run.id,
    PAGE_SIZE,
    'runs',
  );
  return (
    <>
      {list.items.length === 0 && !list.loading && !list.error && (
        <p className="muted">No runs recorded yet.</p>
      )}
      {list.items.length > 0 && (
        <ul className="run-list">
          {list.items.map((run) => (
            <li key={run.id}>
              <button
                type="button"
                className="run-list__item"
                ref={buttonRef(run.id)}
                onClick={() => onSelect(run.id)}
              >
                <span className="run-list__type">{run.type}</span>
                <span className="run-list__symbols">{run.symbols.join(', ')}</span>
                <span className="run-list__date">{formatDateTime(run.created_at)}</span>
                <span className="run-list__equity">
                  {run.final_equity === null ? '' : `Final equity ${formatMoney(run.final_equity)}`}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <PagedFooter list={list} progressLabel="Loading runs" />
    </>
  );
}

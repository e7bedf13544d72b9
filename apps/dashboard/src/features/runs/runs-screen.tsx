import { type RunSummary, type RunsResponse } from '../../api/types';
import { usePagedList } from '../../api/use-paged-list';
import { useRememberedState } from '../../app/screen-memory';
import { useSession } from '../../app/session';
import { formatDateTime, formatMoney } from '../../components/format';
import { PagedFooter } from '../../components/paged-footer';
import { RunDetailView } from './run-detail';

const PAGE_SIZE = 20;

/** Recorded runs, newest first (admin only); choosing one shows its detail. */
export function RunsScreen() {
  const [selected, setSelected] = useRememberedState<string | undefined>('runs.selected', undefined);
  return (
    <section className="screen" aria-labelledby="runs-title">
      <h2 id="runs-title">Runs</h2>
      {selected ? (
        <RunDetailView id={selected} onBack={() => setSelected(undefined)} />
      ) : (
        <RunList onSelect={setSelected} />
      )}
    </section>
  );
}

function RunList({ onSelect }: { onSelect: (id: string) => void }) {
  const { client } = useSession();
  const list = usePagedList<RunSummary, string>(
    async (before, signal) =>
      (
        await client.call<RunsResponse>(
          'runs',
          { limit: PAGE_SIZE, ...(before === undefined ? {} : { before }) },
          { signal },
        )
      ).runs,
    (run) => run.id,
    PAGE_SIZE,
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
              <button type="button" className="run-list__item" onClick={() => onSelect(run.id)}>
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

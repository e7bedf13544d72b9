import { type ListedRunView } from '../../api/types';
import { usePagedList } from '../../api/use-paged-list';
import { useRememberedState } from '../../app/screen-memory';
import { useSession } from '../../app/session';
import { formatDateTime, formatMoney } from '../../components/format';
import { PagedFooter } from '../../components/paged-footer';
import { useFocusOnReturn, useOpenedItem } from '../../components/use-opened-item';
import { CompareRuns } from './compare-runs';
import { RunDetailPanel } from './run-detail-panel';
import { runLabel } from './run-kind';

const PAGE_SIZE = 20;

/** What the runs screen opens instead of a run: the comparison of the runs picked (no run id looks like it). */
const COMPARISON = '(comparison)';

/**
 * Recorded runs, newest first (admin only); choosing one shows its detail, and picking two or more compares
 * them. The pages loaded so far and the runs picked are kept (screen memory), so coming back from a detail, a
 * comparison or another tab shows them again, with the focus back on the button that opened it.
 */
export function RunsScreen() {
  const item = useOpenedItem('runs.selected');
  const [picked, setPicked] = useRememberedState<string[]>('runs.picked', []);
  const { opened } = item;
  return (
    <section className="screen" aria-labelledby="runs-title">
      <h2 id="runs-title">Runs</h2>
      {opened === COMPARISON ? (
        <CompareRuns ids={picked} onBack={item.close} />
      ) : opened ? (
        <RunDetailPanel id={opened} onBack={item.close} />
      ) : (
        <RunList
          onSelect={item.open}
          onCompare={() => item.open(COMPARISON)}
          picked={picked}
          onPickedChange={setPicked}
          focusOn={item.lastOpened}
        />
      )}
    </section>
  );
}

interface RunListProps {
  onSelect: (id: string) => void;
  onCompare: () => void;
  /** The runs picked for comparison, in the order picked. */
  picked: readonly string[];
  onPickedChange: (picked: string[]) => void;
  focusOn?: string;
}

function RunList({ onSelect, onCompare, picked, onPickedChange, focusOn }: RunListProps) {
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
            <li key={run.id} className="run-list__row">
              <label className="run-list__pick">
                <input
                  type="checkbox"
                  checked={picked.includes(run.id)}
                  aria-label={`Compare ${runLabel(run)} ${run.symbols.join(', ')} of ${formatDateTime(run.created_at)}`}
                  onChange={(event) =>
                    onPickedChange(
                      event.target.checked ? [...picked, run.id] : picked.filter((id) => id !== run.id),
                    )
                  }
                />
              </label>
              <button
                type="button"
                className="run-list__item"
                ref={buttonRef(run.id)}
                onClick={() => onSelect(run.id)}
              >
                <span className="run-list__type">{runLabel(run)}</span>
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
      {picked.length > 0 && (
        <CompareBar
          count={picked.length}
          onCompare={onCompare}
          onClear={() => onPickedChange([])}
          buttonRef={buttonRef(COMPARISON)}
        />
      )}
    </>
  );
}

/**
 * Under the list while runs are picked, held at the bottom of the screen: how many, Compare (from two) and
 * Clear. Compare stays in place (and focusable) with one run picked, saying what it needs.
 */
function CompareBar({
  count,
  onCompare,
  onClear,
  buttonRef,
}: {
  count: number;
  onCompare: () => void;
  onClear: () => void;
  buttonRef: (button: HTMLButtonElement | null) => void;
}) {
  const ready = count >= 2;
  return (
    <div className="compare-bar" role="group" aria-label="Runs picked">
      <span className="compare-bar__count" aria-live="polite">
        {count === 1 ? '1 run picked: pick another to compare' : `${count} runs picked`}
      </span>
      <button
        type="button"
        className="button button--primary button--small"
        ref={buttonRef}
        aria-disabled={!ready}
        onClick={() => {
          if (ready) onCompare();
        }}
      >
        Compare
      </button>
      <button type="button" className="button button--secondary button--small" onClick={onClear}>
        Clear
      </button>
    </div>
  );
}

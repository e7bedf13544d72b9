import { roleCan } from '@aetherquant/core';
import { type WalkForwardReport, type WalkForwardWindowReport } from '../../api/types';
import { useSession } from '../../app/session';
import { DataTable, type Column } from '../../components/data-table';
import { formatCount, formatDecimal, formatPercent } from '../../components/format';
import { Facts } from '../../components/facts';
import { HeadlineMetrics, metricFacts } from '../../components/headline-metrics';
import { ProviderNote, RunWarnings } from '../../components/provider-note';
import { Signed } from '../../components/signed';
import { RecordedCurves } from '../runs/recorded-curves';
import { RANK_LABELS } from './job-form';

const ratio = (value: number | null | undefined) => formatDecimal(value);
const percent2 = (value: number | null | undefined) => formatPercent(value, 2);

const WINDOW_COLUMNS: readonly Column<WalkForwardWindowReport>[] = [
  { header: 'Train', cell: (window) => `${window.train_start} – ${window.train_end}` },
  { header: 'Test', cell: (window) => `${window.test_start} – ${window.test_end}` },
  {
    header: 'Parameters',
    cell: (window) =>
      Object.entries(window.params)
        .map(([name, value]) => `${name} ${value}`)
        .join(', '),
  },
  { header: 'Train score', cell: (window) => formatDecimal(window.train_score), numeric: true },
  {
    header: 'Annual return',
    cell: (window) => <Signed value={window.annual_return} format={percent2} />,
    numeric: true,
  },
  { header: 'Sharpe', cell: (window) => <Signed value={window.sharpe} format={ratio} />, numeric: true },
  {
    header: 'Max drawdown',
    cell: (window) => <Signed value={window.max_drawdown} format={percent2} />,
    numeric: true,
  },
  {
    header: 'Total return',
    cell: (window) => <Signed value={window.total_return} format={percent2} />,
    numeric: true,
  },
];

/**
 * A walk-forward's outcome: the out-of-sample figures (the test windows stitched) against buy-and-hold, and
 * each window with the parameters its train window chose.
 */
export function WalkForwardResults({
  report,
  runId = report.run_id,
}: {
  report: WalkForwardReport;
  /** The run recording it (a job's result names it; a run's detail is the run). */
  runId?: string | undefined;
}) {
  // Runs recorded before reports named their benchmark were all measured against their own symbol.
  const benchmark = report.benchmark ?? report.symbol;
  return (
    <section aria-label="Results" className="results">
      <h3>
        {report.symbol} · {report.strategy}{' '}
        <span className="muted">
          train {report.train}, test {report.test}, ranked by {RANK_LABELS[report.rank_by].toLowerCase()}
        </span>
      </h3>
      <ProviderNote provider={report.provider} first={report.first} last={report.last} rows={report.rows} />
      <RunWarnings warnings={report.warnings} />
      <p className="muted">Out of sample: the test windows one after another.</p>
      <HeadlineMetrics figures={report} benchmark={benchmark} />
      <Facts
        facts={[
          ...metricFacts(report.metrics),
          { label: 'Windows', value: formatCount(report.windows.length) },
        ]}
      />
      <h4>Windows</h4>
      <DataTable
        label="Windows"
        columns={WINDOW_COLUMNS}
        rows={report.windows}
        rowKey={(window) => window.test_start}
        empty="The history holds no full train and test window."
      />
      <h4>Out-of-sample equity</h4>
      <OutOfSampleEquity runId={runId} benchmark={benchmark} />
    </section>
  );
}

/**
 * The stitched test windows' equity. A walk-forward's report carries no chart: the curve is read from its
 * recorded run's report, which only a role that reads runs may (docs/dashboard.md names the API change that
 * would give every role the curve).
 */
function OutOfSampleEquity({ runId, benchmark }: { runId: string | undefined; benchmark: string }) {
  const { role } = useSession();
  if (runId === undefined)
    return <p className="muted">This walk-forward was not recorded, so its curve cannot be read again.</p>;
  if (!roleCan(role, 'runs'))
    return (
      <p className="muted">
        The out-of-sample equity is drawn from the recorded run&apos;s report, which an admin key can read.
      </p>
    );
  return (
    <RecordedCurves
      runId={runId}
      symbol={undefined}
      benchmark={benchmark}
      withTrades={false}
      action="Show the out-of-sample equity"
    />
  );
}

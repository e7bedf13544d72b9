import { type WalkForwardReport, type WalkForwardWindowReport } from '../../api/types';
import { DataTable, type Column } from '../../components/data-table';
import { formatNumber, formatPercent } from '../../components/format';
import { Facts } from '../../components/facts';
import { HeadlineMetrics, metricFacts } from '../../components/headline-metrics';
import { ProviderNote, RunWarnings } from '../../components/provider-note';
import { RANK_LABELS } from './job-form';

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
  { header: 'Train score', cell: (window) => formatNumber(window.train_score), numeric: true },
  { header: 'Annual return', cell: (window) => formatPercent(window.annual_return, 2), numeric: true },
  { header: 'Sharpe', cell: (window) => formatNumber(window.sharpe), numeric: true },
  { header: 'Max drawdown', cell: (window) => formatPercent(window.max_drawdown, 2), numeric: true },
  { header: 'Total return', cell: (window) => formatPercent(window.total_return, 2), numeric: true },
];

/**
 * A walk-forward's outcome: the out-of-sample figures (the test windows stitched) against buy-and-hold, and
 * each window with the parameters its train window chose.
 */
export function WalkForwardResults({ report }: { report: WalkForwardReport }) {
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
      <HeadlineMetrics figures={report} />
      <Facts facts={[...metricFacts(report.metrics), { label: 'Windows', value: report.windows.length }]} />
      <h4>Windows</h4>
      <DataTable
        label="Windows"
        columns={WINDOW_COLUMNS}
        rows={report.windows}
        rowKey={(window) => window.test_start}
        empty="The history holds no full train and test window."
      />
    </section>
  );
}

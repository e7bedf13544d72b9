import { type OptimizeReport } from '../../api/types';
import { formatPercent, toneOf } from '../../components/format';
import { MetricCard } from '../../components/metric-card';
import { ProviderNote, RunWarnings } from '../../components/provider-note';
import { AllocationView } from './allocation-view';

/** An optimiser's expected return (coloured by its sign) and volatility. */
export function OptimizeFigures({
  report,
}: {
  report: Pick<OptimizeReport, 'expected_return' | 'volatility'>;
}) {
  const expected = formatPercent(report.expected_return);
  return (
    <div className="metric-grid">
      <MetricCard label="Expected return" value={expected} tone={toneOf(report.expected_return, expected)} />
      <MetricCard label="Volatility" value={formatPercent(report.volatility)} />
    </div>
  );
}

export function OptimizeResults({ report }: { report: OptimizeReport }) {
  return (
    <section aria-label="Results" className="results">
      <h3>
        {report.method} <span className="muted">over {report.symbols.length} symbols</span>
      </h3>
      <ProviderNote provider={report.provider} first={report.first} last={report.last} rows={report.rows} />
      <RunWarnings warnings={report.warnings} />
      <OptimizeFigures report={report} />
      <AllocationView
        symbols={report.symbols}
        weights={report.weights}
        riskContributions={report.risk_contributions}
      />
    </section>
  );
}

import { useMemo } from 'react';
import { type BacktestReport } from '../../api/types';
import { benchmarkPhrase } from '../../components/benchmark';
import { Facts } from '../../components/facts';
import { formatCount } from '../../components/format';
import { HeadlineMetrics, metricFacts } from '../../components/headline-metrics';
import { ProviderNote, RunWarnings } from '../../components/provider-note';
import { tradeMarks } from '../../components/trade-marks';
import { TradesTable } from '../../components/trades-table';
import { PriceFromBars } from './price-from-bars';
import { EquityAndDrawdown } from './run-charts';

export function BacktestResults({ report }: { report: BacktestReport }) {
  const marks = useMemo(() => tradeMarks(report.trade_list ?? []), [report.trade_list]);
  const { chart } = report;
  // Runs recorded before reports named their benchmark were all measured against their own symbol.
  const benchmark = report.benchmark ?? report.symbol;
  return (
    <section aria-label="Results" className="results">
      <h3>
        {report.symbol} · {report.strategy}{' '}
        <span className="muted">
          {Object.entries(report.params)
            .map(([name, value]) => `${name} ${value}`)
            .join(', ')}
        </span>
      </h3>
      <ProviderNote provider={report.provider} first={report.first} last={report.last} rows={report.rows} />
      <RunWarnings warnings={report.warnings} />
      <HeadlineMetrics figures={report} benchmark={benchmark} />
      <Facts
        facts={[
          ...metricFacts(report.metrics),
          { label: 'Number of trades', value: formatCount(report.trades) },
        ]}
      />
      {chart && (
        <EquityAndDrawdown
          chart={chart}
          benchmark={benchmark}
          equityLabel={`Equity of ${report.strategy} against ${benchmarkPhrase(benchmark)}`}
        >
          {(group) =>
            report.trade_list && (
              <PriceFromBars
                symbol={report.symbol}
                provider={report.provider}
                first={report.first}
                last={report.last}
                marks={marks}
                group={group}
              />
            )
          }
        </EquityAndDrawdown>
      )}
      {report.trade_list === undefined ? (
        // A recorded run (the runs screen) keeps the figures, not the list: its detail reads them again.
        <p className="muted">
          {formatCount(report.trades)} {report.trades === 1 ? 'trade' : 'trades'} in this backtest.
        </p>
      ) : (
        <>
          <h4>Trades</h4>
          {report.trade_list.length < report.trades && (
            <p className="muted">
              The latest {formatCount(report.trade_list.length)} of {formatCount(report.trades)} trades, here
              and on the price chart.
            </p>
          )}
          <TradesTable trades={report.trade_list} />
        </>
      )}
    </section>
  );
}

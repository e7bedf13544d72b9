import { type HeadlineFigures } from '../api/types';
import { formatMoney, formatNumber, formatPercent } from './format';
import { compareTone, MetricCard } from './metric-card';

/** A strategy's four headline figures, each against buy-and-hold of the same bars (a backtest, a walk-forward). */
export function HeadlineMetrics({ figures }: { figures: HeadlineFigures }) {
  return (
    <div className="metric-grid">
      <MetricCard
        label="Annual return"
        value={formatPercent(figures.annual_return)}
        benchmark={formatPercent(figures.benchmark_annual_return)}
        tone={compareTone(figures.annual_return, figures.benchmark_annual_return)}
      />
      <MetricCard
        label="Sharpe"
        value={formatNumber(figures.sharpe)}
        benchmark={formatNumber(figures.benchmark_sharpe)}
        tone={compareTone(figures.sharpe, figures.benchmark_sharpe)}
      />
      <MetricCard
        label="Max drawdown"
        value={formatPercent(figures.max_drawdown)}
        benchmark={formatPercent(figures.benchmark_max_drawdown)}
        tone={compareTone(figures.max_drawdown, figures.benchmark_max_drawdown)}
      />
      <MetricCard
        label="Final equity"
        value={formatMoney(figures.final_equity)}
        benchmark={formatMoney(figures.benchmark_final_equity)}
        tone={compareTone(figures.final_equity, figures.benchmark_final_equity)}
      />
    </div>
  );
}

import { type HeadlineFigures, type MetricsReport } from '../api/types';
import { type Fact } from './facts';
import { formatMoney, formatNumber, formatPercent } from './format';
import { compareTone, MetricCard } from './metric-card';

type HeadlineFigure = 'annual_return' | 'sharpe' | 'max_drawdown' | 'final_equity';

const HEADLINES: readonly {
  label: string;
  figure: HeadlineFigure;
  benchmark: `benchmark_${HeadlineFigure}`;
  format: (value: number | null) => string;
}[] = [
  {
    label: 'Annual return',
    figure: 'annual_return',
    benchmark: 'benchmark_annual_return',
    format: formatPercent,
  },
  {
    label: 'Sharpe',
    figure: 'sharpe',
    benchmark: 'benchmark_sharpe',
    format: formatNumber,
  },
  {
    label: 'Max drawdown',
    figure: 'max_drawdown',
    benchmark: 'benchmark_max_drawdown',
    format: formatPercent,
  },
  {
    label: 'Final equity',
    figure: 'final_equity',
    benchmark: 'benchmark_final_equity',
    format: formatMoney,
  },
];

/** A strategy's four headline figures, each against buy-and-hold of the same bars (a backtest, a walk-forward). */
export function HeadlineMetrics({ figures }: { figures: HeadlineFigures }) {
  return (
    <div className="metric-grid">
      {HEADLINES.map(({ label, figure, benchmark, format }) => (
        <MetricCard
          key={label}
          label={label}
          value={format(figures[figure])}
          benchmark={format(figures[benchmark])}
          tone={compareTone(figures[figure], figures[benchmark])}
        />
      ))}
    </div>
  );
}

/** The figures shown under a strategy's headline ones (a backtest, a walk-forward), as `Facts`. */
export function metricFacts(metrics: MetricsReport): Fact[] {
  return [
    { label: 'Volatility', value: formatPercent(metrics.volatility) },
    { label: 'Sortino', value: formatNumber(metrics.sortino) },
    { label: 'Calmar', value: formatNumber(metrics.calmar) },
    { label: 'Win rate', value: formatPercent(metrics.win_rate) },
  ];
}

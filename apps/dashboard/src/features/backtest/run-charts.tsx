import { useMemo, type ReactNode } from 'react';
import { type ChartSeries } from '../../api/types';
import {
  drawdownLines,
  equityLines,
  formatDrawdown,
  formatDrawdownTick,
  formatEquity,
  formatEquityTick,
} from '../../components/chart-formats';
import { type ChartGroup, useChartGroup } from '../../components/chart-group';
import { TimeSeriesChart } from '../../components/time-series-chart';

export interface EquityAndDrawdownProps {
  chart: ChartSeries;
  /** What the run was measured against, as the report names it (`QQQ`, `equal-weight`). */
  benchmark?: string;
  equityLabel: string;
  /** More charts of the same run (the price with its trades), drawn in the same group. */
  children?: (group: ChartGroup) => ReactNode;
}

/**
 * A run's equity against its benchmark (log scale on request) and its drawdown, then any chart `children`
 * draws, one chart group: a crosshair moved on one moves on the others, and their plots line up.
 */
export function EquityAndDrawdown({ chart, benchmark, equityLabel, children }: EquityAndDrawdownProps) {
  const group = useChartGroup();
  const equity = useMemo(() => equityLines(chart, benchmark), [chart, benchmark]);
  const drawdown = useMemo(() => drawdownLines(chart), [chart]);
  return (
    <>
      <h4>Equity</h4>
      <TimeSeriesChart
        testId="equity-chart"
        label={equityLabel}
        time={chart.time}
        lines={equity}
        format={formatEquity}
        tickFormat={formatEquityTick}
        logScaleToggle
        group={group}
      />
      <h4>Drawdown</h4>
      <TimeSeriesChart
        testId="drawdown-chart"
        label="Drawdown of the strategy from its running peak"
        time={chart.time}
        lines={drawdown}
        format={formatDrawdown}
        tickFormat={formatDrawdownTick}
        group={group}
      />
      {children?.(group)}
    </>
  );
}

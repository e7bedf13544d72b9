import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { drawTimeSeriesChart, type ChartLine, type ChartMarker, type DrawnChart } from './chart-engine';
import { type ChartGroup } from './chart-group';
import { DASH } from './format';

export type { ChartLine, ChartMarker } from './chart-engine';

export interface TimeSeriesChartProps {
  testId: string;
  /** Read by screen readers; the canvas itself says nothing. */
  label: string;
  time: readonly string[];
  lines: readonly ChartLine[];
  format: (value: number) => string;
  /** The price scale's tick labels with a number of decimals (the fewest that keep them apart). */
  tickFormat?: (value: number, decimals: number) => string;
  /**
   * Offers a log-scale toggle: for prices and equity, where a log scale shows equal returns as equal heights.
   * Not for drawdowns, which reach 0.
   */
  logScaleToggle?: boolean;
  /** The charts of the screen that read together: crosshairs moved together, price scales aligned. */
  group?: ChartGroup;
  /** Buy and sell marks on the first line; the legend names those at the bar inspected. */
  markers?: readonly ChartMarker[];
  /** More controls beside the log-scale toggle (the price chart's "Candles"). */
  actions?: ReactNode;
}

const NO_MARKERS: readonly ChartMarker[] = [];

/**
 * An interactive chart of one or more series over time: the whole run on open, drag or touch to move the
 * crosshair (the legend shows the values there, on every chart of its group), a log scale on request. It fills
 * its container's width. The chart itself is drawn by `drawTimeSeriesChart` (lightweight-charts).
 */
export function TimeSeriesChart(props: TimeSeriesChartProps) {
  const { testId, label, time, lines, format, tickFormat, logScaleToggle = false, group, actions } = props;
  const markers = props.markers ?? NO_MARKERS;
  const container = useRef<HTMLDivElement>(null);
  const drawn = useRef<DrawnChart | undefined>(undefined);
  const [logScale, setLogScale] = useState(false);
  const logScaleNow = useRef(logScale);
  logScaleNow.current = logScale;
  const [inspected, setInspected] = useState<number>();
  const chartId = useId();

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const chart = drawTimeSeriesChart(element, {
      time,
      lines,
      format,
      tickFormat,
      markers,
      logScale: logScaleNow.current,
      group,
      onInspect: setInspected,
    });
    drawn.current = chart;
    return () => {
      drawn.current = undefined;
      chart.remove();
    };
  }, [time, lines, markers, format, tickFormat, group]);

  useEffect(() => {
    drawn.current?.setLogScale(logScale);
  }, [logScale]);

  const index = inspected ?? time.length - 1;
  const shownTime = time[index] ?? '';
  const marked = markers.filter((marker) => marker.time === shownTime);
  return (
    <figure className="chart">
      <div className="chart__head">
        <figcaption className="chart__legend" aria-live="off">
          <span className="chart__time">{shownTime}</span>
          {lines.map((line) => {
            const value = line.values[index];
            return (
              <span key={line.name} className="chart__legend-item">
                <span className="chart__swatch" style={{ background: `var(${line.colorVariable})` }} />
                {line.name} {value === undefined || value === null ? DASH : format(value)}
              </span>
            );
          })}
          {marked.map((marker, i) => (
            <span key={`${marker.kind}-${i}`} className={`chart__legend-item chart__mark--${marker.kind}`}>
              {marker.kind === 'buy' ? '▲ Buy' : '▼ Sell'}
            </span>
          ))}
        </figcaption>
        {(actions || logScaleToggle) && (
          <div className="chart__actions">
            {actions}
            {logScaleToggle && (
              <button
                type="button"
                className="button button--secondary button--small chart__toggle"
                aria-pressed={logScale}
                aria-controls={chartId}
                onClick={() => setLogScale(!logScale)}
              >
                Log scale
              </button>
            )}
          </div>
        )}
      </div>
      <div
        ref={container}
        id={chartId}
        className="chart__canvas"
        data-testid={testId}
        data-price-scale={logScale ? 'logarithmic' : 'linear'}
        data-crosshair-time={inspected === undefined ? undefined : shownTime}
        role="img"
        aria-label={label}
      />
    </figure>
  );
}

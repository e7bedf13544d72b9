import {
  AreaSeries,
  createChart,
  CrosshairMode,
  LineSeries,
  type IChartApi,
  type ISeriesApi,
  type MouseEventParams,
  type Time,
  type UTCTimestamp,
} from 'lightweight-charts';
import { useEffect, useRef, useState } from 'react';

export interface ChartLine {
  name: string;
  values: readonly number[];
  /** A CSS custom property of styles.css (`--chart-equity`): the chart follows light and dark mode. */
  colorVariable: string;
  /** Filled down to the axis (drawdown), else a line. */
  area?: boolean;
}

export interface TimeSeriesChartProps {
  testId: string;
  /** Read by screen readers; the canvas itself says nothing. */
  label: string;
  time: readonly string[];
  lines: readonly ChartLine[];
  format: (value: number) => string;
}

/**
 * An interactive chart of one or more series over time (lightweight-charts): drag or touch to move the
 * crosshair, and the legend shows the values at that point. It fills its container's width.
 */
export function TimeSeriesChart({ testId, label, time, lines, format }: TimeSeriesChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const [inspected, setInspected] = useState<{ time: string; values: (number | undefined)[] }>();

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const chart = createChart(element, chartOptions());
    const series = lines.map((line) => {
      const color = cssColor(line.colorVariable);
      const added: ISeriesApi<'Line' | 'Area'> = line.area
        ? chart.addSeries(AreaSeries, {
            lineColor: color,
            topColor: `${color}00`,
            bottomColor: `${color}66`,
            lineWidth: 2,
            invertFilledArea: true,
          })
        : chart.addSeries(LineSeries, { color, lineWidth: 2 });
      added.applyOptions({ priceFormat: { type: 'custom', formatter: format, minMove: 0.0001 } });
      added.setData(
        time.map((at, index) => ({ time: toChartTime(at), value: line.values[index] as number })),
      );
      return added;
    });
    chart.timeScale().fitContent();

    const onMove = (param: MouseEventParams<Time>) => {
      if (param.time === undefined || param.logical === undefined) return setInspected(undefined);
      const index = Math.round(param.logical);
      const at = time[index];
      if (at === undefined) return setInspected(undefined);
      setInspected({ time: at, values: series.map((_, i) => lines[i]?.values[index]) });
    };
    chart.subscribeCrosshairMove(onMove);

    // The chart draws on a canvas with colours read once: redraw them when the system theme flips.
    const scheme =
      typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : undefined;
    const recolour = () => {
      chart.applyOptions(chartOptions());
      series.forEach((added, i) => {
        const color = cssColor(lines[i]?.colorVariable ?? '');
        added.applyOptions(
          lines[i]?.area
            ? { lineColor: color, bottomColor: `${color}66`, topColor: `${color}00` }
            : { color },
        );
      });
    };
    scheme?.addEventListener('change', recolour);
    return () => {
      scheme?.removeEventListener('change', recolour);
      chart.unsubscribeCrosshairMove(onMove);
      chart.remove();
    };
  }, [time, lines, format]);

  const lastIndex = time.length - 1;
  const shown = inspected ?? {
    time: time[lastIndex] ?? '',
    values: lines.map((line) => line.values[lastIndex]),
  };
  return (
    <figure className="chart">
      <figcaption className="chart__legend" aria-live="off">
        <span className="chart__time">{shown.time}</span>
        {lines.map((line, i) => {
          const value = shown.values[i];
          return (
            <span key={line.name} className="chart__legend-item">
              <span className="chart__swatch" style={{ background: `var(${line.colorVariable})` }} />
              {line.name} {value === undefined ? '–' : format(value)}
            </span>
          );
        })}
      </figcaption>
      <div ref={container} className="chart__canvas" data-testid={testId} role="img" aria-label={label} />
    </figure>
  );
}

/** Daily bars come as `2024-01-31` (a business day to the chart); intraday ones as full ISO timestamps. */
export function toChartTime(text: string): Time {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  return Math.floor(Date.parse(text) / 1000) as UTCTimestamp;
}

function chartOptions() {
  const text = cssColor('--chart-text');
  const grid = cssColor('--chart-grid');
  return {
    autoSize: true,
    layout: { background: { color: 'transparent' }, textColor: text, fontFamily: 'inherit' },
    grid: { vertLines: { color: grid }, horzLines: { color: grid } },
    rightPriceScale: { borderVisible: false },
    timeScale: { borderVisible: false },
    crosshair: { mode: CrosshairMode.Magnet },
    // A vertical swipe over the chart scrolls the page (a phone user is reading down the results);
    // horizontal drags move the crosshair.
    handleScroll: { vertTouchDrag: false, horzTouchDrag: false, mouseWheel: false, pressedMouseMove: false },
    handleScale: { mouseWheel: false, pinch: true, axisPressedMouseMove: false },
  } satisfies Parameters<IChartApi['applyOptions']>[0];
}

/** A colour from styles.css; canvases cannot use `var(...)`, so it is read as a value. */
function cssColor(variable: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(variable).trim();
  return /^#[0-9a-f]{6}$/i.test(value) ? value : '#3b82f6';
}

import {
  AreaSeries,
  CandlestickSeries,
  createChart,
  createSeriesMarkers,
  CrosshairMode,
  LineSeries,
  PriceScaleMode,
  type IChartApi,
  type ISeriesApi,
  type LogicalRange,
  type MouseEventParams,
  type SeriesMarker,
  type Time,
  type UTCTimestamp,
} from 'lightweight-charts';
import { type ChartGroup, type ChartGroupMember } from './chart-group';

export interface ChartLine {
  name: string;
  /** One value per time of the chart; `null` where this line has no point (a run that started later). */
  values: readonly (number | null)[];
  /** A CSS custom property of styles.css (`--chart-equity`): the chart follows light and dark mode. */
  colorVariable: string;
  /** Filled down to the axis (drawdown), else a line. */
  area?: boolean;
  /** Drawn as candles: `values` are the closes, these the other prices of each bar. */
  candles?: { open: readonly number[]; high: readonly number[]; low: readonly number[] };
}

/**
 * A mark on the first line at one of the chart's times: a buy (▲ under the price, its tip at `price`) or a
 * sell (▼ over it). Without a price it sits under or over the bar.
 */
export interface ChartMarker {
  time: string;
  kind: 'buy' | 'sell';
  price?: number;
}

export interface ChartSpec {
  time: readonly string[];
  lines: readonly ChartLine[];
  /** Marks on the first line; a mark at a time the chart does not have is left out. */
  markers?: readonly ChartMarker[];
  /** The legend's, the crosshair label's and the last value's text: `$110,108.21`. */
  format: (value: number) => string;
  /**
   * The price scale's tick labels with `decimals` decimals (`$110,000`): the fewest that keep the ticks apart
   * are used. `format` when not given.
   */
  tickFormat?: (value: number, decimals: number) => string;
  logScale: boolean;
  group: ChartGroup | undefined;
  /** The point the crosshair is on (by index of `time`), or undefined when it left the chart. */
  onInspect: (index: number | undefined) => void;
}

export interface DrawnChart {
  setLogScale(on: boolean): void;
  remove(): void;
}

/**
 * Draws `spec` in `element` with lightweight-charts, the one file that knows that library:
 * - the whole run fits on open and whenever the chart's width changes (`fitContent`), and cannot be scrolled
 *   or zoomed out past its first and last bar (`fixLeftEdge` and `fixRightEdge`: with both, lightweight-charts
 *   lets bars narrow until the run fits, below its default 0.5 px minimum, which alone kept a 10-year run on a
 *   phone to its last third; `MIN_BAR_SPACING` says the same where the edges do not apply);
 * - the price scale is linear or logarithmic (`setLogScale`);
 * - in a `group`, the crosshair follows the other charts' (at the same time, or the last bar before it when
 *   this chart has no bar there: a downsampled equity curve beside every bar's price) and the price scales
 *   share one width;
 * - buy and sell marks on the first line (`createSeriesMarkers`);
 * - test hooks on `element`: `data-points`, `data-lines`, `data-visible-from` / `data-visible-to` (the visible
 *   logical range, in bar indices: covering 0 and points − 1 means the first and last bar are in view), and
 *   `data-markers` / `data-marker-times`, the marks as the library holds them.
 */
export function drawTimeSeriesChart(element: HTMLElement, spec: ChartSpec): DrawnChart {
  const { time, lines, group } = spec;
  const chart = createChart(element, chartOptions(element, spec));
  const series = lines.map((line) => addLine(chart, line, time, spec.format));
  element.dataset['points'] = String(time.length);
  element.dataset['lines'] = String(lines.length);
  const markers = addMarkers(element, series[0], time, spec.markers ?? []);
  const indexAt = timeIndex(time);

  const member: ChartGroupMember = {
    showAt(at) {
      const index = at === undefined ? undefined : indexAt(at);
      const shown = index === undefined ? undefined : firstValueAt(lines, series, index);
      if (index === undefined || shown === undefined) {
        chart.clearCrosshairPosition();
        spec.onInspect(undefined);
        return;
      }
      chart.setCrosshairPosition(shown.value, toChartTime(time[index] as string), shown.series);
      spec.onInspect(index);
    },
    priceScaleWidth: () => chart.priceScale('right').width(),
    reservePriceScaleWidth: (width) => chart.applyOptions({ rightPriceScale: { minimumWidth: width } }),
  };
  const leave = group?.join(member);

  const onMove = (param: MouseEventParams<Time>) => {
    const index =
      param.time === undefined || param.logical === undefined ? undefined : Math.round(param.logical);
    const at = index === undefined ? undefined : time[index];
    spec.onInspect(at === undefined ? undefined : index);
    group?.moved(member, at);
  };
  chart.subscribeCrosshairMove(onMove);

  const timeScale = chart.timeScale();
  const onRange = (range: LogicalRange | null) => {
    element.dataset['visibleFrom'] = range === null ? '' : String(Math.round(range.from * 1000) / 1000);
    element.dataset['visibleTo'] = range === null ? '' : String(Math.round(range.to * 1000) / 1000);
  };
  timeScale.subscribeVisibleLogicalRangeChange(onRange);
  // The chart learns its size after it is created (autoSize observes the element): fit the run then, and
  // again when the width changes (a phone turned, a price scale widened to align with the group's).
  const onResize = () => {
    timeScale.fitContent();
    group?.alignPriceScales();
  };
  timeScale.subscribeSizeChange(onResize);
  timeScale.fitContent();

  // The canvas colours are read once: redraw them when the system theme flips.
  const scheme =
    typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : undefined;
  const recolour = () => {
    chart.applyOptions(themeOptions(element));
    series.forEach((added, i) => {
      const line = lines[i];
      if (line) added.applyOptions(lineColours(line));
    });
    markers?.setMarkers(markerData(time, spec.markers ?? []));
  };
  scheme?.addEventListener('change', recolour);

  return {
    setLogScale(on) {
      chart
        .priceScale('right')
        .applyOptions({ mode: on ? PriceScaleMode.Logarithmic : PriceScaleMode.Normal });
    },
    remove() {
      scheme?.removeEventListener('change', recolour);
      leave?.();
      timeScale.unsubscribeSizeChange(onResize);
      timeScale.unsubscribeVisibleLogicalRangeChange(onRange);
      chart.unsubscribeCrosshairMove(onMove);
      markers?.detach();
      chart.remove();
    },
  };
}

/** Daily bars come as `2024-01-31` (a business day to the chart); intraday ones as full ISO timestamps. */
export function toChartTime(text: string): Time {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  return Math.floor(Date.parse(text) / 1000) as UTCTimestamp;
}

/**
 * The index of `at` in `times` (ascending, one format: ISO dates or timestamps sort as text), else of the last
 * time before it; undefined before the first.
 */
export function timeIndex(times: readonly string[]): (at: string) => number | undefined {
  const exact = new Map(times.map((at, index) => [at, index] as const));
  return (at) => {
    const found = exact.get(at);
    if (found !== undefined) return found;
    let low = 0;
    let high = times.length - 1;
    let before: number | undefined;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if ((times[middle] as string) < at) {
        before = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return before;
  };
}

/**
 * A price scale's tick labels with as few decimals as keep them apart: `$110,000` rather than `$110,000.00`,
 * but `-0.5%` and `-1.0%` rather than `-1%` twice. At most 4 decimals.
 */
export function distinctTickLabels(
  prices: readonly number[],
  format: (value: number, decimals: number) => string,
): string[] {
  let labels: string[] = [];
  for (let decimals = 0; decimals <= 4; decimals++) {
    labels = prices.map((price) => format(price, decimals));
    if (new Set(labels).size === labels.length) return labels;
  }
  return labels;
}

/** The narrowest a bar may get, in pixels: 2,000 points fit in 100 px, so a phone shows a whole run. */
const MIN_BAR_SPACING = 0.05;

type AnySeries = ISeriesApi<'Line' | 'Area' | 'Candlestick'>;

function addLine(
  chart: IChartApi,
  line: ChartLine,
  time: readonly string[],
  format: (value: number) => string,
): AnySeries {
  const added: AnySeries = line.candles
    ? chart.addSeries(CandlestickSeries, candleColours())
    : line.area
      ? chart.addSeries(AreaSeries, { lineWidth: 2, invertFilledArea: true, ...lineColours(line) })
      : chart.addSeries(LineSeries, { lineWidth: 2, ...lineColours(line) });
  // minMove: the scale's ticks may fall between cents or hundredths of a percent.
  added.applyOptions({ priceFormat: { type: 'custom', formatter: format, minMove: 0.0001 } });
  const { candles } = line;
  added.setData(
    time.map((at, index) => {
      const chartTime = toChartTime(at);
      const value = line.values[index];
      // A time this line has no point at is whitespace: the line breaks there, the time scale keeps it.
      if (value === null || value === undefined) return { time: chartTime };
      if (!candles) return { time: chartTime, value };
      return {
        time: chartTime,
        open: candles.open[index] as number,
        high: candles.high[index] as number,
        low: candles.low[index] as number,
        close: value,
      };
    }),
  );
  return added;
}

/** The value the crosshair is put on at `index`: the first line's, or the first that has one there. */
function firstValueAt(
  lines: readonly ChartLine[],
  series: readonly AnySeries[],
  index: number,
): { value: number; series: AnySeries } | undefined {
  for (let i = 0; i < lines.length; i++) {
    const value = lines[i]?.values[index];
    const added = series[i];
    if (value !== null && value !== undefined && added) return { value, series: added };
  }
  return undefined;
}

function addMarkers(
  element: HTMLElement,
  series: AnySeries | undefined,
  time: readonly string[],
  marks: readonly ChartMarker[],
) {
  if (!series || marks.length === 0) {
    element.dataset['markers'] = '0';
    element.dataset['markerTimes'] = '';
    return undefined;
  }
  const plugin = createSeriesMarkers(series, markerData(time, marks));
  // What the library holds, read back: the marks a browser test finds are the ones drawn.
  const held = plugin.markers();
  element.dataset['markers'] = String(held.length);
  element.dataset['markerTimes'] = [...new Set(held.map((marker) => String(marker.id ?? '')))].join(' ');
  return plugin;
}

/** The marks at the chart's times, in time order as the library requires; each `id` is its time's text. */
function markerData(time: readonly string[], marks: readonly ChartMarker[]): SeriesMarker<Time>[] {
  const known = new Set(time);
  const buy = cssColor('--chart-buy');
  const sell = cssColor('--chart-sell');
  return marks
    .filter((mark) => known.has(mark.time))
    .sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0))
    .map((mark): SeriesMarker<Time> => {
      const isBuy = mark.kind === 'buy';
      const base = {
        id: mark.time,
        time: toChartTime(mark.time),
        shape: isBuy ? 'arrowUp' : 'arrowDown',
        color: isBuy ? buy : sell,
      } as const;
      return mark.price === undefined
        ? { ...base, position: isBuy ? 'belowBar' : 'aboveBar' }
        : // atPriceBottom: the marker under the price, its arrow's tip on it; atPriceTop: over it.
          { ...base, position: isBuy ? 'atPriceBottom' : 'atPriceTop', price: mark.price };
    });
}

function lineColours(line: ChartLine) {
  if (line.candles) return candleColours();
  const color = cssColor(line.colorVariable);
  return line.area ? { lineColor: color, topColor: `${color}00`, bottomColor: `${color}66` } : { color };
}

/** Rising candles in the up colour, falling ones in the down colour (not the gain and loss of a figure). */
function candleColours() {
  const up = cssColor('--chart-up');
  const down = cssColor('--chart-down');
  return {
    upColor: up,
    downColor: down,
    borderUpColor: up,
    borderDownColor: down,
    wickUpColor: up,
    wickDownColor: down,
  };
}

function themeOptions(element: HTMLElement) {
  const grid = cssColor('--chart-grid');
  return {
    layout: {
      background: { color: 'transparent' },
      textColor: cssColor('--chart-text'),
      // The page's font (canvas text cannot `inherit`): labels are measured and drawn in the font they show in.
      fontFamily: getComputedStyle(element).fontFamily || 'sans-serif',
    },
    grid: { vertLines: { color: grid }, horzLines: { color: grid } },
  } satisfies Parameters<IChartApi['applyOptions']>[0];
}

function chartOptions(element: HTMLElement, spec: ChartSpec) {
  const theme = themeOptions(element);
  const { tickFormat, format } = spec;
  return {
    autoSize: true,
    ...theme,
    // TradingView's logo and link, as the library's licence asks (see docs/dashboard.md): it stays inside the
    // chart's own box, which styles.css makes a stacking context that clips it.
    layout: { ...theme.layout, attributionLogo: true },
    localization: {
      priceFormatter: format,
      tickmarksPriceFormatter: (prices: number[]) =>
        tickFormat ? distinctTickLabels(prices, tickFormat) : prices.map(format),
    },
    rightPriceScale: {
      borderVisible: false,
      mode: spec.logScale ? PriceScaleMode.Logarithmic : PriceScaleMode.Normal,
      // A label cut by the top or bottom edge is left out rather than shown clipped.
      entireTextOnly: true,
      scaleMargins: { top: 0.1, bottom: 0.1 },
    },
    timeScale: {
      borderVisible: false,
      minBarSpacing: MIN_BAR_SPACING,
      fixLeftEdge: true,
      fixRightEdge: true,
    },
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

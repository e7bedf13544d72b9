// lightweight-charts draws on a canvas, which jsdom lacks. Component tests replace it with this stand-in:
// jest.mock('lightweight-charts', () => jest.requireActual('../../testing/fake-lightweight-charts'), { virtual: true });
// It records what each chart is given (series data, options, crosshair positions set) and lets a test move a
// chart's crosshair as a person would (`moveCrosshair`), so a test can check what would be drawn.

/** A point as the chart is given it: a value, a candle's prices, or whitespace (a time without a point). */
export interface FakePoint {
  time: unknown;
  value?: number;
  open?: number;
  high?: number;
  low?: number;
  close?: number;
}

export interface FakeSeries {
  /** `Line`, `Area` or `Candlestick`. */
  type: string;
  data: FakePoint[];
  options: Record<string, unknown>[];
  /** The marks put on it (`createSeriesMarkers`), as the library would hold them. */
  markers: Record<string, unknown>[];
  setData: (data: FakePoint[]) => void;
  applyOptions: (options: Record<string, unknown>) => void;
}

export interface FakeChart {
  element: HTMLElement;
  series: FakeSeries[];
  removed: boolean;
  /** Every options object the chart was created or updated with, in order. */
  options: Record<string, unknown>[];
  /** Options applied to its right price scale (`mode`: 0 linear, 1 logarithmic). */
  priceScaleOptions: Record<string, unknown>[];
  /** Times `fitContent` was called. */
  fits: number;
  /** The crosshair set by code (`setCrosshairPosition`), undefined once cleared. */
  crosshair: { price: number; time: unknown } | undefined;
  /** The person moves the crosshair to the point `logical` (undefined: off the chart). */
  moveCrosshair: (logical: number | undefined) => void;
  /** The chart's width changes (autoSize observed it). */
  resize: () => void;
}

export const createdCharts: FakeChart[] = [];

export const LineSeries = { type: 'Line' };
export const AreaSeries = { type: 'Area' };
export const CandlestickSeries = { type: 'Candlestick' };
export const CrosshairMode = { Normal: 0, Magnet: 1 };
export const PriceScaleMode = { Normal: 0, Logarithmic: 1, Percentage: 2, IndexedTo100: 3 };

type Handler = (param: unknown) => void;

export function createChart(element: HTMLElement, options: Record<string, unknown>) {
  const crosshairHandlers = new Set<Handler>();
  const sizeHandlers = new Set<() => void>();
  const rangeHandlers = new Set<Handler>();
  const chart: FakeChart = {
    element,
    series: [],
    removed: false,
    options: [options],
    priceScaleOptions: [],
    fits: 0,
    crosshair: undefined,
    moveCrosshair(logical) {
      const data = chart.series[0]?.data ?? [];
      const point = logical === undefined ? undefined : data[logical];
      for (const handler of crosshairHandlers)
        handler(
          point === undefined ? { time: undefined, logical: undefined } : { time: point.time, logical },
        );
    },
    resize() {
      for (const handler of sizeHandlers) handler();
    },
  };
  createdCharts.push(chart);
  const timeScale = {
    fitContent() {
      chart.fits += 1;
      const points = chart.series[0]?.data.length ?? 0;
      for (const handler of rangeHandlers) handler({ from: 0, to: points - 1 });
    },
    subscribeSizeChange: (handler: () => void) => sizeHandlers.add(handler),
    unsubscribeSizeChange: (handler: () => void) => sizeHandlers.delete(handler),
    subscribeVisibleLogicalRangeChange: (handler: Handler) => rangeHandlers.add(handler),
    unsubscribeVisibleLogicalRangeChange: (handler: Handler) => rangeHandlers.delete(handler),
  };
  return {
    addSeries: (definition: { type: string }, seriesOptions: Record<string, unknown> = {}) => {
      const series: FakeSeries = {
        type: definition.type,
        data: [],
        markers: [],
        options: [seriesOptions],
        setData(data) {
          series.data = data;
        },
        applyOptions(more) {
          series.options.push(more);
        },
      };
      chart.series.push(series);
      return series;
    },
    applyOptions: (more: Record<string, unknown>) => chart.options.push(more),
    timeScale: () => timeScale,
    priceScale: () => ({
      applyOptions: (more: Record<string, unknown>) => chart.priceScaleOptions.push(more),
      width: () => 0,
    }),
    setCrosshairPosition(price: number, time: unknown) {
      chart.crosshair = { price, time };
    },
    clearCrosshairPosition() {
      chart.crosshair = undefined;
    },
    subscribeCrosshairMove: (handler: Handler) => crosshairHandlers.add(handler),
    unsubscribeCrosshairMove: (handler: Handler) => crosshairHandlers.delete(handler),
    remove() {
      chart.removed = true;
    },
  };
}

/** Marks on a series (lightweight-charts 5's series-markers primitive). */
export function createSeriesMarkers(series: FakeSeries, markers: Record<string, unknown>[] = []) {
  series.markers = [...markers];
  return {
    setMarkers(next: Record<string, unknown>[]) {
      series.markers = [...next];
    },
    markers: () => series.markers,
    detach() {
      series.markers = [];
    },
  };
}

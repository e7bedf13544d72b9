// lightweight-charts draws on a canvas, which jsdom lacks. Component tests replace it with this stand-in:
// jest.mock('lightweight-charts', () => jest.requireActual('../../testing/fake-lightweight-charts'), { virtual: true });
// It records the data each series receives, so a test can check what would be drawn.

export interface FakeSeries {
  data: unknown[];
  setData: (data: unknown[]) => void;
  applyOptions: (options: unknown) => void;
}

export const createdCharts: { series: FakeSeries[]; removed: boolean }[] = [];

/** What the chart does that a test has nothing to check in. */
const nothing = (): void => undefined;

export const LineSeries = { type: 'Line' };
export const AreaSeries = { type: 'Area' };
export const CrosshairMode = { Normal: 0, Magnet: 1 };

export function createChart() {
  const chart = { series: [] as FakeSeries[], removed: false };
  createdCharts.push(chart);
  return {
    addSeries: () => {
      const series: FakeSeries = {
        data: [],
        setData(data) {
          series.data = data;
        },
        applyOptions: nothing,
      };
      chart.series.push(series);
      return series;
    },
    applyOptions: nothing,
    timeScale: () => ({ fitContent: nothing }),
    subscribeCrosshairMove: nothing,
    unsubscribeCrosshairMove: nothing,
    remove() {
      chart.removed = true;
    },
  };
}

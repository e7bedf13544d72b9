import { sharpe } from '@aetherquant/risk';
import { histogram, seriesAnalytics } from './series-analytics';

describe('histogram', () => {
  it('counts values into equal bins from the lowest to the highest, the highest in the last bin', () => {
    // Width (1 − 0) / 4 = 0.25: 0 and 0.2 → bin 0; 0.25 → bin 1; 0.6 → bin 2; 1 → bin 3.
    expect(histogram([0, 0.2, 0.25, 0.6, 1], 4)).toEqual({
      edges: [0, 0.25, 0.5, 0.75, 1],
      counts: [2, 1, 1, 1],
    });
    expect(histogram([3, 3], 4)).toEqual({ edges: [3, 3], counts: [2] });
    expect(histogram([], 4)).toEqual({ edges: [], counts: [] });
  });
});

describe('seriesAnalytics', () => {
  it('aligns rolling ratios with the bars: the last one is the Sharpe ratio of the last window of returns', () => {
    const equity = Array.from({ length: 300 }, (_, i) => 100 * (1 + 0.001 * i + 0.02 * Math.sin(i)));
    const time = equity.map((_, i) => Date.UTC(2024, 0, 1) + i * 86_400_000);
    const analytics = seriesAnalytics({ time, equity }, 252);
    expect(analytics.rollingWindow).toBe(126);
    expect(analytics.rollingSharpe).toHaveLength(300);
    // Bar t ends return t − 1: bar 126 ends the 126th return, the first full window; bar 125 has none yet.
    expect(analytics.rollingSharpe[125]).toBeNaN();
    expect(analytics.rollingSharpe[126]).not.toBeNaN();
    const returns = equity.slice(1).map((value, t) => value / (equity[t] as number) - 1);
    expect(analytics.rollingSharpe[299]).toBeCloseTo(sharpe(returns.slice(-126), 252), 12);
    expect(analytics.benchmarkRollingSharpe).toBeNull();
  });
});

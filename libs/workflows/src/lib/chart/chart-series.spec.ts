import { parseInterval } from '@aetherquant/core';
import { chartSeries } from './chart-series';

const day = (date: string) => Date.parse(`${date}T00:00:00Z`);

describe('chartSeries', () => {
  const input = {
    time: [day('2024-01-02'), day('2024-01-03'), day('2024-01-04')],
    equity: [100000, 100123.456, 98765.4321],
    benchmark: [100000, 99999.994, 101234.5678],
    interval: parseInterval('1d'),
  };

  it('formats times as dates, money to 2 decimals and drawdown to 6', () => {
    // Drawdown at the last bar: 98765.4321 / 100123.456 − 1 = −0.0135634…
    expect(chartSeries(input, 5)).toEqual({
      time: ['2024-01-02', '2024-01-03', '2024-01-04'],
      equity: [100000, 100123.46, 98765.43],
      benchmark: [100000, 99999.99, 101234.57],
      drawdown: [0, 0, -0.013563],
    });
  });
});

import { useMemo, useState } from 'react';
import { type ChartMarker } from './chart-engine';
import { formatPriceTick, formatPriceValue } from './chart-formats';
import { type ChartGroup } from './chart-group';
import { TimeSeriesChart, type ChartLine } from './time-series-chart';

/** A symbol's prices bar by bar: closes, and the bars' other prices when known (candles). */
export interface PriceSeries {
  time: readonly string[];
  close: readonly number[];
  open?: readonly number[];
  high?: readonly number[];
  low?: readonly number[];
}

export interface PriceChartProps {
  symbol: string;
  prices: PriceSeries;
  /** Buys and sells at the prices traded. */
  marks: readonly ChartMarker[];
  /** The run's other charts: the crosshair moves with theirs. */
  group?: ChartGroup;
}

/**
 * The traded symbol's closes (or candles, on request, when the bars' open, high and low are known) with a ▲ at
 * each buy and a ▼ at each sell, the arrow's tip at the price traded.
 */
export function PriceChart({ symbol, prices, marks, group }: PriceChartProps) {
  const { open, high, low } = prices;
  // Kept by identity: new lines would draw the chart again.
  const ohlc = useMemo(() => (open && high && low ? { open, high, low } : undefined), [open, high, low]);
  const [candles, setCandles] = useState(false);
  const lines = useMemo<ChartLine[]>(
    () => [
      {
        name: symbol,
        values: prices.close,
        colorVariable: '--chart-price',
        ...(candles && ohlc ? { candles: ohlc } : {}),
      },
    ],
    [symbol, prices.close, candles, ohlc],
  );
  return (
    <>
      <TimeSeriesChart
        testId="price-chart"
        label={`Prices of ${symbol}, with a rising arrow at each buy and a falling arrow at each sell`}
        time={prices.time}
        lines={lines}
        markers={marks}
        format={formatPriceValue}
        tickFormat={formatPriceTick}
        logScaleToggle
        group={group}
        actions={
          ohlc && (
            <button
              type="button"
              className="button button--secondary button--small chart__toggle"
              aria-pressed={candles}
              onClick={() => setCandles(!candles)}
            >
              Candles
            </button>
          )
        }
      />
      <p className="chart__key">
        <span className="chart__mark--buy">▲ buy</span> <span className="chart__mark--sell">▼ sell</span>, at
        the prices traded
      </p>
    </>
  );
}

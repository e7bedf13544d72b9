export interface PriceColumns {
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
}

/**
 * Adjusts prices in place for splits and dividends as yfinance's `auto_adjust` does: each bar's open, high
 * and low are scaled by its factor `adjClose / close`, and the close becomes the adjusted close. Returns
 * computed from the result equal those of the adjusted close; volume is left as traded.
 */
export function adjustPrices(columns: PriceColumns, adjClose: Float64Array): void {
  const { open, high, low, close } = columns;
  for (let i = 0; i < close.length; i++) {
    const factor = (adjClose[i] as number) / (close[i] as number);
    open[i] = (open[i] as number) * factor;
    high[i] = (high[i] as number) * factor;
    low[i] = (low[i] as number) * factor;
    close[i] = adjClose[i] as number;
  }
}

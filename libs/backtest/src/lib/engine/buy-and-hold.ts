/**
 * Buy-and-hold of `cash` in one asset, bought at the close of bar `from` and held to bar `to − 1`, without
 * costs: the benchmark a run is measured against when it is one asset (the traded one by default, or the
 * closes of a chosen benchmark aligned to the run's bars).
 *
 *   equity[0] = cash,   equity[j] = equity[j − 1] · (1 + (close[from + j] / close[from + j − 1] − 1))
 *
 * Compounded bar by bar as the engine compounds a strategy, so a strategy holding +1 without costs equals it
 * to the last bit. A close carried forward over a missing bar makes that bar's return 0.
 */
export function buyAndHoldEquity(
  close: ArrayLike<number>,
  cash: number,
  from = 0,
  to = close.length,
): Float64Array {
  const equity = new Float64Array(Math.max(0, to - from));
  if (equity.length === 0) return equity;
  let value = cash;
  let previous = close[from] as number;
  equity[0] = value;
  for (let j = 1; j < equity.length; j++) {
    const price = close[from + j] as number;
    value *= 1 + (price / previous - 1);
    equity[j] = value;
    previous = price;
  }
  return equity;
}

/**
 * The problem with a benchmark's closes given to an engine, as a request-field violation, or undefined: they
 * must be one positive close per bar the engine evaluates (`bars` of them).
 */
export function benchmarkClosesViolation(
  closes: Float64Array | undefined,
  bars: number,
): { field: string; rule: string } | undefined {
  if (closes === undefined) return undefined;
  if (closes.length !== bars) {
    return {
      field: 'benchmarkCloses',
      rule: `must have one close per bar (got ${closes.length} for ${bars} bars)`,
    };
  }
  const bad = closes.findIndex((close) => !(close > 0 && close < Infinity));
  return bad < 0
    ? undefined
    : { field: `benchmarkCloses[${bad}]`, rule: `must be a positive price (got ${closes[bad]})` };
}

// The per-combination evaluation of a sweep: targets → equity → the ranking metrics, in two passes over
// typed arrays and without allocating. A result row is a run of ROW_FIELDS numbers in a Float64Array.

// Module constants: under Jest's sandbox every lookup of the global `Math` is slow.
const { abs, pow, sqrt } = Math;

/** What became of one combination: the first number of its row. */
export const STATUS_EVALUATED = 0;
/** The strategy refused the combination (a cross rule such as fast < slow). */
export const STATUS_INVALID = 1;
/** The series (or train window) is shorter than the combination's warm-up + 2 bars. */
export const STATUS_TOO_FEW_BARS = 2;

/** Offsets in a result row. `null` figures (sortino, calmar, a ruined run's ratios) are stored as NaN. */
export const ROW_STATUS = 0;
export const ROW_SHARPE = 1;
export const ROW_ANNUAL_RETURN = 2;
export const ROW_TOTAL_RETURN = 3;
export const ROW_MAX_DRAWDOWN = 4;
export const ROW_FINAL_EQUITY = 5;
export const ROW_SORTINO = 6;
export const ROW_CALMAR = 7;
export const ROW_TRADES = 8;
/** For STATUS_TOO_FEW_BARS rows: the bars the combination needs (warm-up + 2). */
export const ROW_BARS_NEEDED = 1;
export const ROW_FIELDS = 9;

/**
 * The bar returns of the engine, `r[t] = close[t] / close[t − 1] − 1` for t ≥ 1 (`r[0]` = 0), written into
 * `out`: computed once per job and shared by every combination, so {@link evaluateTargets} divides once per
 * bar instead of twice.
 */
export function barReturnsOf(close: Float64Array, n: number, out: Float64Array): Float64Array {
  if (n > 0) out[0] = 0;
  let previousClose = close[0] as number;
  for (let t = 1; t < n; t++) {
    const price = close[t] as number;
    out[t] = price / previousClose - 1;
    previousClose = price;
  }
  return out;
}

/**
 * Evaluates `targets` over the first `n` bars and writes one result row at `out[offset…]`; `barReturns` are
 * the bars' returns ({@link barReturnsOf}).
 *
 * The equity recursion is the engine's, operation for operation (`runBacktest`): with c the cost rate,
 * `e[0] = cash·(1 − |target[0]|·c)`, `e[t] = e[t−1]·(1 + target[t−1]·r[t] − |target[t] − target[t−1]|·c)`. The
 * metrics are those of `summary()` from @aetherquant/risk, computed with the same expressions in the same
 * order, so they equal `runBacktest(...).summary` to the bit (the spec checks 1e-12 relative):
 *
 * - pass 1 (fused with the equity): returns `e[t]/e[t−1] − 1` into `returns`, their sum, the running peak
 *   and the deepest drawdown, and the trade count as `extractTrades` counts trades (an entry at each change
 *   to a non-zero sign; an open trade entered on the last bar does not count). The drawdown divides once
 *   per trough rather than once per bar: division by the same peak is monotone, so the lowest equity below
 *   a peak gives exactly the deepest `e/peak − 1` the summary finds bar by bar;
 * - pass 2 over the returns: squared deviations from the mean (two-pass, ddof = 1) and downside squares;
 * - sharpe `mean/std·√ppy` (0 when std is 0), annual return `(e[n−1]/e[0])^(ppy/n) − 1`, total return
 *   `e[n−1]/e[0] − 1`, max drawdown, final equity `e[n−1]`, sortino `mean·√ppy/√(Σmin(r,0)²/k)` (null
 *   without downside), calmar `annual/|maxDrawdown|` (null without drawdown), trades.
 *
 * Not computed (the full summary has them): volatility, drawdown duration, VaR/CVaR, beta/alpha, win
 * rate, profit factor, exposure, turnover.
 *
 * A run whose equity reaches 0 or below (a −1 short through a doubling, or costs above 100%) is RUINED:
 * `runBacktest` refuses it (its summary needs positive equity), and here it gets final equity 0, total and
 * annual return −1, max drawdown −1, calmar −1, sharpe and sortino null, so it ranks at or near the bottom.
 *
 * @param returns - scratch for n − 1 returns.
 */
export function evaluateTargets(
  barReturns: Float64Array,
  targets: Float64Array,
  n: number,
  cost: number,
  initialCash: number,
  periodsPerYear: number,
  returns: Float64Array,
  out: Float64Array,
  offset: number,
): void {
  let previousTarget = targets[0] as number;
  let equity = initialCash * (1 - abs(previousTarget) * cost);
  const first = equity;
  let previousEquity = equity;
  let peak = equity;
  let trough = equity;
  let deepest = 0;
  let sum = 0;
  let side = previousTarget > 0 ? 1 : previousTarget < 0 ? -1 : 0;
  let trades = side === 0 ? 0 : 1;
  let entry = 0;
  let ruined = !(equity > 0);
  for (let t = 1; t < n && !ruined; t++) {
    const target = targets[t] as number;
    equity *= 1 + previousTarget * (barReturns[t] as number) - abs(target - previousTarget) * cost;
    if (!(equity > 0 && equity < Infinity)) {
      // A wiped-out account trades no more: the target of this bar opens no trade.
      ruined = true;
      break;
    }
    const periodReturn = equity / previousEquity - 1;
    returns[t - 1] = periodReturn;
    sum += periodReturn;
    if (equity > peak) {
      if (trough < peak) {
        const drawdown = trough / peak - 1;
        if (drawdown < deepest) deepest = drawdown;
      }
      peak = equity;
      trough = equity;
    } else if (equity < trough) {
      trough = equity;
    }
    if (target !== previousTarget) {
      const sign = target > 0 ? 1 : target < 0 ? -1 : 0;
      if (sign !== side) {
        if (sign !== 0) {
          trades++;
          entry = t;
        }
        side = sign;
      }
    }
    previousEquity = equity;
    previousTarget = target;
  }
  if (trough < peak) {
    const drawdown = trough / peak - 1;
    if (drawdown < deepest) deepest = drawdown;
  }
  if (side !== 0 && entry === n - 1) trades--;

  if (ruined) {
    out[offset + ROW_STATUS] = STATUS_EVALUATED;
    out[offset + ROW_SHARPE] = Number.NaN;
    out[offset + ROW_ANNUAL_RETURN] = -1;
    out[offset + ROW_TOTAL_RETURN] = -1;
    out[offset + ROW_MAX_DRAWDOWN] = -1;
    out[offset + ROW_FINAL_EQUITY] = 0;
    out[offset + ROW_SORTINO] = Number.NaN;
    out[offset + ROW_CALMAR] = -1;
    out[offset + ROW_TRADES] = trades;
    return;
  }

  const count = n - 1;
  const mean = sum / count;
  let squares = 0;
  let downside = 0;
  for (let i = 0; i < count; i++) {
    const value = returns[i] as number;
    const deviation = value - mean;
    const loss = value < 0 ? value : 0;
    squares += deviation * deviation;
    downside += loss * loss;
  }
  const rootPeriods = sqrt(periodsPerYear);
  const deviation = count < 2 ? 0 : sqrt(squares / (count - 1));
  const annualReturn = pow(equity / first, periodsPerYear / n) - 1;

  out[offset + ROW_STATUS] = STATUS_EVALUATED;
  out[offset + ROW_SHARPE] = deviation === 0 ? 0 : (mean / deviation) * rootPeriods;
  out[offset + ROW_ANNUAL_RETURN] = annualReturn;
  out[offset + ROW_TOTAL_RETURN] = equity / first - 1;
  out[offset + ROW_MAX_DRAWDOWN] = deepest;
  out[offset + ROW_FINAL_EQUITY] = equity;
  out[offset + ROW_SORTINO] = downside === 0 ? Number.NaN : (mean / sqrt(downside / count)) * rootPeriods;
  out[offset + ROW_CALMAR] = deepest === 0 ? Number.NaN : annualReturn / abs(deepest);
  out[offset + ROW_TRADES] = trades;
}

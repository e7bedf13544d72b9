import { compensatedAdd, compensatedReset, compensatedValue } from '../summation/compensated-sum';

const NOT_DEFINED = Number.NaN;

/**
 * Below this fraction of period × mean², a sum of squared deviations left by the sliding update is rounding
 * noise as much as signal (the update cancels terms of size mean²), so the window is re-summed instead. A
 * flat window then reads exactly 0, not the square of a rounding error (a standard deviation of 6e-8 on a
 * price of 100 where the two prices are equal). Real prices sit far above it: a tick of 0.01 on a price of
 * 100 is a relative deviation of 1e-4, this is one of 1e-6.
 */
const NOISE = 1e-12;

/**
 * An update that shrinks M2 by more than this factor has cancelled most of its digits (its rounding error
 * is that of the larger M2 before it), so the window is re-summed: at most 10 bits are ever lost that way.
 */
const SHRINK = 1 / 1024;

/** Whether an M2 after an update is too close to its cancellation error to keep. */
function cancelled(squares: number, before: number, period: number, mean: number): boolean {
  return squares !== 0 && (squares < before * SHRINK || squares <= NOISE * period * mean * mean);
}

/**
 * Mean and sum of squared deviations of `values[first … last]`, re-summed: a compensated sum for the mean,
 * then the corrected two-pass sum (Björck, "Numerical Methods for Least Squares Problems", §1.2). Exactly
 * the value and 0 for a flat window. Writes `[mean, m2]` into `result`.
 */
function resum(
  values: ArrayLike<number>,
  first: number,
  last: number,
  sum: Float64Array,
  result: Float64Array,
): void {
  const count = last - first + 1;
  compensatedReset(sum);
  let lowest = values[first] as number;
  let highest = lowest;
  for (let j = first; j <= last; j++) {
    const value = values[j] as number;
    compensatedAdd(sum, value);
    if (value < lowest) lowest = value;
    if (value > highest) highest = value;
  }
  if (lowest === highest) {
    result[0] = lowest;
    result[1] = 0;
    return;
  }
  const mean = compensatedValue(sum) / count;
  let squares = 0;
  let residual = 0;
  for (let j = first; j <= last; j++) {
    const deviation = (values[j] as number) - mean;
    squares += deviation * deviation;
    residual += deviation;
  }
  result[0] = mean;
  result[1] = squares - (residual * residual) / count;
}

/**
 * The rolling mean and the rolling sum of squared deviations from it (M2, so that the variance is
 * M2 / (period − ddof)) of `values` over windows of `period` bars, written into `mean` and `m2`
 * (NaN for bars 0 … period − 2).
 *
 * O(n): Welford's update while the first window fills, then the exact replacement update
 * `M2' = M2 + (x_new − x_old)·(x_new − mean' + x_old − mean)` as the window slides. Every `period` bars the
 * window is re-summed from scratch, so rounding errors of the updates cannot accumulate over a long series:
 * the cost is one extra pass over the data, and the error stays that of at most `period` updates. A window
 * whose M2 falls to rounding noise, or shrinks by more than 1024 times in one step, is re-summed too
 * (see {@link NOISE} and {@link SHRINK}), so flat windows read exactly 0 and a small M2 after a large one
 * keeps its digits. Those re-sums are rare on prices and returns; a series built to trigger one every bar
 * would cost O(n × period).
 */
export function rollingMoments(
  values: ArrayLike<number>,
  period: number,
  mean: Float64Array,
  m2: Float64Array,
): void {
  const n = values.length;
  const sum = new Float64Array(2);
  const resummed = new Float64Array(2);
  let average = 0;
  let squares = 0;
  for (let t = 0; t < n; t++) {
    const value = values[t] as number;
    if (t < period - 1) {
      const count = t + 1;
      const delta = value - average;
      average += delta / count;
      squares += delta * (value - average);
      mean[t] = NOT_DEFINED;
      m2[t] = NOT_DEFINED;
      continue;
    }
    if ((t - period + 1) % period === 0) {
      resum(values, t - period + 1, t, sum, resummed);
      average = resummed[0] as number;
      squares = resummed[1] as number;
    } else {
      const old = values[t - period] as number;
      const next = average + (value - old) / period;
      const before = squares;
      squares += (value - old) * (value - next + (old - average));
      average = next;
      if (cancelled(squares, before, period, average)) {
        resum(values, t - period + 1, t, sum, resummed);
        average = resummed[0] as number;
        squares = resummed[1] as number;
      }
    }
    mean[t] = average;
    m2[t] = squares > 0 ? squares : 0;
  }
}

/** What {@link rollingCoMoments} writes: the window's co-moment of x and y, and M2 of x and of y. */
export interface CoMomentColumns {
  xy: Float64Array;
  xx: Float64Array;
  /** Left out (beta does not need it). */
  yy?: Float64Array;
}

/**
 * The rolling co-moment Σ(x − x̄)(y − ȳ) and the M2 of x and y over windows of `period` bars (NaN for bars
 * 0 … period − 2), with the same scheme as {@link rollingMoments}: Welford while the first window fills,
 * the exact replacement update `C' = C + (x_new − x̄)(y_new − ȳ') − (x_old − x̄)(y_old − ȳ')` as it slides,
 * and a corrected two-pass re-sum every `period` bars and wherever an M2 cancels (as there).
 */
export function rollingCoMoments(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  period: number,
  out: CoMomentColumns,
): void {
  const n = x.length;
  const { xy, xx, yy } = out;
  const sum = new Float64Array(2);
  const resummed = new Float64Array(2);
  let meanX = 0;
  let meanY = 0;
  let coMoment = 0;
  let squaresX = 0;
  let squaresY = 0;
  for (let t = 0; t < n; t++) {
    const valueX = x[t] as number;
    const valueY = y[t] as number;
    if (t < period - 1) {
      const count = t + 1;
      const deltaX = valueX - meanX;
      const deltaY = valueY - meanY;
      meanX += deltaX / count;
      meanY += deltaY / count;
      coMoment += deltaX * (valueY - meanY);
      squaresX += deltaX * (valueX - meanX);
      squaresY += deltaY * (valueY - meanY);
      xy[t] = NOT_DEFINED;
      xx[t] = NOT_DEFINED;
      if (yy) yy[t] = NOT_DEFINED;
      continue;
    }
    let again = (t - period + 1) % period === 0;
    if (!again) {
      const oldX = x[t - period] as number;
      const oldY = y[t - period] as number;
      const nextX = meanX + (valueX - oldX) / period;
      const nextY = meanY + (valueY - oldY) / period;
      const beforeX = squaresX;
      const beforeY = squaresY;
      coMoment += (valueX - meanX) * (valueY - nextY) - (oldX - meanX) * (oldY - nextY);
      squaresX += (valueX - oldX) * (valueX - nextX + (oldX - meanX));
      squaresY += (valueY - oldY) * (valueY - nextY + (oldY - meanY));
      meanX = nextX;
      meanY = nextY;
      again = cancelled(squaresX, beforeX, period, meanX) || cancelled(squaresY, beforeY, period, meanY);
    }
    if (again) {
      const first = t - period + 1;
      resum(x, first, t, sum, resummed);
      meanX = resummed[0] as number;
      squaresX = resummed[1] as number;
      resum(y, first, t, sum, resummed);
      meanY = resummed[0] as number;
      squaresY = resummed[1] as number;
      let cross = 0;
      let residualX = 0;
      let residualY = 0;
      for (let j = first; j <= t; j++) {
        const dx = (x[j] as number) - meanX;
        const dy = (y[j] as number) - meanY;
        cross += dx * dy;
        residualX += dx;
        residualY += dy;
      }
      coMoment = cross - (residualX * residualY) / period;
    }
    xy[t] = coMoment;
    xx[t] = squaresX > 0 ? squaresX : 0;
    if (yy) yy[t] = squaresY > 0 ? squaresY : 0;
  }
}

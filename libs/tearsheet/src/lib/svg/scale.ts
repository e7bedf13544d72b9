// Axis scales and tick choice for the tearsheet's charts.

/** A value → y-coordinate mapping, linear or logarithmic, with the ticks worth labelling. */
export interface ValueScale {
  y(value: number): number;
  ticks: number[];
}

/**
 * "Nice" tick values covering [min, max]: steps of 1, 2 or 5 × 10^k, about `count` of them (as d3's ticks), so
 * labels read 10,000 · 20,000 rather than 9,873 · 19,746.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const rough = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  // d3's thresholds: round the rough step to the 1, 2, 5 or 10 nearest to it on a log scale.
  const step =
    (fraction >= Math.sqrt(50) ? 10 : fraction >= Math.sqrt(10) ? 5 : fraction >= Math.sqrt(2) ? 2 : 1) *
    power;
  const ticks: number[] = [];
  for (let tick = Math.ceil(min / step) * step; tick <= max + step * 1e-9; tick += step) {
    ticks.push(Math.abs(tick) < step * 1e-9 ? 0 : Number(tick.toPrecision(12)));
  }
  return ticks;
}

/** Ticks of a log axis: 1, 2 and 5 × 10^k inside [min, max] (only powers of ten over wide ranges). */
export function logTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  const decades = Math.log10(max / min);
  const multiples = decades > 3 ? [1] : decades > 1 ? [1, 2, 5] : [1, 1.5, 2, 3, 5, 7];
  for (let power = Math.floor(Math.log10(min)); power <= Math.ceil(Math.log10(max)); power++) {
    for (const multiple of multiples) {
      const tick = Number((multiple * 10 ** power).toPrecision(12));
      if (tick >= min && tick <= max) ticks.push(tick);
    }
  }
  return ticks.length >= 2 ? ticks : niceTicks(min, max, 4);
}

/**
 * The scale of a chart's values onto `[top, bottom]` pixels: linear over the data's range padded by 5 % (and
 * widened to include `include`, such as 0 for a drawdown), or logarithmic (positive data only).
 */
export function valueScale(
  values: readonly ArrayLike<number>[],
  top: number,
  bottom: number,
  options: { log?: boolean; include?: number } = {},
): ValueScale {
  let min = Infinity;
  let max = -Infinity;
  for (const column of values) {
    for (let i = 0; i < column.length; i++) {
      const value = column[i] as number;
      if (!Number.isFinite(value)) continue;
      if (value < min) min = value;
      if (value > max) max = value;
    }
  }
  if (options.include !== undefined) {
    min = Math.min(min, options.include);
    max = Math.max(max, options.include);
  }
  if (!Number.isFinite(min)) [min, max] = [0, 1];
  if (options.log && min > 0) {
    const [low, high] =
      min === max ? [min / 1.1, max * 1.1] : [min / (max / min) ** 0.05, max * (max / min) ** 0.05];
    const span = Math.log(high / low);
    return {
      y: (value) => bottom - (Math.log(value / low) / span) * (bottom - top),
      ticks: logTicks(low, high),
    };
  }
  const pad = min === max ? Math.abs(min) * 0.1 || 1 : (max - min) * 0.05;
  // Flat data at the baseline (a drawdown that never leaves 0) still needs a span to draw in.
  const low = options.include === min && min !== max ? min : min - pad;
  const high = options.include === max && min !== max ? max : max + pad;
  return {
    y: (value) => bottom - ((value - low) / (high - low)) * (bottom - top),
    ticks: niceTicks(low, high, 5).filter((tick) => tick >= low && tick <= high),
  };
}

/** A unit of a time axis: how bars are grouped into labelled steps, and how a step's label reads. */
interface TimeUnit {
  key(date: Date): string;
  label(date: Date): string;
}

const pad = (value: number) => String(value).padStart(2, '0');
const TIME_UNITS: Readonly<Record<'year' | 'month' | 'day' | 'hour', TimeUnit>> = {
  year: { key: (d) => `${d.getUTCFullYear()}`, label: (d) => String(d.getUTCFullYear()) },
  month: {
    key: (d) => `${d.getUTCFullYear()}-${d.getUTCMonth()}`,
    label: (d) => `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCFullYear()).slice(2)}`,
  },
  day: {
    key: (d) => d.toISOString().slice(0, 10),
    label: (d) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`,
  },
  hour: {
    key: (d) => d.toISOString().slice(0, 13),
    label: (d) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  },
};

/**
 * Where to label a time axis of bars: the first bar of each year over two years or more, of each month over two
 * months or more, of each day over two days or more, else of each hour (UTC, as bar times are), at most
 * `maxTicks` of them (every k-th step when there are more).
 */
export function timeTicks(time: ArrayLike<number>, maxTicks = 8): { index: number; label: string }[] {
  if (time.length === 0) return [];
  const first = new Date(time[0] as number);
  const last = new Date(time[time.length - 1] as number);
  const months =
    (last.getUTCFullYear() - first.getUTCFullYear()) * 12 + last.getUTCMonth() - first.getUTCMonth();
  const days = (last.getTime() - first.getTime()) / 86_400_000;
  const unit = TIME_UNITS[months >= 24 ? 'year' : months >= 2 ? 'month' : days >= 2 ? 'day' : 'hour'];
  const ticks: { index: number; label: string }[] = [];
  let previous = '';
  for (let i = 0; i < time.length; i++) {
    const date = new Date(time[i] as number);
    const key = unit.key(date);
    if (key === previous) continue;
    previous = key;
    ticks.push({ index: i, label: unit.label(date) });
  }
  if (ticks.length <= maxTicks) return ticks;
  const every = Math.ceil(ticks.length / maxTicks);
  return ticks.filter((_, i) => i % every === 0);
}

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The indices worth drawing of a long series: per bucket of `bucket` consecutive points, its first, lowest,
 * highest and last, in order, so peaks and troughs survive and a 20,000-bar curve stays a few thousand points.
 */
export function drawnIndices(
  length: number,
  values: readonly ArrayLike<number>[],
  maxPoints: number,
): number[] {
  if (length <= maxPoints) return Array.from({ length }, (_, i) => i);
  const bucket = Math.ceil((length * 4) / maxPoints);
  const kept = new Set<number>();
  for (let start = 0; start < length; start += bucket) {
    const end = Math.min(length, start + bucket);
    kept.add(start).add(end - 1);
    for (const column of values) {
      let low = start;
      let high = start;
      for (let i = start + 1; i < end; i++) {
        if ((column[i] as number) < (column[low] as number)) low = i;
        if ((column[i] as number) > (column[high] as number)) high = i;
      }
      kept.add(low).add(high);
    }
  }
  return [...kept].sort((a, b) => a - b);
}

import { html, type Html, joinHtml } from '../format/html';
import { drawnIndices, timeTicks, valueScale } from './scale';

/** Width of every chart's view box; charts scale to their container (and scroll sideways below 640 px). */
export const CHART_WIDTH = 1000;
const FONT_PX = 12;
/** Roughly the width of one character of the chart font, for room to the left of the longest label. */
const CHAR_PX = 7.2;
const MAX_DRAWN_POINTS = 2400;

export interface ChartLine {
  label: string;
  values: ArrayLike<number>;
  /** CSS class giving the line its colour: `strategy`, `benchmark`, `price`, `drawdown`, `rolling-a`… */
  className: string;
}

/** A trade marker on the first line: ▲ where a position was bought, ▼ where one was sold. */
export interface ChartMarker {
  index: number;
  kind: 'buy' | 'sell';
  title: string;
}

export interface LineChartOptions {
  time: ArrayLike<number>;
  lines: readonly ChartLine[];
  /** Tick labels of the value axis. */
  format: (value: number) => string;
  height?: number;
  log?: boolean;
  /** A value the axis must include (0 for drawdowns) and draw as a baseline. */
  baseline?: number;
  /** Shade between the first line and the baseline (underwater charts). */
  fill?: boolean;
  markers?: readonly ChartMarker[];
  /** The accessible name of the chart. */
  title: string;
}

/**
 * A line chart as inline SVG: bars evenly spaced (weekends and holidays take no room, as on a trading
 * chart), years (or months) on the time axis, nice ticks on the value axis with room for the longest label so
 * none is clipped, long series reduced to their extremes per pixel column.
 */
export function lineChart(options: LineChartOptions): Html {
  const { time, lines, format } = options;
  const height = options.height ?? 320;
  const top = 10;
  const bottom = height - 26;
  const scale = valueScale(
    lines.map((line) => line.values),
    top,
    bottom,
    { log: options.log, include: options.baseline },
  );
  const labels = scale.ticks.map((tick) => format(tick));
  const left = Math.ceil(Math.max(...labels.map((label) => label.length), 3) * CHAR_PX) + 14;
  const right = CHART_WIDTH - 12;
  const count = time.length;
  const x = (index: number) => (count <= 1 ? left : left + ((right - left) * index) / (count - 1));

  const grid = scale.ticks.map(
    (tick, i) =>
      html`<line class="grid" x1="${left}" x2="${right}" y1="${px(scale.y(tick))}" y2="${px(scale.y(tick))}" /><text class="tick" x="${left - 6}" y="${px(scale.y(tick) + FONT_PX / 3)}" text-anchor="end" >${labels[i]}</text >`,
  );
  const axis = timeTicks(time).map(
    ({ index, label }) =>
      html`<line class="grid" x1="${px(x(index))}" x2="${px(x(index))}" y1="${top}" y2="${bottom}" /><text class="tick" x="${px(x(index))}" y="${bottom + 17}" text-anchor="${index === 0 ? 'start' : 'middle'}" >${label}</text >`,
  );
  const indices = drawnIndices(
    count,
    lines.map((line) => line.values),
    MAX_DRAWN_POINTS,
  );
  const paths = lines.map((line) => {
    const points = indices
      .filter(
        (i) => Number.isFinite(line.values[i] as number) && (!options.log || (line.values[i] as number) > 0),
      )
      .map((i) => `${px(x(i))},${px(scale.y(line.values[i] as number))}`);
    if (points.length === 0) return html``;
    const d = `M${points.join('L')}`;
    const shade =
      options.fill && options.baseline !== undefined
        ? html`<path class="fill ${line.className}" d="${d}L${px(x(indices[indices.length - 1] as number))},${px(scale.y(options.baseline))}L${px(x(indices[0] as number))},${px(scale.y(options.baseline))}Z" />`
        : html``;
    return html`${shade}<path class="line ${line.className}" d="${d}"><title>${line.label}</title></path>`;
  });
  const baseline =
    options.baseline === undefined
      ? html``
      : html`<line class="baseline" x1="${left}" x2="${right}" y1="${px(scale.y(options.baseline))}" y2="${px(scale.y(options.baseline))}" />`;
  const first = lines[0]?.values;
  const markers =
    first === undefined
      ? []
      : (options.markers ?? []).map((marker) => {
          const cx = x(marker.index);
          const cy = scale.y(first[marker.index] as number);
          const points =
            marker.kind === 'buy'
              ? `${px(cx)},${px(cy + 4)} ${px(cx - 5)},${px(cy + 13)} ${px(cx + 5)},${px(cy + 13)}`
              : `${px(cx)},${px(cy - 4)} ${px(cx - 5)},${px(cy - 13)} ${px(cx + 5)},${px(cy - 13)}`;
          return html`<polygon class="marker ${marker.kind}" points="${points}" ><title>${marker.title}</title></polygon >`;
        });
  return html`<svg class="chart-svg" viewBox="0 0 ${CHART_WIDTH} ${height}" role="img" aria-label="${options.title}" >${joinHtml(grid)}${joinHtml(axis)}${baseline}${joinHtml(paths)}${joinHtml(markers)}</svg>`;
}

/** A legend naming each line with its colour. */
export function legend(lines: readonly { label: string; className: string }[]): Html {
  return html`<ul class="legend">${lines.map((line) => html`<li><span class="swatch ${line.className}"></span>${line.label}</li>`)}</ul>`;
}

/** Pixel coordinates to one decimal: enough on a 1000-unit view box, and half the bytes of full precision. */
export function px(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}

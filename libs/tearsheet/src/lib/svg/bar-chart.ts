import { html, type Html, joinHtml } from '../format/html';
import { CHART_WIDTH, px } from './line-chart';
import { valueScale } from './scale';

export interface Bar {
  label: string;
  value: number;
  /** Text shown in the bar's tooltip. */
  title: string;
}

/**
 * Vertical bars on a value axis that includes 0 (a histogram or signed contributions), coloured by sign, each
 * labelled below when there is room (every `labelEvery`-th otherwise).
 */
export function barChart(options: {
  bars: readonly Bar[];
  format: (value: number) => string;
  title: string;
  height?: number;
  /** Colour every bar by the sign of its label's number (a histogram of returns) instead of its value. */
  colourBy?: (bar: Bar) => number;
}): Html {
  const { bars, format } = options;
  const height = options.height ?? 240;
  const top = 10;
  const bottom = height - 26;
  const scale = valueScale([bars.map((bar) => bar.value)], top, bottom, { include: 0 });
  const labels = scale.ticks.map(format);
  const left = Math.ceil(Math.max(...labels.map((label) => label.length), 3) * 7.2) + 14;
  const right = CHART_WIDTH - 12;
  const slot = (right - left) / Math.max(1, bars.length);
  const labelEvery = Math.max(1, Math.ceil(bars.length / Math.floor((right - left) / 64)));
  const zero = scale.y(0);
  const grid = scale.ticks.map(
    (tick, i) =>
      html`<line class="grid" x1="${left}" x2="${right}" y1="${px(scale.y(tick))}" y2="${px(scale.y(tick))}" /><text class="tick" x="${left - 6}" y="${px(scale.y(tick) + 4)}" text-anchor="end" >${labels[i]}</text >`,
  );
  const rects = bars.map((bar, i) => {
    const y = scale.y(bar.value);
    const sign = options.colourBy ? options.colourBy(bar) : bar.value;
    const className = sign > 0 ? 'up' : sign < 0 ? 'down' : 'zero';
    const label =
      i % labelEvery === 0
        ? html`<text class="tick" x="${px(left + slot * (i + 0.5))}" y="${bottom + 17}" text-anchor="middle" >${bar.label}</text >`
        : html``;
    return html`<rect class="bar ${className}" x="${px(left + slot * i + slot * 0.1)}" width="${px(slot * 0.8)}" y="${px(Math.min(y, zero))}" height="${px(Math.max(0.5, Math.abs(zero - y)))}" ><title>${bar.title}</title></rect >${label}`;
  });
  return html`<svg class="chart-svg" viewBox="0 0 ${CHART_WIDTH} ${height}" role="img" aria-label="${options.title}" >${joinHtml(grid)}<line class="baseline" x1="${left}" x2="${right}" y1="${px(zero)}" y2="${px(zero)}" />${joinHtml(rects)}</svg>`;
}

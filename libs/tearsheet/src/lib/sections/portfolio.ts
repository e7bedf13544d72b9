import { formatFigure } from '@aetherquant/core';
import { html, type Html, joinHtml } from '../format/html';
import { barChart } from '../svg/bar-chart';
import { CHART_WIDTH, legend, px } from '../svg/line-chart';
import { niceTicks } from '../svg/scale';
import { section, type SectionContext } from './section';

/** Colours for assets cycle through this many classes (`asset-0` …). */
const PALETTE_SIZE = 10;

/**
 * The weights a portfolio held, one stacked column per rebalance (long weights up from 0, short ones down),
 * and the latest weights as a table.
 */
export function weightsSection(context: SectionContext): Html {
  const weights = context.input.weights;
  if (weights === undefined || weights.time.length === 0) return html``;
  const height = 260;
  const top = 10;
  const bottom = height - 26;
  let high = 1;
  let low = 0;
  for (const row of weights.weights) {
    const long = row.reduce((sum, w) => sum + Math.max(0, w), 0);
    const short = row.reduce((sum, w) => sum + Math.min(0, w), 0);
    high = Math.max(high, long);
    low = Math.min(low, short);
  }
  const y = (value: number) => bottom - ((value - low) / (high - low)) * (bottom - top);
  const ticks = niceTicks(low, high, 4);
  const left = 60;
  const right = CHART_WIDTH - 12;
  const slot = (right - left) / weights.time.length;
  const columns = weights.weights.map((row, i) => {
    let up = 0;
    let down = 0;
    return joinHtml(
      row.map((weight, j) => {
        if (weight === 0) return '';
        const from = weight > 0 ? up : down;
        const to = from + weight;
        if (weight > 0) up = to;
        else down = to;
        const title = `${context.time(weights.time[i] as number)} ${weights.symbols[j]}: ${formatFigure(weight, 'percent')}`;
        return html`<rect class="asset-${j % PALETTE_SIZE}" x="${px(left + slot * i)}" width="${px(Math.max(slot - 0.5, 0.5))}" y="${px(y(Math.max(from, to)))}" height="${px(Math.abs(y(from) - y(to)))}" ><title>${title}</title></rect >`;
      }),
    );
  });
  const grid = ticks.map(
    (tick) =>
      html`<line class="grid" x1="${left}" x2="${right}" y1="${px(y(tick))}" y2="${px(y(tick))}" /><text class="tick" x="${left - 6}" y="${px(y(tick) + 4)}" text-anchor="end" >${formatFigure(tick, 'percent').replace(',00', '')}</text >`,
  );
  const latest = weights.weights[weights.weights.length - 1] ?? [];
  const swatches = weights.symbols.map((symbol, j) => ({
    label: symbol,
    className: `asset-${j % PALETTE_SIZE}`,
  }));
  return section(
    'weights',
    'Weights over time',
    html`${legend(swatches)}<div class="chart"><svg class="chart-svg" viewBox="0 0 ${CHART_WIDTH} ${height}" role="img" aria-label="Portfolio weights at each rebalance" >${joinHtml(grid)}${columns}</svg></div><div class="table-wrap"><table><thead><tr><th>Symbol</th><th>Latest weight</th></tr></thead><tbody>${weights.symbols.map(
      (symbol, j) =>
        html`<tr><td>${symbol}</td><td class="num">${formatFigure(latest[j], 'percent')}</td></tr>`,
    )}</tbody></table></div>`,
    `${formatFigure(weights.time.length, 'count')} rebalances; each column is the weights set at one.`,
  );
}

/** Each asset's contribution to the portfolio's return, as signed bars and a table. */
export function contributionSection(context: SectionContext): Html {
  const contributions = context.input.contributions;
  if (contributions === undefined || contributions.length === 0) return html``;
  const bars = contributions.map((c) => ({
    label: c.symbol,
    value: c.contribution,
    title: `${c.symbol}: ${formatFigure(c.contribution, 'percent')}`,
  }));
  return section(
    'contribution',
    'Contribution by asset',
    html`<div class="chart">${barChart({ bars, format: (value) => formatFigure(value, 'percent'), title: 'Contribution to return by asset' })}</div><div class="table-wrap"><table><thead><tr><th>Symbol</th><th>Contribution</th></tr></thead><tbody>${contributions.map(
      (c) => html`<tr><td>${c.symbol}</td><td>${context.signed(c.contribution, 'percent')}</td></tr>`,
    )}</tbody></table></div>`,
    'Percentage points of the total return each asset earned: they sum to the total return.',
  );
}

import { type CalendarReturn } from '@aetherquant/risk';
import { formatFigure } from '@aetherquant/core';
import { signClass } from '../format/figure-format';
import { html, type Html } from '../format/html';
import { MONTHS } from '../svg/scale';
import { section, type SectionContext } from './section';

/**
 * Monthly returns as a heat map (a row per year, a column per month, the year's return last) and, beside the
 * year, the benchmark's. Shade grows with the size of the return relative to the largest in the table.
 */
export function calendarSection(context: SectionContext): Html {
  const { analytics, input } = context;
  if (analytics === null || analytics.months.length === 0) return html``;
  const largest = Math.max(...analytics.months.map((m) => Math.abs(m.return)), 1e-12);
  const yearsLargest = Math.max(...analytics.years.map((y) => Math.abs(y.return)), 1e-12);
  const byYear = new Map<number, Map<number, CalendarReturn>>();
  for (const month of analytics.months) {
    if (!byYear.has(month.year)) byYear.set(month.year, new Map());
    byYear.get(month.year)?.set(month.month as number, month);
  }
  const benchmarkYear = new Map((analytics.benchmarkYears ?? []).map((y) => [y.year, y.return]));
  const cell = (value: number | undefined, scale: number) =>
    value === undefined
      ? html`<td class="empty"></td>`
      : html`<td class="heat ${signClass(value)}" style="--shade:${(Math.min(1, Math.abs(value) / scale) * 0.85 + 0.05).toFixed(3)}" >${formatFigure(value * 100, 'decimal')}</td>`;
  const rows = analytics.years.map((year) => {
    const months = byYear.get(year.year);
    return html`<tr><th scope="row">${year.year}</th>${MONTHS.map((_, m) => cell(months?.get(m + 1)?.return, largest))}${cell(year.return, yearsLargest)}${
      analytics.benchmarkYears ? cell(benchmarkYear.get(year.year), yearsLargest) : ''
    }</tr>`;
  });
  const benchmarkHead =
    analytics.benchmarkYears && input.benchmarkLabel
      ? html`<th scope="col" title="${input.benchmarkLabel}">Bench.</th>`
      : '';
  return section(
    'returns',
    'Monthly and yearly returns (%)',
    html`<div class="table-wrap"><table class="heatmap"><thead><tr><th scope="col">Year</th>${MONTHS.map((m) => html`<th scope="col">${m}</th>`)}<th scope="col">Year</th>${benchmarkHead}</tr></thead><tbody>${rows}</tbody></table></div>`,
    'Each month compounds from the last bar of the month before; the first month starts at the first bar. Percent, 2 decimals.',
  );
}

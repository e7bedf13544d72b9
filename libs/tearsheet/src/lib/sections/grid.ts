import { formatFigure } from '@aetherquant/core';
import { signClass } from '../format/figure-format';
import { html, type Html } from '../format/html';
import { section, type SectionContext } from './section';

/** A sweep's metric over its parameter grid as a heat map (rows: the second parameter; columns: the first). */
export function gridSection(context: SectionContext): Html {
  const grid = context.input.grid;
  if (grid === undefined) return html``;
  let largest = 1e-12;
  for (const row of grid.values)
    for (const value of row)
      if (value !== null && Number.isFinite(value)) largest = Math.max(largest, Math.abs(value));
  const rowNames = grid.y?.values ?? [null];
  const rows = grid.values.map(
    (row, i) =>
      html`<tr>${grid.y ? html`<th scope="row">${rowNames[i]}</th>` : ''}${row.map((value) =>
        value === null || !Number.isFinite(value)
          ? html`<td class="empty">—</td>`
          : html`<td class="heat ${signClass(value)}" style="--shade:${(Math.min(1, Math.abs(value) / largest) * 0.85 + 0.05).toFixed(3)}" >${formatFigure(value, grid.metricKind)}</td>`,
      )}</tr>`,
  );
  return section(
    'grid',
    `${grid.metric} over the parameter grid`,
    html`<div class="table-wrap"><table class="heatmap grid"><thead><tr>${grid.y ? html`<th scope="col">${grid.y.name} ↓ / ${grid.x.name} →</th>` : ''}${grid.x.values.map((value) => html`<th scope="col">${value}</th>`)}</tr></thead><tbody>${rows}</tbody></table></div>`,
    grid.y ? undefined : `By ${grid.x.name}.`,
  );
}

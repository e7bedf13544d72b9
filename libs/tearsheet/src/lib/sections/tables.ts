import { formatFigure } from '@aetherquant/core';
import { html, type Html } from '../format/html';
import { section, type SectionContext } from './section';

/** Free-form tables (walk-forward windows, an optimiser's weights…), figures formatted by column kind. */
export function tablesSection(context: SectionContext): Html {
  const tables = context.input.tables ?? [];
  return html`${tables.map((table, t) =>
    section(
      `table-${t + 1}`,
      table.title,
      html`<div class="table-wrap"><table><thead><tr>${table.columns.map((c) => html`<th scope="col">${c.label}</th>`)}</tr></thead><tbody>${table.rows.map(
        (row) =>
          html`<tr>${row.map((value, i) => {
            const kind = table.columns[i]?.kind ?? 'text';
            if (kind === 'text' || typeof value !== 'number') return html`<td>${value ?? '—'}</td>`;
            return kind === 'count'
              ? html`<td class="num">${formatFigure(value, kind)}</td>`
              : html`<td>${context.signed(value, kind)}</td>`;
          })}</tr>`,
      )}</tbody></table></div>`,
      table.note,
    ),
  )}`;
}

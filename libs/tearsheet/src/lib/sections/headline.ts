import { html, type Html } from '../format/html';
import { section, type SectionContext } from './section';

/** The run's recorded figures, the strategy beside its benchmark: shown as recorded, never recomputed. */
export function headlineSection(context: SectionContext): Html {
  const { input } = context;
  const withBenchmark = input.benchmarkLabel !== null && input.figures.some((f) => f.benchmark !== undefined);
  const rows = input.figures.map((figure) => {
    const shown = (value: number | null) =>
      figure.signed
        ? context.signed(value, figure.kind)
        : html`<span class="num">${context.figure(value, figure.kind)}</span>`;
    return html`<tr data-figure="${figure.label}"><th scope="row">${figure.label}</th><td data-value="${rawValue(figure.strategy)}">${shown(figure.strategy)}</td>${
      withBenchmark
        ? figure.benchmark === undefined
          ? html`<td></td>`
          : html`<td data-value="${rawValue(figure.benchmark)}">${shown(figure.benchmark)}</td>`
        : ''
    }</tr>`;
  });
  return section(
    'figures',
    'Figures',
    html`<div class="table-wrap"><table class="figures"><thead><tr><th scope="col">Figure</th><th scope="col">${input.strategyLabel}</th>${withBenchmark ? html`<th scope="col">${input.benchmarkLabel}</th>` : ''}</tr></thead><tbody>${rows}</tbody></table></div>`,
    'As recorded when the run was made. Returns, drawdowns and ratios are coloured by their sign: green above 0, red below.',
  );
}

/** The figure as recorded, for a reader's tools (and tests) to take without parsing the formatted text. */
function rawValue(value: number | null): string {
  return value === null ? 'null' : String(value);
}

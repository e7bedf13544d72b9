import { REPORT_CONTENT_SECURITY_POLICY } from '@aetherquant/core';
import { seriesAnalytics } from './analytics/series-analytics';
import { Html, html } from './format/html';
import { type TearsheetInput } from './model/tearsheet-input';
import { PAGE_STYLE } from './page-style';
import { calendarSection } from './sections/calendar';
import {
  distributionSection,
  drawdownSection,
  equitySection,
  priceSection,
  rollingSection,
} from './sections/curves';
import { gridSection } from './sections/grid';
import { headlineSection } from './sections/headline';
import { contributionSection, weightsSection } from './sections/portfolio';
import { provenanceSection } from './sections/provenance';
import { sectionContext } from './sections/section';
import { tablesSection } from './sections/tables';
import { tradesSection } from './sections/trades';

/** What the page may load: nothing (see core's REPORT_CONTENT_SECURITY_POLICY, which the API also sends). */
export const CONTENT_SECURITY_POLICY = REPORT_CONTENT_SECURITY_POLICY;

/**
 * One self-contained HTML page of a run: the recorded figures against the benchmark, equity (linear and log)
 * with the price and its trades, drawdowns, monthly and yearly returns, rolling Sharpe and volatility, the
 * return distribution, the trade list, weights and contributions, a sweep's grid, extra tables, the spec and
 * the provenance. Sections without data are left out. Works offline: no script and no external URL.
 */
export function renderTearsheet(input: TearsheetInput): string {
  const analytics =
    input.series !== undefined && input.series.equity.length > 0
      ? seriesAnalytics(input.series, input.interval.periodsPerYear)
      : null;
  const context = sectionContext(input, analytics);
  const sections: Html[] = [
    headlineSection(context),
    equitySection(context),
    priceSection(context),
    drawdownSection(context),
    calendarSection(context),
    rollingSection(context),
    distributionSection(context),
    weightsSection(context),
    contributionSection(context),
    gridSection(context),
    tablesSection(context),
    tradesSection(context),
    provenanceSection(context),
  ];
  const body = html`${sections}`.text;
  const contents = [...body.matchAll(/<section id="([^"]+)"><h2>(.*?)<\/h2>/g)].map(
    ([, id, title]) => `<a href="#${id}">${title}</a>`,
  );
  const warnings = input.warnings ?? [];
  // One template for the whole document, so every opened element is closed in the right place.
  const page = html`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" /><meta name="generator" content="AetherQuant tearsheet" /><title>${input.title} — AetherQuant report</title><style>${new Html(PAGE_STYLE)}</style></head><body><main><header><h1>${input.title}</h1>${input.subtitle ? html`<p>${input.subtitle}</p>` : ''}</header>${
    warnings.length > 0
      ? html`<ul class="warnings" role="note">${warnings.map((w) => html`<li>${w}</li>`)}</ul>`
      : ''
  }<nav class="toc" aria-label="Sections">${new Html(contents.join(''))}</nav>${new Html(body)}<footer>AetherQuant report of run ${input.provenance.runId}, made ${input.provenance.generatedAt}. Self-contained: no script and no external resource.</footer></main></body></html>`;
  return `${page.text}\n`;
}

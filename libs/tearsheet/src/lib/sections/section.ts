import { formatBarTime } from '@aetherquant/core';
import { type SeriesAnalytics } from '../analytics/series-analytics';
import { formatFigure } from '@aetherquant/core';
import { signClass } from '../format/figure-format';
import { html, type Html } from '../format/html';
import { type FigureKind, type TearsheetInput } from '../model/tearsheet-input';

/** What every section reads: the input, the analytics of its curves (when it has curves), and formatters. */
export interface SectionContext {
  input: TearsheetInput;
  analytics: SeriesAnalytics | null;
  figure(value: number | null | undefined, kind: FigureKind): string;
  /** A figure in a span coloured by its own sign. */
  signed(value: number | null | undefined, kind: FigureKind): Html;
  /** A bar time as the run's interval shows it (a date for daily bars, an ISO timestamp intraday). */
  time(epochMs: number): string;
}

export function sectionContext(input: TearsheetInput, analytics: SeriesAnalytics | null): SectionContext {
  const figure = (value: number | null | undefined, kind: FigureKind) =>
    formatFigure(value, kind, input.currency);
  return {
    input,
    analytics,
    figure,
    signed: (value, kind) => html`<span class="num ${signClass(value)}">${figure(value, kind)}</span>`,
    time: (epochMs) => formatBarTime(epochMs, input.interval),
  };
}

/** A titled section with an anchor for the table of contents. */
export function section(id: string, title: string, body: Html | Html[], note?: string): Html {
  return html`<section id="${id}"><h2>${title}</h2>${note ? html`<p class="note">${note}</p>` : ''}${body}</section>`;
}

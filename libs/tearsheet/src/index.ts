// The public API of @aetherquant/tearsheet: a run as one self-contained HTML page, and its CSV exports.

export { renderTearsheet, CONTENT_SECURITY_POLICY } from './lib/render-tearsheet';
export { tradesCsv, equityCsv, TRADE_COLUMNS } from './lib/csv/csv-export';
export {
  seriesAnalytics,
  histogram,
  LISTED_DRAWDOWNS,
  type SeriesAnalytics,
  type Histogram,
} from './lib/analytics/series-analytics';
export type {
  FigureKind,
  TearsheetFigure,
  TearsheetTrade,
  TearsheetSeries,
  TearsheetWeights,
  TearsheetGrid,
  TearsheetTable,
  TearsheetInput,
  TearsheetProvenance,
} from './lib/model/tearsheet-input';

import {
  type TearsheetGrid,
  type TearsheetSeries,
  type TearsheetTable,
  type TearsheetTrade,
  type TearsheetWeights,
} from '@aetherquant/tearsheet';

/**
 * What a run's report draws beyond its recorded figures, at full resolution: its curves (with the traded
 * symbol's closes), every trade, a portfolio's weights and contributions, a sweep's grid, extra tables. Each
 * recording workflow builds it from what it computed, when a report reruns it; nothing of it is recorded.
 */
export interface RunDetail {
  series?: TearsheetSeries;
  trades?: readonly TearsheetTrade[];
  weights?: TearsheetWeights;
  contributions?: readonly { symbol: string; contribution: number }[];
  grid?: TearsheetGrid;
  tables?: readonly TearsheetTable[];
  /** What the benchmark curve is, in a legend: "Buy and hold SPY", "Equal weight". */
  benchmarkLabel?: string;
}

/** Strategy parameters as a reader sees them: `fast 20, slow 50`. */
export function parametersText(params: Readonly<Record<string, number>> | undefined): string {
  return Object.entries(params ?? {})
    .map(([name, value]) => `${name} ${value}`)
    .join(', ');
}

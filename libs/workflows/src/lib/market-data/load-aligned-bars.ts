import { AetherError, type BarSeries, type FieldViolation, normalizeSymbol } from '@aetherquant/core';
import { alignSeries } from '@aetherquant/data';
import { checkPortfolioBarLimit, checkSymbolLimit } from '../limits/request-limits';
import { type WorkflowContext } from '../workflow/workflow-context';
import { type BarSource, countSourceBars, loadBars } from './load-bars';

export interface AlignedBars {
  series: BarSeries[];
  /** Bars each symbol lost to the common calendar. */
  dropped: Array<{ symbol: string; bars: number }>;
  provider: string;
}

/**
 * The bars of several symbols on their common calendar. Symbols are normalised and must be distinct (checked
 * before anything is downloaded, as are the context's `limits.maxSymbols` and `limits.maxPortfolioBars`,
 * the latter on the providers' counts); each symbol's bars are held to `limits.maxBars` as {@link loadBars}
 * loads them. Symbols whose histories never overlap are a bad request
 * (exit 2 on the CLI).
 */
export async function loadAlignedBars(
  symbols: readonly string[],
  source: Omit<BarSource, 'symbol'>,
  context: WorkflowContext,
): Promise<AlignedBars> {
  checkSymbolLimit(symbols.length, context.limits);
  const violations: FieldViolation[] = [];
  const normalised = symbols.map((text, i) => {
    try {
      return normalizeSymbol(text, `symbols[${i}]`);
    } catch (error) {
      if (error instanceof AetherError && error.details?.violations)
        violations.push(...error.details.violations);
      else throw error;
      return text;
    }
  });
  const repeated = normalised.filter((symbol, i) => normalised.indexOf(symbol) !== i);
  if (repeated.length > 0)
    violations.push({
      field: 'symbols',
      rule: `must be distinct (${[...new Set(repeated)].join(', ')} given twice)`,
    });
  if (violations.length > 0) throw AetherError.invalid(violations, 'symbols');

  // All symbols' bars together, counted before any is loaded (and again once loaded, for CSV files).
  const counts = normalised.map((symbol) => countSourceBars({ ...source, symbol }, context));
  checkPortfolioBarLimit(
    normalised.length,
    {
      bars: counts.reduce((sum, count) => sum + count.bars, 0),
      exact: counts.every((count) => count.exact),
    },
    context.limits,
  );
  const loaded = await Promise.all(normalised.map((symbol) => loadBars({ ...source, symbol }, context)));
  checkPortfolioBarLimit(
    normalised.length,
    loaded.reduce((sum, series) => sum + series.length, 0),
    context.limits,
  );
  try {
    const aligned = alignSeries(loaded);
    const provider = loaded[0]?.provenance?.provider ?? source.provider ?? context.settings.data.provider;
    return { ...aligned, provider };
  } catch (error) {
    if (error instanceof AetherError && error.code === 'DATA_UNAVAILABLE') {
      throw AetherError.invalid([
        { field: 'symbols', rule: `have no bars in common: ${normalised.join(', ')} do not overlap in time` },
      ]);
    }
    throw error;
  }
}

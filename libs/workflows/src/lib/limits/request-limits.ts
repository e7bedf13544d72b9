import { AetherError, type RequestLimits } from '@aetherquant/core';
import { type BarCount, type BarSpanFields, checkBarCount } from '@aetherquant/data';

// The limits themselves are defined in core (the use-case catalog names which ones each use case obeys).

/** INVALID_ARGUMENT on `symbols` when a request names more symbols than the limit allows. */
export function checkSymbolLimit(count: number, limits: RequestLimits | undefined): void {
  const max = limits?.maxSymbols;
  if (max === undefined || count <= max) return;
  throw AetherError.invalid([
    { field: 'symbols', rule: `must have at most ${max} items (this server's limit per request)` },
  ]);
}

/**
 * INVALID_ARGUMENT when a symbol's bars (a count before loading, exact or an upper bound, or the number
 * loaded) outnumber the limit, on the field that chose them: `start` when the request gave dates and no
 * period, else `period` (given, or the default one). An unknown count (`Infinity`) passes: it is checked
 * once loaded.
 */
export function checkBarLimit(
  bars: number | BarCount,
  source: BarSpanFields,
  limits: RequestLimits | undefined,
): void {
  checkBarCount(bars, limits?.maxBars, source);
}

/**
 * INVALID_ARGUMENT on `symbols` when the bars of all a request's symbols together (counted before loading,
 * or loaded) outnumber the limit. An unknown count passes: it is checked once loaded.
 */
export function checkPortfolioBarLimit(
  symbols: number,
  bars: number | BarCount,
  limits: RequestLimits | undefined,
): void {
  const max = limits?.maxPortfolioBars;
  const { bars: total, exact } = typeof bars === 'number' ? { bars, exact: true } : bars;
  if (max === undefined || total <= max || total === Infinity) return;
  throw AetherError.invalid([
    {
      field: 'symbols',
      rule: `${symbols} symbols select ${exact ? '' : 'up to '}${total} bars together, more than the ${max} this server loads per request; use fewer symbols, a shorter period or a coarser interval`,
    },
  ]);
}

/**
 * INVALID_ARGUMENT on `grid` when a sweep's grid holds more combinations than the limit allows; where jobs
 * take larger grids (`maxJobSweepCombinations`), the rule says to submit one.
 */
export function checkSweepLimit(
  combinations: number,
  limits: RequestLimits | undefined,
  useCase: 'sweep' | 'walkForward',
): void {
  const max = limits?.maxSweepCombinations;
  if (max === undefined || combinations <= max) return;
  const asJob = limits?.maxJobSweepCombinations;
  const instead =
    asJob !== undefined && combinations <= asJob
      ? `; submit it as a job instead (POST /api/jobs with use_case ${useCase}), which takes up to ${asJob}`
      : '';
  throw AetherError.invalid([
    {
      field: 'grid',
      rule: `has ${combinations} combinations, more than the ${max} this server runs per request${instead}`,
    },
  ]);
}

/**
 * INVALID_ARGUMENT on `test` (the length that, with the history, sets how many windows there are) when a
 * walk-forward splits its history into more train/test windows than the limit allows.
 */
export function checkWalkForwardLimit(windows: number, limits: RequestLimits | undefined): void {
  const max = limits?.maxWalkForwardWindows;
  if (max === undefined || windows <= max) return;
  throw AetherError.invalid([
    {
      field: 'test',
      rule: `makes ${windows} walk-forward windows, more than the ${max} this server runs per request; use a longer test period or a shorter history`,
    },
  ]);
}

// The one table of how each figure of the reports reads to a person: its label, its kind (a percentage,
// money, a plain decimal…) and whether its sign means gain or loss. The CLI's tables and a run's report page
// look a figure up here by its JSON key, so `max_drawdown` reads the same everywhere.

import {
  formatCount,
  formatDecimal,
  formatMoney,
  formatPercent,
  formatSignedPercent,
  MISSING,
} from './number-format';

export type FigureKind = 'percent' | 'signed-percent' | 'decimal' | 'money' | 'count' | 'bars';

export interface FigureSpec {
  label: string;
  kind: FigureKind;
  /** Coloured by its sign (green a gain, red a loss): returns and risk-adjusted ratios, not volatility. */
  toned?: boolean;
}

/** Every figure the reports print, by JSON key, in the order a report lists its metrics. */
export const FIGURES: Readonly<Record<string, FigureSpec>> = {
  annual_return: { label: 'Annual return', kind: 'percent', toned: true },
  max_drawdown: { label: 'Max drawdown', kind: 'percent', toned: true },
  sharpe: { label: 'Sharpe', kind: 'decimal', toned: true },
  final_equity: { label: 'Final equity', kind: 'money' },
  excess_annual_return: { label: 'Excess annual return', kind: 'signed-percent', toned: true },
  total_return: { label: 'Total return', kind: 'percent', toned: true },
  volatility: { label: 'Volatility', kind: 'percent' },
  sortino: { label: 'Sortino', kind: 'decimal', toned: true },
  calmar: { label: 'Calmar', kind: 'decimal', toned: true },
  max_drawdown_duration: { label: 'Longest drawdown', kind: 'bars' },
  var_95: { label: 'VaR 95 %', kind: 'percent' },
  cvar_95: { label: 'CVaR 95 %', kind: 'percent' },
  beta: { label: 'Beta', kind: 'decimal' },
  alpha: { label: 'Alpha', kind: 'percent', toned: true },
  win_rate: { label: 'Win rate', kind: 'percent' },
  profit_factor: { label: 'Profit factor', kind: 'decimal' },
  exposure: { label: 'Exposure', kind: 'percent' },
  turnover: { label: 'Turnover', kind: 'decimal' },
  trades: { label: 'Trades', kind: 'count' },
  expected_return: { label: 'Expected return', kind: 'percent', toned: true },
  start_equity: { label: 'Start equity', kind: 'money' },
  cash: { label: 'Cash', kind: 'money' },
  position: { label: 'Position (units)', kind: 'count' },
  rows: { label: 'Bars', kind: 'count' },
  warmup_bars: { label: 'Warm-up bars', kind: 'count' },
  rebalances: { label: 'Rebalances', kind: 'count' },
  orders_placed: { label: 'Orders placed', kind: 'count' },
  combinations: { label: 'Combinations', kind: 'count' },
  evaluated: { label: 'Combinations backtested', kind: 'count' },
  skipped: { label: 'Combinations skipped', kind: 'count' },
};

/**
 * The spec of figure `key`; one the table does not know yet (a metric added to a report) reads as a plain
 * number under its key in words, so a new figure shows up rather than breaks the output.
 */
export function figureSpec(key: string): FigureSpec {
  return (
    (Object.hasOwn(FIGURES, key) ? FIGURES[key] : undefined) ?? {
      label: key.replace(/_/g, ' ').replace(/^./, (first) => first.toUpperCase()),
      kind: 'decimal',
    }
  );
}

/** `value` as figure `kind` reads (money in `currency`), without colour. */
export function formatFigure(value: number | null | undefined, kind: FigureKind, currency = 'USD'): string {
  switch (kind) {
    case 'percent':
      return formatPercent(value);
    case 'signed-percent':
      return formatSignedPercent(value);
    case 'decimal':
      return formatDecimal(value);
    case 'money':
      return formatMoney(value, currency);
    case 'count':
      return formatCount(value);
    case 'bars':
      return value === null || value === undefined
        ? MISSING
        : `${formatCount(value)} ${value === 1 ? 'bar' : 'bars'}`;
  }
}

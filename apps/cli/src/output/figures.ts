// The one table of how each figure of the reports reads on a terminal: its label and its kind (a percentage,
// money, a plain ratio…). Renderers look a figure up here by its JSON key, so `max_drawdown` reads the same
// in a backtest, a sweep row and a walk-forward window.

import {
  formatCount,
  formatDecimal,
  formatMoney,
  formatPercent,
  formatSignedPercent,
  MISSING,
} from '@aetherquant/core';
import { type Style } from './terminal';

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

/** `value` as figure `kind` reads, without colour. */
export function formatFigure(value: number | null | undefined, kind: FigureKind): string {
  switch (kind) {
    case 'percent':
      return formatPercent(value);
    case 'signed-percent':
      return formatSignedPercent(value);
    case 'decimal':
      return formatDecimal(value);
    case 'money':
      return formatMoney(value);
    case 'count':
      return formatCount(value);
    case 'bars':
      return value === null || value === undefined
        ? MISSING
        : `${formatCount(value)} ${value === 1 ? 'bar' : 'bars'}`;
  }
}

/** Figure `key`'s `value`, formatted, in green or red by its sign when the figure is toned and colour is on. */
export function figure(key: string, value: unknown, style: Style): string {
  const spec = figureSpec(key);
  const number = typeof value === 'number' ? value : null;
  return toned(formatFigure(number, spec.kind), spec.toned ? number : null, style);
}

/** `text` in green when `value` is a gain, red when a loss; as it is for zero, `null` or no colour. */
export function toned(text: string, value: number | null | undefined, style: Style): string {
  if (typeof value !== 'number' || !Number.isFinite(value) || !/[1-9]/.test(text)) return text;
  return value > 0 ? style.positive(text) : value < 0 ? style.negative(text) : text;
}

import { formatCount, formatDecimal, formatMoney, formatPercent } from '@aetherquant/core';
import { type FigureKind } from '../model/tearsheet-input';

/**
 * A figure as a reader sees it, by its kind, with core's formats (the CLI's tables read the same): `percent`
 * ×100 with 2 decimals (`-2.35 %`), `money` in the currency with cents and separators (`$78,829.41`), `ratio`
 * with 2 decimals, `count` whole with separators. Null and NaN show as "—": undefined figures are not zero.
 */
export function formatFigure(value: number | null | undefined, kind: FigureKind, currency = 'USD'): string {
  switch (kind) {
    case 'percent':
      return formatPercent(value);
    case 'money':
      return formatMoney(value, currency);
    case 'ratio':
      return formatDecimal(value, 2);
    case 'count':
      return formatCount(value);
  }
}

/** The CSS class of a figure's sign: colour follows the sign of the number itself, nothing else. */
export function signClass(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value) || value === 0) return 'zero';
  return value > 0 ? 'up' : 'down';
}

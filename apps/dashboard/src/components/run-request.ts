import { DEFAULT_STRATEGY } from '@aetherquant/core';
import { parseOptionalNumber } from './field';

/**
 * What every strategy run's request asks, as typed (parsed only when the form is sent): the symbol, its
 * history (a period, or start and end dates), the strategy and the costs. A backtest, a paper trade, a sweep
 * and a walk-forward add their own fields to these.
 */
export interface RunRequestValues {
  symbol: string;
  period: string;
  start: string;
  end: string;
  strategy: string;
  commissionBps: string;
  slippageBps: string;
}

export function initialRunRequestValues(period: string): RunRequestValues {
  return {
    symbol: 'SPY',
    period,
    start: '',
    end: '',
    strategy: DEFAULT_STRATEGY,
    commissionBps: '',
    slippageBps: '',
  };
}

/**
 * A run's request in the API's snake_case: the symbol, the dates when given, else the period (the API takes
 * one or the other), the strategy, then `own` (the run's own fields), then the costs; empty ones are left out
 * so the server's defaults apply.
 */
export function runRequestBody(
  values: RunRequestValues,
  own: Record<string, unknown>,
): Record<string, unknown> {
  const byDates = values.start.trim() !== '' || values.end.trim() !== '';
  const commission = parseOptionalNumber(values.commissionBps);
  const slippage = parseOptionalNumber(values.slippageBps);
  return {
    symbol: values.symbol.trim().toUpperCase(),
    ...(byDates
      ? {
          ...(values.start.trim() ? { start: values.start.trim() } : {}),
          ...(values.end.trim() ? { end: values.end.trim() } : {}),
        }
      : values.period.trim()
        ? { period: values.period.trim() }
        : {}),
    strategy: values.strategy,
    ...own,
    ...(commission === undefined ? {} : { commission_bps: commission }),
    ...(slippage === undefined ? {} : { slippage_bps: slippage }),
  };
}

/** The cost fields' texts by request field, for `numberTextErrors`. */
export function costNumberTexts(values: RunRequestValues): [string, string][] {
  return [
    ['commission_bps', values.commissionBps],
    ['slippage_bps', values.slippageBps],
  ];
}

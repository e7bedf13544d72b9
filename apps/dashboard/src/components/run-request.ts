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
  /** The account's starting cash (`initial_cash`); empty, the server's default (AETHERQ_INITIAL_CASH). */
  initialCash: string;
  /** A symbol the run is measured against (`benchmark`); empty, the traded symbol itself. */
  benchmark: string;
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
    initialCash: '',
    benchmark: '',
  };
}

/** The history a request asks for, as typed: a period counted back from the latest bar, or dates. */
export type HistoryValues = Pick<RunRequestValues, 'period' | 'start' | 'end'>;
/** The costs and cash a request asks for, as typed. */
export type CostValues = Pick<RunRequestValues, 'commissionBps' | 'slippageBps' | 'initialCash'>;

/** The dates when given, else the period (the API takes one or the other); empty ones left out. */
export function historyBody(values: HistoryValues): Record<string, string> {
  const start = values.start.trim();
  const end = values.end.trim();
  if (start !== '' || end !== '') return { ...(start ? { start } : {}), ...(end ? { end } : {}) };
  const period = values.period.trim();
  return period ? { period } : {};
}

/** The costs and the initial cash as numbers; empty ones are left out so the server's defaults apply. */
export function costBody(values: CostValues): Record<string, number> {
  const commission = parseOptionalNumber(values.commissionBps);
  const slippage = parseOptionalNumber(values.slippageBps);
  // A form remembered from before the field existed has no text for it.
  const cash = parseOptionalNumber(values.initialCash ?? '');
  return {
    ...(commission === undefined ? {} : { commission_bps: commission }),
    ...(slippage === undefined ? {} : { slippage_bps: slippage }),
    ...(cash === undefined ? {} : { initial_cash: cash }),
  };
}

/**
 * A run's request in the API's snake_case: the symbol, its history, the strategy, then `own` (the run's own
 * fields), then the costs and the initial cash.
 */
export function runRequestBody(
  values: RunRequestValues,
  own: Record<string, unknown>,
): Record<string, unknown> {
  return {
    symbol: values.symbol.trim().toUpperCase(),
    ...historyBody(values),
    strategy: values.strategy,
    ...own,
    ...costBody(values),
  };
}

/** The cost and cash fields' texts by request field, for `numberTextErrors`. */
export function costNumberTexts(values: CostValues): [string, string][] {
  return [
    ['commission_bps', values.commissionBps],
    ['slippage_bps', values.slippageBps],
    ['initial_cash', values.initialCash ?? ''],
  ];
}

/**
 * The `benchmark` of a request, trimmed, when one was typed (the server upper-cases a symbol and names the
 * field when it is not one); empty, none, so the run's default applies. A form remembered from before the
 * field existed has no text for it.
 */
export function benchmarkBody(text: string | undefined): { benchmark?: string } {
  const benchmark = (text ?? '').trim();
  return benchmark === '' ? {} : { benchmark };
}

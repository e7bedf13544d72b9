import { DATA_PROVIDERS, DEFAULT_SYNTHETIC_SEED } from '@aetherquant/core';
import * as Flags from '@oclif/core/flags';
import { numericFlag } from './flag-input';

/** Where bars come from: the flags `backtest`, `sweep` and `walk-forward` share (`fetch` has its own wording). */
export const barSourceFlags = {
  symbol: Flags.string({ summary: 'Ticker, e.g. SPY [default: AETHERQ_DEFAULT_SYMBOL].' }),
  period: Flags.string({ summary: 'History back from the latest bar: 6mo, 1y, 2y, 10y, max [default: 1y].' }),
  start: Flags.string({ summary: 'First date, inclusive (YYYY-MM-DD); not with --period.' }),
  end: Flags.string({ summary: 'Last date, inclusive (YYYY-MM-DD); not with --period.' }),
  interval: Flags.string({ summary: 'Bar interval: 1d, 1wk, 1mo, 1h, … [default: 1d].' }),
  provider: Flags.string({
    summary: `Data source: ${DATA_PROVIDERS.join(', ')} [default: AETHERQ_DATA_PROVIDER].`,
  }),
  'data-dir': Flags.string({
    summary: 'Folder of <SYMBOL>.csv files for --provider csv [default: AETHERQ_DATA_DIR].',
  }),
  seed: Flags.string({ summary: `Seed of the synthetic provider [default: ${DEFAULT_SYNTHETIC_SEED}].` }),
};

/** Costs, cash and direction, defaulting to the settings. */
export const tradingFlags = {
  'commission-bps': Flags.string({
    summary: 'Commission in bps of traded notional [default: AETHERQ_COMMISSION_BPS].',
  }),
  'slippage-bps': Flags.string({
    summary: 'Slippage in bps of traded notional [default: AETHERQ_SLIPPAGE_BPS].',
  }),
  'initial-cash': Flags.string({ summary: 'Starting equity [default: AETHERQ_INITIAL_CASH].' }),
  // No default: absent, the request leaves long_only out (false, unless a --config file says true, which
  // --no-long-only then switches off).
  'long-only': Flags.boolean({
    summary: 'Clip targets at 0: never short (--no-long-only: allow shorts) [default: false].',
    allowNo: true,
  }),
};

type BarSourceFlags = { [K in keyof typeof barSourceFlags]?: string };
type TradingFlags = { [K in Exclude<keyof typeof tradingFlags, 'long-only'>]?: string } & {
  'long-only'?: boolean;
};

/** The request fields the flags above give, in the request's snake_case. */
export function barSourceRequest(flags: BarSourceFlags) {
  return {
    symbol: flags.symbol,
    period: flags.period,
    start: flags.start,
    end: flags.end,
    interval: flags.interval,
    provider: flags.provider,
    data_dir: flags['data-dir'],
    seed: numericFlag(flags.seed),
  };
}

export function tradingRequest(flags: TradingFlags) {
  return {
    commission_bps: numericFlag(flags['commission-bps']),
    slippage_bps: numericFlag(flags['slippage-bps']),
    initial_cash: numericFlag(flags['initial-cash']),
    long_only: flags['long-only'],
  };
}

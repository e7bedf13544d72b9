import { ALLOCATIONS, COVARIANCE_ESTIMATORS, parseDecimal } from '@aetherquant/core';
import * as Flags from '@oclif/core/flags';
import { numericFlag } from './flag-input';

/** `SPY, qqq ,TLT` → ['SPY', 'qqq', 'TLT'] (normalised later, with the other checks). */
export function symbolList(text: string | undefined): string[] | undefined {
  return text === undefined
    ? undefined
    : text
        .split(',')
        .map((symbol) => symbol.trim())
        .filter((symbol) => symbol !== '');
}

const SYMBOLS_SUMMARY = 'Comma-separated symbols, at least two: SPY,QQQ,TLT.';
export const symbolsFlag = Flags.string({ summary: SYMBOLS_SUMMARY });
export const requiredSymbolsFlag = Flags.string({ summary: SYMBOLS_SUMMARY, required: true });

/** The optimiser's options, shared by `optimize` and `backtest --symbols`. */
export const optimizerFlags = {
  'risk-aversion': Flags.string({ summary: "mean-variance λ in μ'w − λ·w'Σw, at least 1e-6 [default: 3]." }),
  'max-weight': Flags.string({ summary: 'Largest weight per asset, in (0, 1] [default: 1].' }),
  'allow-short': Flags.boolean({ summary: 'Allow weights down to −max-weight.', default: false }),
  'risk-free-rate': Flags.string({ summary: 'Annual risk-free rate for max-sharpe [default: 0].' }),
  'risk-budgets': Flags.string({
    summary: 'Risk-parity budgets per symbol, comma-separated (normalised to sum 1).',
  }),
  covariance: Flags.string({
    summary: `Covariance estimator: ${COVARIANCE_ESTIMATORS.join(', ')} [default: sample].`,
  }),
};

type OptimizerFlags = { [K in Exclude<keyof typeof optimizerFlags, 'allow-short'>]?: string } & {
  'allow-short': boolean;
};

export function optimizerRequest(flags: OptimizerFlags) {
  return {
    risk_aversion: numericFlag(flags['risk-aversion']),
    max_weight: numericFlag(flags['max-weight']),
    allow_short: flags['allow-short'],
    risk_free_rate: numericFlag(flags['risk-free-rate']),
    risk_budgets: flags['risk-budgets']?.split(',').map((text) => parseDecimal(text) ?? text),
    covariance: flags.covariance,
  };
}

/** `backtest --symbols`: how the portfolio (or a strategy's sleeves, with --strategy) is allocated and rebalanced. */
export const portfolioFlags = {
  symbols: symbolsFlag,
  allocation: Flags.string({
    summary: `With --symbols: ${ALLOCATIONS.join(', ')} [default: risk-parity]; with --strategy, the sleeves' weights.`,
  }),
  rebalance: Flags.string({
    summary: 'With --symbols: monthly, quarterly, or every N bars [default: monthly].',
  }),
  lookback: Flags.string({
    summary: 'With --symbols: the trailing window each rebalance estimates from [default: 1y].',
  }),
  ...optimizerFlags,
};

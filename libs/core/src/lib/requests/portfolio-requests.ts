import { z } from 'zod';
import { tradingFields } from './backtest-request';
import { barSourceFields } from './bar-source';
import { portfolioBenchmarkField } from './benchmark-field';

/** The optimisers (`@aetherquant/optimization` implements them; the request schemas name them). */
export const OPTIMIZATION_METHODS = [
  'risk-parity',
  'mean-variance',
  'min-variance',
  'max-sharpe',
  'hrp',
] as const;
export type OptimizationMethodName = (typeof OPTIMIZATION_METHODS)[number];
export const COVARIANCE_ESTIMATORS = ['sample', 'ledoit-wolf'] as const;
/**
 * How a portfolio backtest allocates at each rebalance (among the symbols, or among a strategy's sleeves): an
 * optimiser, equal weights, or inverse volatility (1/σ over the lookback, normalised to sum 1).
 */
export const ALLOCATIONS = [...OPTIMIZATION_METHODS, 'equal-weight', 'inverse-volatility'] as const;

const { symbol: _symbol, ...marketFields } = barSourceFields;

/** Several symbols: at least two (distinctness is checked once they are normalised). */
const symbols = z.array(z.string().min(1)).min(2, { message: 'must name at least two symbols' }).max(100);

/** The optimiser's options, shared by `optimize` and the portfolio backtest. */
const optimizerFields = {
  /** λ of mean-variance: maximise μ'w − λ·w'Σw. Below 1e-6 the variance term vanishes in rounding and the QP is singular. */
  risk_aversion: z.number().min(1e-6).max(1e6).default(3),
  /** Per-asset bound: [0, max_weight], or [−max_weight, max_weight] with allow_short. */
  max_weight: z.number().positive().max(1).default(1),
  allow_short: z.boolean().default(false),
  /** Annual, for max-sharpe. */
  risk_free_rate: z.number().min(-1).max(1).default(0),
  /** Risk-parity targets per symbol, in the order of `symbols` (normalised to sum 1); equal by default. */
  risk_budgets: z.array(z.number().positive()).optional(),
  covariance: z.enum(COVARIANCE_ESTIMATORS).default('sample'),
};

/** Input of the optimise use case (CLI `aetherquant optimize`, API `POST /api/optimize`). */
export const optimizeRequestSchema = z
  .object({
    ...marketFields,
    symbols,
    method: z.enum(OPTIMIZATION_METHODS).default('risk-parity'),
    ...optimizerFields,
  })
  .strict();

/**
 * Input of the portfolio backtest (CLI `aetherquant backtest --symbols …`). With `strategy` it is a universe
 * backtest: a single-asset strategy run on each symbol, its sleeves weighted by `allocation` and rebalanced
 * on `rebalance` from `lookback`; or a universe (cross-sectional) strategy such as `top-momentum`, which sets
 * every symbol's target itself (allocation, rebalance and lookback unused).
 */
export const portfolioBacktestRequestSchema = z
  .object({
    ...marketFields,
    symbols,
    ...tradingFields,
    allocation: z.enum(ALLOCATIONS).default('risk-parity'),
    /** `monthly`, `quarterly`, or every N bars. */
    rebalance: z.union([z.enum(['monthly', 'quarterly']), z.number().int().min(1)]).default('monthly'),
    /** The trailing window each rebalance estimates from. */
    lookback: z.string().min(1).default('1y'),
    ...optimizerFields,
    /** A strategy: single-asset (run on each symbol as a sleeve) or a universe strategy. */
    strategy: z.string().min(1).optional(),
    /** The strategy's parameters by name; only with `strategy`. */
    params: z.record(z.string(), z.number()).optional(),
    benchmark: portfolioBenchmarkField,
  })
  .strict();

export type OptimizeRequest = z.output<typeof optimizeRequestSchema>;
export type PortfolioBacktestRequest = z.output<typeof portfolioBacktestRequestSchema>;

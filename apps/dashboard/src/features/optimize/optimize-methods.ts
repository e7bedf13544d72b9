import { COVARIANCE_ESTIMATORS, OPTIMIZATION_METHODS, type OptimizationMethodName } from '@aetherquant/core';

/** One option of an optimiser, as the API's optimise request names it (libs/core portfolio-requests). */
export interface MethodOption {
  field: 'risk_aversion' | 'max_weight' | 'risk_free_rate';
  label: string;
  hint: string;
  default: number;
}

const MAX_WEIGHT: MethodOption = {
  field: 'max_weight',
  label: 'Max weight',
  hint: 'The most any one symbol may hold, from 0 to 1.',
  default: 1,
};

/** The options each method reads; the others would be ignored, so the form does not ask for them. */
export const METHOD_OPTIONS: Record<OptimizationMethodName, readonly MethodOption[]> = {
  'risk-parity': [MAX_WEIGHT],
  'mean-variance': [
    {
      field: 'risk_aversion',
      label: 'Risk aversion',
      hint: 'λ in maximise μ′w − λ·w′Σw: higher prefers lower variance.',
      default: 3,
    },
    MAX_WEIGHT,
  ],
  'min-variance': [MAX_WEIGHT],
  'max-sharpe': [
    {
      field: 'risk_free_rate',
      label: 'Risk-free rate',
      hint: 'Annual, as a fraction (0.04 for 4%).',
      default: 0,
    },
    MAX_WEIGHT,
  ],
  hrp: [MAX_WEIGHT],
};

/** Methods that can hold short positions when allowed (HRP and risk parity are long-only by construction). */
export const SHORTABLE_METHODS: readonly OptimizationMethodName[] = [
  'mean-variance',
  'min-variance',
  'max-sharpe',
];

export { COVARIANCE_ESTIMATORS, OPTIMIZATION_METHODS };

// The public API of @aetherquant/optimization: exact portfolio optimisers over per-period moments.

export {
  COVARIANCE_ESTIMATORS,
  estimateMoments,
  returnsMatrix,
  type CovarianceEstimator,
  type EstimateMomentsOptions,
  type Moments,
} from './lib/moments/moments';
export {
  OPTIMIZATION_METHODS,
  efficientFrontier,
  optimize,
  type Allocation,
  type OptimizationMethod,
  type OptimizeOptions,
} from './lib/optimize/optimize';

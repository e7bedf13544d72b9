// The public API of @aetherquant/indicators: O(n) technical-indicator kernels over typed arrays, each with
// the count of leading NaN bars it produces (its warm-up). Browser-safe; the API report
// (api/indicators.api.md) shows the surface.

export { sma, smaWarmup } from './lib/sma/sma';
export { ema, emaWarmup } from './lib/ema/ema';
export { wma, wmaWarmup } from './lib/wma/wma';
export { rsi, rsiWarmup } from './lib/rsi/rsi';
export { macd, macdWarmup, type MacdColumns, type MacdOptions } from './lib/macd/macd';
export {
  bollingerBands,
  bollingerBandsWarmup,
  type BandColumns,
  type BollingerBandsOptions,
} from './lib/bollinger-bands/bollinger-bands';
export { atr, atrWarmup } from './lib/atr/atr';
export { adx, adxWarmup, type AdxColumns } from './lib/adx/adx';
export {
  stochastic,
  stochasticWarmup,
  type StochasticColumns,
  type StochasticOptions,
} from './lib/stochastic/stochastic';
export { cci, cciWarmup } from './lib/cci/cci';
export { roc, rocWarmup } from './lib/roc/roc';
export { obv, obvWarmup } from './lib/obv/obv';
export { rollingVwap, rollingVwapWarmup, vwap, vwapWarmup } from './lib/vwap/vwap';
export { donchianChannels, donchianChannelsWarmup } from './lib/donchian-channels/donchian-channels';
export {
  keltnerChannels,
  keltnerChannelsWarmup,
  type KeltnerChannelsOptions,
} from './lib/keltner-channels/keltner-channels';
export {
  rollingStandardDeviation,
  rollingStandardDeviationWarmup,
  type DeviationEstimator,
} from './lib/standard-deviation/standard-deviation';
export { zScore, zScoreWarmup } from './lib/z-score/z-score';
export { rollingCorrelation, rollingCorrelationWarmup } from './lib/correlation/correlation';
export { rollingBeta, rollingBetaWarmup } from './lib/beta/beta';
export { rollingExtremeWarmup, rollingMax, rollingMin } from './lib/rolling-extremes/rolling-extremes';

// The public API of @aetherquant/execution.

export {
  type Account,
  type Broker,
  type OrderRequest,
  type OrderResult,
  type OrderSide,
  type OrderStatus,
  type Position,
} from './lib/broker/broker';
export { PaperBroker, type PaperBrokerOptions } from './lib/paper/paper-broker';
export {
  runTradingEngine,
  type TradingEngineOptions,
  type TradingEngineResult,
} from './lib/engine/trading-engine';
export { type BrokerHttpOptions } from './lib/live/broker-http';
export { barFreshness, type BarFreshness } from './lib/live/bar-freshness';
export { GenericRestBroker, type GenericRestBrokerOptions } from './lib/live/generic-rest-broker';
export { AlpacaBroker, type AlpacaBrokerOptions } from './lib/live/alpaca-broker';
export {
  createLiveBroker,
  type LiveBrokerOptions,
  type LiveBrokerProviderName,
} from './lib/live/create-live-broker';
export {
  planLiveOrder,
  type LiveOrderLimits,
  type LiveOrderPlan,
  type PlanLiveOrderInput,
} from './lib/live/plan-live-order';
export {
  preTradeRefusal,
  type PreTradeCheck,
  type PreTradeLimits,
  type PreTradeRefusal,
  type PreTradeState,
} from './lib/pre-trade/pre-trade-checks';

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

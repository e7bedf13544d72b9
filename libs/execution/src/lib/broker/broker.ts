/**
 * What every broker speaks: the paper broker, and the live ones over HTTP. One contract suite
 * (`src/testing/broker-contract.ts`) checks every implementation.
 */

export type OrderSide = 'buy' | 'sell';

export interface OrderRequest {
  symbol: string;
  side: OrderSide;
  /** Shares; positive. Whole shares unless the broker allows fractions. */
  quantity: number;
  /** The reference price: the bar's close the order was decided at (paper fills at it, with slippage). */
  price: number;
  /** Deterministic per (strategy, symbol, bar time), so sending the same decision twice is recognisable. */
  clientOrderId: string;
  /** When the order was decided, epoch ms (the bar's time for replays). */
  time: number;
}

/**
 * `filled`: executed (paper, or a live broker that reports a fill); `accepted`: taken by a live broker, fill
 * pending; `rejected`: refused, with a reason; `duplicate`: the broker already has this client order id.
 */
export type OrderStatus = 'filled' | 'accepted' | 'rejected' | 'duplicate';

export interface OrderResult {
  clientOrderId: string;
  symbol: string;
  side: OrderSide;
  quantity: number;
  status: OrderStatus;
  /** The execution price (after slippage) when filled. */
  fillPrice?: number;
  /** Commission paid, in cash. */
  commission?: number;
  /** Why an order was rejected. */
  reason?: string;
  /** The broker's own id, when it gives one. */
  brokerOrderId?: string;
  time: number;
}

export interface Position {
  symbol: string;
  /** Shares held (negative for a short, where a broker allows them). */
  quantity: number;
  averagePrice?: number;
  marketValue?: number;
}

export interface Account {
  cash: number;
  /** Cash plus the market value of the positions. */
  equity: number;
  currency?: string;
}

export interface Broker {
  /** `paper`, `generic-rest`, `alpaca`. */
  readonly name: string;
  submitOrder(order: OrderRequest): Promise<OrderResult>;
  getAccount(): Promise<Account>;
  getPositions(): Promise<Position[]>;
}

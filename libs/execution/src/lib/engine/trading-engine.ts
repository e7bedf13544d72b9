import { AetherError, type BarSeries, type FieldViolation } from '@aetherquant/core';
import { type Account, type OrderResult, type Position } from '../broker/broker';
import { type PaperBroker } from '../paper/paper-broker';

export interface TradingEngineOptions {
  /** The strategy's name: the first part of every client order id. */
  strategy: string;
}

export interface TradingEngineResult {
  /** Account equity at each bar's close, after that bar's order filled (one value per bar). */
  equity: Float64Array;
  /** Every order sent, in bar order, as the broker answered it. */
  orders: OrderResult[];
  finalAccount: Account;
  positions: Position[];
}

/**
 * Below this fraction of equity a fractional rebalance is float noise (the cash left over after a full buy),
 * not a decision: such orders are not sent.
 */
const NEGLIGIBLE_FRACTION = 1e-9;

/**
 * Replays `series` bar by bar through a paper broker. At the close of bar t the engine marks the close,
 * reads `targets[t]`, sizes the position to `target × equity ÷ close` shares, and sends the difference as
 * one order (client order id `${strategy}-${symbol}-${time}`, reference price the close), then records the
 * equity at that close. Only bars ≤ t are ever read to decide at t (GUIDE §2).
 *
 * **Long-only.** The paper broker holds no shorts, so negative targets are clipped to 0 (flat), exactly as
 * `--long-only` clips them before the vectorised backtest.
 *
 * **Sizing.** With E the account equity at the close (cash + positions marked at the close), s the
 * slippage and c the commission as fractions, and H the shares held:
 * - desired shares D = target × E ÷ close, floored to a whole number unless the broker is fractional;
 * - D > H (buy): quantity = min(D − H, A), where A = cash ÷ (close × (1 + s) × (1 + c)) is the most the cash
 *   pays for, fill price and commission included (floored when whole; trimmed by a share, or by a relative
 *   1e-12 when fractional, if rounding makes the cost exceed the cash by a hair). So a target of 1 invests
 *   all the cash that whole shares and costs allow, and the broker never rejects the engine's buys;
 * - D < H (sell): quantity = H − D (all of H when the target is 0, so no dust is left);
 * - no order when the quantity is 0, or, for fractional shares, when it is worth less than 1e-9 of equity.
 *
 * **Pre-trade checks.** A broker built with `limits` refuses an order that breaks one (with the words a live
 * refusal uses); the engine records the rejected order as answered and goes on. The next bar is sized
 * afresh, so a limit that keeps refusing shows one rejected order per bar, as a live run on each bar would.
 *
 * **Why its equity differs slightly from the vectorised backtest** (which compounds
 * `equity[t] = equity[t−1]·(1 + target[t−1]·r[t] − |Δtarget|·c)`):
 * - whole shares: the unspent remainder (under one share's price) sits in cash and earns nothing, so a
 *   target of 1 is slightly under 1 (cash drag), and a partial target is rounded down;
 * - costs are charged on the fill notional, not on equity × |Δtarget|: a buy at target 1 cannot spend the
 *   costs it must pay, so it holds E ÷ ((1 + s)(1 + c)) rather than E·(1 − s − c) — second order, s·c;
 *   slippage moves the fill price while the position is marked at the close;
 * - a constant target is held as shares, not rebalanced every bar: the vectorised formula keeps exposure
 *   at exactly `target` each bar for free, the engine only trades when the desired shares change (for 0/1
 *   targets such as long-only ma-cross, this makes no difference beyond the cash remainder).
 */
export async function runTradingEngine(
  series: BarSeries,
  targets: Float64Array,
  broker: PaperBroker,
  options: TradingEngineOptions,
): Promise<TradingEngineResult> {
  checkInputs(series, targets, options);
  const { symbol, close, time } = series;
  const n = series.length;
  const equity = new Float64Array(n);
  const orders: OrderResult[] = [];
  const fractional = broker.fractional;
  const commission = broker.commissionBps / 10_000;

  for (let t = 0; t < n; t++) {
    const price = close[t] as number;
    broker.markPrice(symbol, price);
    const { cash, equity: equityAtClose } = broker.account();
    const target = Math.max(0, targets[t] as number);
    const held = broker.quantity(symbol);
    const exact = (target * equityAtClose) / price;
    const desired = fractional ? exact : Math.floor(exact);

    let side: 'buy' | 'sell' | undefined;
    let quantity = 0;
    if (desired > held) {
      side = 'buy';
      quantity = affordableBuy(broker, desired - held, price, cash, commission);
    } else if (desired < held) {
      side = 'sell';
      quantity = target === 0 ? held : held - desired;
    }
    const negligible = fractional && target > 0 && quantity * price < NEGLIGIBLE_FRACTION * equityAtClose;
    if (side && quantity > 0 && !negligible) {
      const barTime = time[t] as number;
      orders.push(
        await broker.submitOrder({
          symbol,
          side,
          quantity,
          price,
          clientOrderId: `${options.strategy}-${symbol}-${barTime}`,
          time: barTime,
        }),
      );
    }
    equity[t] = broker.account().equity;
  }
  return { equity, orders, finalAccount: broker.account(), positions: broker.positionList() };
}

/** The largest buy of at most `wanted` shares whose fill notional plus commission fits in `cash`. */
function affordableBuy(
  broker: PaperBroker,
  wanted: number,
  price: number,
  cash: number,
  commission: number,
): number {
  const fillPrice = broker.fillPrice('buy', price);
  let quantity = Math.min(wanted, cash / (fillPrice * (1 + commission)));
  if (!broker.fractional) quantity = Math.floor(quantity);
  const costs = (q: number) => q * fillPrice + broker.commission(q, fillPrice);
  // The division can round up by an ulp or so: trim until the broker's own arithmetic accepts it.
  for (let attempt = 0; attempt < 8 && quantity > 0 && costs(quantity) > cash; attempt++) {
    quantity = broker.fractional ? quantity * (1 - 1e-12) : quantity - 1;
  }
  return quantity > 0 && costs(quantity) <= cash ? quantity : 0;
}

function checkInputs(series: BarSeries, targets: Float64Array, options: TradingEngineOptions): void {
  const violations: FieldViolation[] = [];
  if (typeof options.strategy !== 'string' || options.strategy.length === 0)
    violations.push({ field: 'strategy', rule: 'must be a non-empty strategy name' });
  if (series.length === 0) violations.push({ field: 'bars', rule: 'must hold at least one bar' });
  if (targets.length !== series.length) {
    violations.push({
      field: 'targets',
      rule: `must have one value per bar (got ${targets.length} for ${series.length} bars)`,
    });
  } else {
    // Written so that NaN fails too.
    const bad = targets.findIndex((target) => !(target >= -1 && target <= 1));
    if (bad >= 0)
      violations.push({
        field: `targets[${bad}]`,
        rule: `must be an exposure in [-1, 1] (got ${targets[bad]})`,
      });
  }
  if (violations.length > 0) throw AetherError.invalid(violations, 'trading engine');
}

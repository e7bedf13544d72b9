import { BarSeries } from '@aetherquant/core';
import { clipLongOnly, maCrossStrategy } from '@aetherquant/strategies';
import { rejection } from '@aetherquant/testing';
import { PaperBroker } from '../paper/paper-broker';
import { runTradingEngine } from './trading-engine';

const DAY_MS = 86_400_000;
/** 2020-01-01T00:00:00Z. */
const FIRST_TIME = 1_577_836_800_000;

function seriesOf(close: readonly number[], symbol = 'TEST'): BarSeries {
  return new BarSeries({
    symbol,
    interval: '1d',
    time: close.map((_, i) => FIRST_TIME + i * DAY_MS),
    open: close,
    high: close,
    low: close,
    close,
    volume: close.map(() => 1_000),
  });
}

/** A seeded random walk (mulberry32 driving Gaussian log returns via Box–Muller), daily, from 100. */
function randomWalk(bars: number, seed: number, volatility = 0.012, drift = 0.0003): number[] {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
  const close = [100];
  for (let i = 1; i < bars; i++) {
    const gaussian = Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
    close.push((close[i - 1] as number) * Math.exp(drift + volatility * gaussian));
  }
  return close;
}

/**
 * An independent replay of the vectorised backtest's formula (GUIDE §2), written out here because the
 * execution lib may not depend on @aetherquant/backtest: with r[t] = close[t]/close[t−1] − 1 and
 * c = (commission + slippage)/10⁴, equity[0] = cash·(1 − |target[0]|·c) and
 * equity[t] = equity[t−1]·(1 + target[t−1]·r[t] − |target[t] − target[t−1]|·c).
 */
function vectorisedReplay(
  close: Float64Array,
  targets: Float64Array,
  cash: number,
  costBps: number,
): Float64Array {
  const c = costBps / 10_000;
  const equity = new Float64Array(close.length);
  equity[0] = cash * (1 - Math.abs(targets[0] as number) * c);
  for (let t = 1; t < close.length; t++) {
    const r = (close[t] as number) / (close[t - 1] as number) - 1;
    const change = Math.abs((targets[t] as number) - (targets[t - 1] as number));
    equity[t] = (equity[t - 1] as number) * (1 + (targets[t - 1] as number) * r - change * c);
  }
  return equity;
}

describe('runTradingEngine', () => {
  it('sizes whole-share orders from target × equity at each close and marks equity (no costs)', async () => {
    const series = seriesOf([10, 11, 12, 9, 10]);
    const broker = new PaperBroker({ cash: 1_000, commissionBps: 0, slippageBps: 0 });
    const result = await runTradingEngine(series, Float64Array.from([0, 1, 1, 0.5, 0]), broker, {
      strategy: 'hand',
    });
    // t0 @10, target 0: nothing; equity 1 000.
    // t1 @11, target 1: floor(1 000 / 11) = 90 shares, 990 spent, cash 10; equity 10 + 990 = 1 000.
    // t2 @12, target 1: E = 10 + 1 080 = 1 090, floor(1 090 / 12) = 90 = held: no order; equity 1 090.
    // t3 @9, target 0.5: E = 10 + 810 = 820, floor(410 / 9) = 45: sell 45 for 405, cash 415; equity 820.
    // t4 @10, target 0: E = 415 + 450 = 865, sell the last 45 for 450, cash 865; equity 865.
    expect(Array.from(result.equity)).toEqual([1_000, 1_000, 1_090, 820, 865]);
    expect(result.orders.map((o) => [o.side, o.quantity, o.status, o.clientOrderId])).toEqual([
      ['buy', 90, 'filled', `hand-TEST-${FIRST_TIME + DAY_MS}`],
      ['sell', 45, 'filled', `hand-TEST-${FIRST_TIME + 3 * DAY_MS}`],
      ['sell', 45, 'filled', `hand-TEST-${FIRST_TIME + 4 * DAY_MS}`],
    ]);
    expect(result.finalAccount).toEqual({ cash: 865, equity: 865 });
    expect(result.positions).toEqual([]);
  });

  it('buys only what the cash pays for after slippage and commission', async () => {
    // Slippage 10 bps, commission 5 bps, 10 000 of cash, target 1 at 100.
    const broker = new PaperBroker({ cash: 10_000, commissionBps: 5, slippageBps: 10 });
    const result = await runTradingEngine(seriesOf([100, 100]), Float64Array.from([1, 1]), broker, {
      strategy: 'costs',
    });
    // Desired floor(10 000 / 100) = 100 shares, but 10 000 / (100.10 × 1.0005) = 99.85: 99 shares.
    // Cost 99 × 100.10 = 9 909.90 + commission 4.95495 = 9 914.85495; cash 85.14505;
    // equity 85.14505 + 99 × 100 = 9 985.14505 (the vectorised formula: 10 000 × (1 − 0.0015) = 9 985).
    // t1: floor(9 985.14505 / 100) = 99 = held: no order.
    expect(result.orders.map((o) => [o.side, o.quantity, o.status])).toEqual([['buy', 99, 'filled']]);
    expect(result.equity[0]).toBeCloseTo(9_985.14505, 8);
    expect(result.equity[1]).toBeCloseTo(9_985.14505, 8);
    expect(result.finalAccount.cash).toBeCloseTo(85.14505, 8);
    expect(result.positions).toMatchObject([{ symbol: 'TEST', quantity: 99, averagePrice: 100.1 }]);
  });

  it('clips short targets to flat (paper is long-only)', async () => {
    const broker = new PaperBroker({ cash: 1_000, commissionBps: 0, slippageBps: 0 });
    const result = await runTradingEngine(seriesOf([10, 12, 8]), Float64Array.from([-1, 1, -0.5]), broker, {
      strategy: 'short',
    });
    // t0 short → flat; t1 buy floor(1 000 / 12) = 83 (996, cash 4); t2 short → sell all 83 @ 8 = 664, cash 668.
    expect(result.orders.map((o) => [o.side, o.quantity])).toEqual([
      ['buy', 83],
      ['sell', 83],
    ]);
    expect(Array.from(result.equity)).toEqual([1_000, 1_000, 668]);
    expect(result.finalAccount.cash).toBeGreaterThanOrEqual(0);
  });

  it('sends deterministic client order ids, so a replay on the same broker does not trade twice', async () => {
    // Buy 100 @ 10, sell them @ 10: the broker ends as it began, so the replay makes the same decisions.
    const series = seriesOf([10, 10]);
    const targets = Float64Array.from([1, 0]);
    const broker = new PaperBroker({ cash: 1_000, commissionBps: 0, slippageBps: 0 });
    const first = await runTradingEngine(series, targets, broker, { strategy: 'again' });
    const second = await runTradingEngine(series, targets, broker, { strategy: 'again' });
    expect(first.orders.map((o) => o.status)).toEqual(['filled', 'filled']);
    // The replayed buy is recognised and not traded, so there is nothing to sell at t1 either.
    expect(second.orders.map((o) => [o.clientOrderId, o.status])).toEqual([
      [first.orders[0]?.clientOrderId, 'duplicate'],
    ]);
    expect(broker.fills()).toHaveLength(2);
    expect(second.finalAccount).toEqual({ cash: 1_000, equity: 1_000 });
  });

  it('rejects targets that do not fit the series, naming the field', async () => {
    const broker = new PaperBroker({ cash: 1_000, commissionBps: 0, slippageBps: 0 });
    const fields = async (targets: Float64Array, strategy = 'x') =>
      (
        await rejection(
          runTradingEngine(seriesOf([10, 11]), targets, broker, { strategy }),
          'INVALID_ARGUMENT',
        )
      ).details?.violations?.map((v) => v.field);
    expect(await fields(Float64Array.from([1]))).toEqual(['targets']);
    expect(await fields(Float64Array.from([1, Number.NaN]))).toEqual(['targets[1]']);
    expect(await fields(Float64Array.from([1, 2]))).toEqual(['targets[1]']);
    expect(await fields(Float64Array.from([1, 1]), '')).toEqual(['strategy']);
    expect(broker.fills()).toEqual([]);
  });

  it('tracks the vectorised formula on a random walk with long-only ma-cross (fractional shares)', async () => {
    const series = seriesOf(randomWalk(2_000, 20_240_601));
    const strategy = maCrossStrategy;
    const targets = clipLongOnly(
      strategy.targets(series, strategy.resolveParameters({ fast: 10, slow: 40 })),
    );
    const changes = targets.reduce(
      (count, target, t) => count + (target !== (t === 0 ? 0 : targets[t - 1]) ? 1 : 0),
      0,
    );
    expect(changes).toBeGreaterThan(20); // enough round trips for costs to matter

    const cash = 100_000_000;
    const broker = new PaperBroker({ cash, commissionBps: 5, slippageBps: 10, fractional: true });
    const result = await runTradingEngine(series, targets, broker, { strategy: 'ma-cross' });
    const expected = vectorisedReplay(series.close, targets, cash, 15);

    // One order per change of target: a 0/1 target held as shares needs no rebalancing in between.
    expect(result.orders).toHaveLength(changes);
    expect(result.orders.every((o) => o.status === 'filled')).toBe(true);
    // Final equity within 0.5%, and the whole curve too. The residual gap is second order in the costs:
    // a buy at target 1 holds E ÷ ((1 + s)(1 + c)) rather than E·(1 − s − c), a sell nets
    // V·(1 − s)(1 − c) rather than V·(1 − s − c): about s·c = 5e-7 of equity per trade, compounding over the
    // round trips, far below the tolerance. Whole shares (not used here) would add cash drag as well.
    const last = series.length - 1;
    expect(Math.abs((result.equity[last] as number) / (expected[last] as number) - 1)).toBeLessThan(0.005);
    let worst = 0;
    for (let t = 0; t < series.length; t++)
      worst = Math.max(worst, Math.abs((result.equity[t] as number) / (expected[t] as number) - 1));
    expect(worst).toBeLessThan(0.005);
    // The comparison is not vacuous: costs took a visible bite out of both curves against no costs.
    const free = vectorisedReplay(series.close, targets, cash, 0);
    expect((free[last] as number) / (expected[last] as number) - 1).toBeGreaterThan(0.01);
  });
});

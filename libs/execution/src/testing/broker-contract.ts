import { type Broker, type OrderRequest } from '../lib/broker/broker';

export interface BrokerContractSetup {
  /** A broker with cash enough to buy a few shares of `symbol` at `price`. */
  broker: Broker;
  /** A reference price for `symbol` the broker accepts (the paper broker fills at it, with slippage). */
  price: number;
  /** A symbol the broker trades. */
  symbol: string;
  /** Stops whatever the setup started (a local HTTP server, say). */
  cleanUp?: () => Promise<void>;
}

/**
 * The behaviour every `Broker` shares (GUIDE §5: one contract suite per interface). Call it from each
 * broker's spec with a setup that builds a fresh broker (and, for a live one, the local server that speaks
 * its API); the setup runs before each test so no test sees another's orders.
 */
export function describeBrokerContract(name: string, setup: () => Promise<BrokerContractSetup>): void {
  describe(`${name} satisfies the Broker contract`, () => {
    let context: BrokerContractSetup;
    let sequence = 0;
    const buy = (quantity = 1): OrderRequest => ({
      symbol: context.symbol,
      side: 'buy',
      quantity,
      price: context.price,
      clientOrderId: `contract-${name}-${++sequence}`,
      time: Date.UTC(2020, 0, 2),
    });

    beforeEach(async () => {
      context = await setup();
    });

    afterEach(async () => {
      await context.cleanUp?.();
    });

    it('has a name', () => {
      expect(typeof context.broker.name).toBe('string');
      expect(context.broker.name.length).toBeGreaterThan(0);
    });

    it('answers an order with its client order id, symbol, side and quantity', async () => {
      const request = buy(2);
      const result = await context.broker.submitOrder(request);
      expect(result).toMatchObject({
        clientOrderId: request.clientOrderId,
        symbol: request.symbol,
        side: 'buy',
        quantity: 2,
      });
      expect(['filled', 'accepted']).toContain(result.status);
    });

    it('does not trade twice on the same client order id', async () => {
      const request = buy(1);
      const first = await context.broker.submitOrder(request);
      const positionsAfterFirst = await context.broker.getPositions();
      const second = await context.broker.submitOrder({ ...request });
      expect(second.clientOrderId).toBe(request.clientOrderId);
      const sameOrder = first.brokerOrderId !== undefined && second.brokerOrderId === first.brokerOrderId;
      expect(second.status === 'duplicate' || sameOrder).toBe(true);
      // Whatever the broker answers, the holding must not have grown.
      const held = (positions: { symbol: string; quantity: number }[]) =>
        positions.find((position) => position.symbol === context.symbol)?.quantity ?? 0;
      expect(held(await context.broker.getPositions())).toBe(held(positionsAfterFirst));
    });

    it('reports an account of finite numbers', async () => {
      const account = await context.broker.getAccount();
      expect(Number.isFinite(account.cash)).toBe(true);
      expect(Number.isFinite(account.equity)).toBe(true);
    });

    it('reports positions as an array of symbols and quantities', async () => {
      await context.broker.submitOrder(buy(1));
      const positions = await context.broker.getPositions();
      expect(Array.isArray(positions)).toBe(true);
      for (const position of positions) {
        expect(typeof position.symbol).toBe('string');
        expect(Number.isFinite(position.quantity)).toBe(true);
      }
    });
  });
}

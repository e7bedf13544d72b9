import { describeBrokerContract } from '../../testing/broker-contract';
import { PaperBroker } from './paper-broker';

describeBrokerContract('PaperBroker', async () => ({
  broker: new PaperBroker({ cash: 10_000, commissionBps: 5, slippageBps: 10 }),
  price: 100,
  symbol: 'SPY',
}));

// The same contract holds with pre-trade limits the contract's orders stay within.
describeBrokerContract('PaperBroker with pre-trade limits', async () => ({
  broker: new PaperBroker({
    cash: 10_000,
    commissionBps: 5,
    slippageBps: 10,
    limits: { maxOrderNotional: 5_000, maxPositionPct: 50 },
  }),
  price: 100,
  symbol: 'SPY',
}));

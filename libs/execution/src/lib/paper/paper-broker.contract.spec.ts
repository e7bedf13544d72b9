import { describeBrokerContract } from '../../testing/broker-contract';
import { PaperBroker } from './paper-broker';

describeBrokerContract('PaperBroker', async () => ({
  broker: new PaperBroker({ cash: 10_000, commissionBps: 5, slippageBps: 10 }),
  price: 100,
  symbol: 'SPY',
}));

// Redis out of reach: submissions are refused at once with UNAVAILABLE (the API's 503), naming the address
// without its credentials; nothing hangs (each call gives a connection being made 2 s, within Jest's timeout).
import { AetherError } from '@aetherquant/core';
import { closedPort, rejection } from '@aetherquant/testing';
import { BullMqJobEngine } from './bullmq-job-engine';

describe('the distributed job engine without Redis', () => {
  it('refuses a submission with UNAVAILABLE, naming Redis but not its password', async () => {
    const port = await closedPort();
    const engine = new BullMqJobEngine({
      redisUrl: `redis://:s3cret-pw@127.0.0.1:${port}`,
      prefix: 'aq-test:down',
    });
    try {
      const error = await rejection(
        engine.submit({ use_case: 'backtest', request: { symbol: 'SPY', provider: 'synthetic' } }, 'alice'),
        'UNAVAILABLE',
      );
      expect(error).toBeInstanceOf(AetherError);
      expect(error.message).toBe(
        `the job queue at redis://:***@127.0.0.1:${port} is not reachable; retry shortly`,
      );
      expect(error.message).not.toContain('s3cret-pw');
      await rejection(engine.get('job-0123456789abcdef0123456789abcdef'), 'UNAVAILABLE');
      await rejection(engine.list({ limit: 10, offset: 0 }), 'UNAVAILABLE');
    } finally {
      await engine.close();
    }
  });

  it('still validates the request first: bad input is a 400 whether or not Redis answers', async () => {
    const engine = new BullMqJobEngine({
      redisUrl: `redis://127.0.0.1:${await closedPort()}`,
      prefix: 'aq-test:down',
    });
    try {
      await rejection(engine.submit({ use_case: 'sweep', request: { top: 0 } }, 'alice'), 'INVALID_ARGUMENT');
    } finally {
      await engine.close();
    }
  });
});

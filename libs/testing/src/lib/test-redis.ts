import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** The Redis the tests use: the machine's own unless AETHERQ_TEST_REDIS_URL names another. */
export const TEST_REDIS_URL = process.env['AETHERQ_TEST_REDIS_URL'] || 'redis://127.0.0.1:6379';

/**
 * A key prefix of this test run's own, so parallel suites, parallel runs and CI never see each other's keys
 * (queues, rate limits); {@link clearRedisPrefix} removes them afterwards.
 */
export function testRedisPrefix(label: string): string {
  return `aq-test:${label}:${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** Deletes every key under `prefix`. */
export async function clearRedisPrefix(prefix: string, redisUrl = TEST_REDIS_URL): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

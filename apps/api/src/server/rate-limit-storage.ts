import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { type ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { Redis } from 'ioredis';
import { redactUrlCredentials } from '@aetherquant/core';
import { type JsonLogger } from '../common/logging/json-logger';

type ThrottlerRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** A rate-limit storage, closed by Nest when the app closes (the throttler module's storage takes the hook). */
export interface RateLimitStorage extends ThrottlerStorage {
  onApplicationShutdown(): Promise<void>;
}

/**
 * Where the rate limits' counters live. Without Redis, in this process (one API instance). With
 * `AETHERQ_REDIS_URL`, in Redis, so every API instance behind one load balancer spends one budget per caller:
 * `@nest-lab/throttler-storage-redis` keeps the counter and the block in one atomic script. If Redis cannot
 * be reached, the count falls back to this process for that request (logged once per outage), so an outage
 * of Redis loosens the limit to one budget per instance rather than taking the API down or failing requests.
 */
export function rateLimitStorage(redisUrl: string | undefined, logger: JsonLogger): RateLimitStorage {
  const local = new ThrottlerStorageService();
  if (redisUrl === undefined) {
    return {
      increment: (...args) => local.increment(...args),
      onApplicationShutdown: async () => local.onApplicationShutdown(),
    };
  }
  // No offline queue: while Redis is away a count fails at once (and falls back) instead of waiting.
  const redis = new Redis(redisUrl, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2000,
  });
  redis.on('error', () => undefined); // reported once per outage below; ioredis reconnects by itself
  const shared = new ThrottlerStorageRedisService(redis);
  let degraded = false;
  return {
    async increment(...args): Promise<ThrottlerRecord> {
      try {
        const record = await shared.increment(...args);
        degraded = false;
        return record;
      } catch (error) {
        if (!degraded) {
          degraded = true;
          logger.write('warn', 'rate limits counted in this process: Redis is unreachable', {
            redis: redactUrlCredentials(redisUrl),
            reason: redactUrlCredentials(error instanceof Error ? error.message : String(error)),
          });
        }
        return local.increment(...args);
      }
    },
    async onApplicationShutdown() {
      local.onApplicationShutdown();
      redis.disconnect();
    },
  };
}

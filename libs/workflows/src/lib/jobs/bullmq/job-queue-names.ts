import { Redis, type RedisOptions } from 'ioredis';
import { redactUrlCredentials } from '@aetherquant/core';

/** Where the distributed engine and its workers meet: one Redis, one key prefix, one queue. */
export interface JobQueueLocation {
  /** `redis://[user:password@]host:port[/db]` */
  redisUrl: string;
  /** Prefix of every key (a deployment's, or a test run's own). */
  prefix: string;
}

/** The queue every job use case goes through; the use case is the BullMQ job's name. */
export const JOB_QUEUE_NAME = 'jobs';

/** The key that marks a job cancelled: a worker that picks the job up later finds it and does not run it. */
export function cancelMarkerKey(location: JobQueueLocation, jobId: string): string {
  return `${location.prefix}:${JOB_QUEUE_NAME}:cancelled:${jobId}`;
}

/** Keys of a split sweep's progress: when its first chunk started, and the cells its finished chunks hold. */
export function chunkProgressKeys(
  location: JobQueueLocation,
  jobId: string,
): { started: string; done: string } {
  const base = `${location.prefix}:${JOB_QUEUE_NAME}:chunks:${jobId}`;
  return { started: `${base}:started`, done: `${base}:done` };
}

/** The sorted set of jobs by submission time: one owner's, or everyone's. */
export function jobIndexKey(location: JobQueueLocation, owner: string | undefined): string {
  const base = `${location.prefix}:${JOB_QUEUE_NAME}:index`;
  return owner === undefined ? `${base}:all` : `${base}:owner:${owner}`;
}

/** The channel on which a cancel reaches the worker running the job. */
export function cancelChannel(location: JobQueueLocation): string {
  return `${location.prefix}:${JOB_QUEUE_NAME}:cancel`;
}

/** How long a cancel marker (and a finished job) is kept. */
export const JOB_RETENTION_SECONDS = 7 * 24 * 3600;

/**
 * A connection to the queue's Redis. `blocking` connections (workers, event listeners) wait for Redis
 * forever, as BullMQ requires; the others fail a command at once while Redis is unreachable, so a
 * submission is refused (503) instead of hanging.
 */
export function connectToQueue(location: JobQueueLocation, use: 'blocking' | 'commands'): Redis {
  const options: RedisOptions =
    use === 'blocking'
      ? { maxRetriesPerRequest: null }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 };
  const connection = new Redis(location.redisUrl, { ...options, lazyConnect: false });
  // ioredis reconnects by itself; an 'error' event without a listener would crash the process.
  connection.on('error', () => undefined);
  return connection;
}

/** The Redis address for messages: credentials never appear. */
export function describeRedis(location: JobQueueLocation): string {
  return redactUrlCredentials(location.redisUrl);
}

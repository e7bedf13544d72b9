import { AetherError } from '@aetherquant/core';
import { type JsonLogger } from '../common/logging/json-logger';

export interface BatchWriterOptions<Item> {
  /** What is written, in log messages: `audit events`, `runs`. */
  label: string;
  /**
   * Writes one batch in one transaction. An UNAVAILABLE error means the database is down for now (the batch
   * is retried); any other error means an item is bad (the batch is written item by item, bad ones dropped).
   */
  write: (batch: Item[]) => Promise<unknown>;
  logger: JsonLogger;
  /**
   * When the buffer is full: drop the oldest item (a log, where the newest matters most) or refuse the new
   * one (records whose caller can say it was not kept).
   */
  overflow: 'drop-oldest' | 'refuse';
  /** Items kept while the database is down. */
  capacity?: number;
  /** Items written per batch. */
  batchSize?: number;
  /** How long an item may wait before its batch is written. */
  flushDelayMs?: number;
  /** First and longest wait before writing again after a failure. */
  retryMs?: { first: number; max: number };
}

export interface BatchWriterStatus {
  pending: number;
  /** Items lost: dropped on overflow, or refused by the store as invalid. */
  dropped: number;
  /** Why the last write failed, while writes are failing. */
  failing?: string;
}

/**
 * Writes leave the request path at once: `offer` only queues. Queued items are written in batches shortly
 * after, one transaction per batch, so recording costs a request almost nothing and the database sees a few
 * statements per batch rather than a few per request. When the database is down, items wait in a bounded
 * buffer, retried with backoff, and land in order once it is back.
 */
export class BatchWriter<Item> {
  readonly #buffer: Item[] = [];
  readonly #capacity: number;
  readonly #batchSize: number;
  readonly #flushDelayMs: number;
  readonly #retryMs: { first: number; max: number };
  #dropped = 0;
  #failing: string | undefined;
  #wait: number;
  #timer: NodeJS.Timeout | undefined;
  #writing: Promise<void> | undefined;
  #closed = false;

  constructor(private readonly options: BatchWriterOptions<Item>) {
    this.#capacity = options.capacity ?? 10_000;
    this.#batchSize = options.batchSize ?? 200;
    this.#flushDelayMs = options.flushDelayMs ?? 20;
    this.#retryMs = options.retryMs ?? { first: 500, max: 10_000 };
    this.#wait = this.#retryMs.first;
  }

  /** Queues `item`; false when the writer is closed, or full and refusing rather than dropping. */
  offer(item: Item): boolean {
    if (this.#closed) {
      this.options.logger.write('error', `${this.options.label}: one offered after shutdown was not kept`);
      return false;
    }
    if (this.#buffer.length >= this.#capacity) {
      if (this.options.overflow === 'refuse') return false;
      this.#buffer.shift();
      if (this.#dropped++ === 0) {
        this.options.logger.write('error', `${this.options.label} buffer full: dropping the oldest`, {
          capacity: this.#capacity,
        });
      }
    }
    this.#buffer.push(item);
    if (this.#failing === undefined) this.#schedule(this.#flushDelayMs);
    return true;
  }

  status(): BatchWriterStatus {
    return {
      pending: this.#buffer.length,
      dropped: this.#dropped,
      ...(this.#failing === undefined ? {} : { failing: this.#failing }),
    };
  }

  /** Writes everything queued; resolves when the buffer is empty or a write failed. */
  async flush(): Promise<void> {
    while (this.#writing) await this.#writing;
    this.#writing = this.#writeAll().finally(() => (this.#writing = undefined));
    await this.#writing;
  }

  /** Final flush at shutdown: retries until `deadlineMs`, then gives up, saying how many items are lost. */
  async close(deadlineMs = 5_000): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const deadline = Date.now() + deadlineMs;
    await this.flush();
    while (this.#buffer.length > 0 && Date.now() < deadline) {
      const pause = Math.min(this.#wait, Math.max(0, deadline - Date.now()));
      await new Promise((resolve) => setTimeout(resolve, pause));
      await this.flush();
    }
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#buffer.length > 0) {
      this.options.logger.write('error', `${this.options.label} not written at shutdown`, {
        lost: this.#buffer.length,
      });
    }
  }

  #schedule(delayMs: number): void {
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.flush();
    }, delayMs);
    this.#timer.unref();
  }

  async #writeAll(): Promise<void> {
    while (this.#buffer.length > 0) {
      const batch = this.#buffer.slice(0, this.#batchSize);
      try {
        await this.options.write(batch);
      } catch (error) {
        if (isOutage(error)) return this.#retryLater(error);
        // Not an outage: something in the batch is bad. Write its items one by one, so that one bad item
        // costs only itself, never the other callers' items beside it.
        const outage = await this.#writeOneByOne(batch);
        if (outage !== undefined) return this.#retryLater(outage);
        continue;
      }
      this.#removeWritten(batch);
      this.#recovered();
    }
  }

  /** Writes each item alone, dropping (counted, logged) those the store refuses; stops at an outage. */
  async #writeOneByOne(batch: readonly Item[]): Promise<unknown> {
    for (const item of batch) {
      try {
        await this.options.write([item]);
      } catch (error) {
        if (isOutage(error)) return error;
        this.#dropped++;
        this.options.logger.write('error', `${this.options.label}: one refused by the store and dropped`, {
          error: error instanceof Error ? error.message : String(error),
        });
      }
      this.#removeWritten([item]);
    }
    this.#recovered();
    return undefined;
  }

  #retryLater(error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    if (this.#failing === undefined) {
      this.options.logger.write('error', `${this.options.label} not written; keeping them to retry`, {
        error: reason,
      });
    }
    this.#failing = reason;
    this.#schedule(this.#wait);
    this.#wait = Math.min(this.#wait * 2, this.#retryMs.max);
  }

  #recovered(): void {
    if (this.#failing === undefined) return;
    this.options.logger.write('info', `${this.options.label} written again`, {
      pending: this.#buffer.length,
    });
    this.#failing = undefined;
    this.#wait = this.#retryMs.first;
  }

  /**
   * Takes a written batch off the buffer. It was the buffer's front; overflow may have dropped some of it
   * while it was in flight, so what remains of it is still the front.
   */
  #removeWritten(batch: readonly Item[]): void {
    const written = new Set(batch);
    let count = 0;
    while (count < this.#buffer.length && written.has(this.#buffer[count] as Item)) count++;
    this.#buffer.splice(0, count);
  }
}

/** A failure that waiting cures: the database cannot be reached. Anything else is about the items. */
function isOutage(error: unknown): boolean {
  return error instanceof AetherError && error.code === 'UNAVAILABLE';
}

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
  /**
   * When the database is down: keep the items and retry with backoff (a log, written when it is back), or
   * give them up at once, telling their submitters (records a caller is waiting for: it is answered without
   * them instead of being told they are kept). Default `retry`.
   */
  outage?: 'retry' | 'fail';
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
  /** When a batch was last written (epoch ms): a database that just took a write is up. */
  lastWrittenAt?: number;
}

/** What became of a submitted item: written (committed), or why not. */
export type SubmitOutcome = 'written' | 'outage' | 'full' | 'refused' | 'closed';

/**
 * Items are written in batches, one transaction per batch, so the database sees a few statements per batch
 * rather than a few per request. Two ways in:
 * - `offer` only queues (the audit log: recording costs a request nothing). When the database is down,
 *   items wait in a bounded buffer, retried with backoff, and land in order once it is back.
 * - `submit` queues and resolves once the item's batch is committed, or with why it was not (group commit:
 *   a run id is handed out only once its run is stored; under load, answers slow down instead of records
 *   being lost). With `outage: 'fail'` an outage gives submitted items up at once rather than holding
 *   their callers.
 */
export class BatchWriter<Item> {
  readonly #buffer: Item[] = [];
  /** The submitters waiting for their item's batch. */
  readonly #waiters = new Map<Item, (outcome: SubmitOutcome) => void>();
  #lastWrittenAt: number | undefined;
  #droppedSinceReport = 0;
  #lastDropReport = 0;
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
    return this.#enqueue(item, this.#flushDelayMs) === undefined;
  }

  /** Queues `item` and resolves when its batch is committed (`written`), or with why it was not. */
  submit(item: Item): Promise<SubmitOutcome> {
    // A submitter waits, so its batch is written at once: what arrives while that write is in flight forms
    // the next batch (group commit), and batches grow with load instead of with a timer.
    const refused = this.#enqueue(item, 0);
    if (refused !== undefined) return Promise.resolve(refused);
    return new Promise((resolve) => this.#waiters.set(item, resolve));
  }

  /** Undefined when queued, else why not. */
  #enqueue(item: Item, delayMs: number): SubmitOutcome | undefined {
    if (this.#closed) {
      this.options.logger.write('error', `${this.options.label}: one offered after shutdown was not kept`);
      return 'closed';
    }
    if (this.#buffer.length >= this.#capacity) {
      if (this.options.overflow === 'refuse') return 'full';
      const oldest = this.#buffer.shift() as Item;
      this.#settle([oldest], 'full');
      this.#countDropped(1, 'buffer full: dropped the oldest');
    }
    this.#buffer.push(item);
    if (this.#failing === undefined || this.options.outage === 'fail') this.#schedule(delayMs);
    return undefined;
  }

  /**
   * Counts lost items and logs them with counts: the first loss at once, later ones summed at most every
   * ten seconds, so a flood of losses is visible without flooding the log.
   */
  #countDropped(count: number, why: string): void {
    this.#dropped += count;
    this.#droppedSinceReport += count;
    const now = Date.now();
    if (now - this.#lastDropReport < 10_000 && this.#lastDropReport !== 0) return;
    this.options.logger.write('error', `${this.options.label} lost: ${why}`, {
      lost: this.#droppedSinceReport,
      lost_total: this.#dropped,
      capacity: this.#capacity,
    });
    this.#droppedSinceReport = 0;
    this.#lastDropReport = now;
  }

  /** Tells the submitters of `items` (if any) what became of them. */
  #settle(items: readonly Item[], outcome: SubmitOutcome): void {
    if (this.#waiters.size === 0) return;
    for (const item of items) {
      const resolve = this.#waiters.get(item);
      if (resolve === undefined) continue;
      this.#waiters.delete(item);
      resolve(outcome);
    }
  }

  status(): BatchWriterStatus {
    return {
      pending: this.#buffer.length,
      dropped: this.#dropped,
      ...(this.#failing === undefined ? {} : { failing: this.#failing }),
      ...(this.#lastWrittenAt === undefined ? {} : { lastWrittenAt: this.#lastWrittenAt }),
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
      this.#settle(this.#buffer.splice(0), 'closed');
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
        if (isOutage(error)) return this.#outage(error);
        // Not an outage: something in the batch is bad. Write its items one by one, so that one bad item
        // costs only itself, never the other callers' items beside it.
        const outage = await this.#writeOneByOne(batch);
        if (outage !== undefined) return this.#outage(outage);
        continue;
      }
      this.#written(batch);
    }
  }

  #written(batch: readonly Item[]): void {
    this.#lastWrittenAt = Date.now();
    this.#removeWritten(batch);
    this.#settle(batch, 'written');
    this.#recovered();
  }

  /** The database is down: keep the batch for later, or give it up now (`outage: 'fail'`). */
  #outage(error: unknown): void {
    if (this.options.outage !== 'fail') return this.#retryLater(error);
    const reason = error instanceof Error ? error.message : String(error);
    if (this.#failing === undefined) {
      this.options.logger.write('error', `${this.options.label} not written: the database is unavailable`, {
        error: reason,
      });
    }
    this.#failing = reason;
    // The failed batch is still the buffer's front; it and what is queued behind it are given up, their
    // callers answered without them.
    // The next submission tries the database again (a connection that knows it is down fails at once).
    const given = this.#buffer.splice(0);
    this.#settle(given, 'outage');
    if (given.length > 0) {
      this.options.logger.write('warn', `${this.options.label} answered without being recorded`, {
        count: given.length,
      });
    }
  }

  /** Writes each item alone, dropping (counted, logged) those the store refuses; stops at an outage. */
  async #writeOneByOne(batch: readonly Item[]): Promise<unknown> {
    for (const item of batch) {
      try {
        await this.options.write([item]);
      } catch (error) {
        if (isOutage(error)) return error;
        this.options.logger.write('error', `${this.options.label}: one refused by the store and dropped`, {
          error: error instanceof Error ? error.message : String(error),
        });
        this.#countDropped(1, 'refused by the store');
        this.#removeWritten([item]);
        this.#settle([item], 'refused');
        continue;
      }
      this.#lastWrittenAt = Date.now();
      this.#removeWritten([item]);
      this.#settle([item], 'written');
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

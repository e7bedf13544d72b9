import { AetherError } from '@aetherquant/core';
import { type AuditStore, type NewAuditEvent } from '@aetherquant/workflows';
import { type JsonLogger } from '../common/logging/json-logger';

export interface AuditWriterOptions {
  /** The store the events go to; a call that throws means the database is down for now. */
  store: () => AuditStore;
  logger: JsonLogger;
  /** Events kept while the database is down; beyond it the oldest are dropped (and counted). */
  capacity?: number;
  /** Events written per statement batch. */
  batchSize?: number;
  /** How long an event may wait before its batch is written. */
  flushDelayMs?: number;
  /** First and longest wait before writing again after a failure. */
  retryMs?: { first: number; max: number };
}

export interface AuditWriterStatus {
  pending: number;
  dropped: number;
  /** Why the last write failed, while writes are failing. */
  failing?: string;
}

/**
 * Audit events leave the request path at once: `record` only queues. Queued events are written in
 * batches shortly after (one transaction per batch), so auditing costs a request nothing. When the
 * database is down they wait in a bounded buffer, retried with backoff, and land in order once it is back;
 * only an outage long enough to overflow the buffer loses events, the oldest first, and those are counted
 * and logged.
 */
export class AuditWriter {
  readonly #buffer: NewAuditEvent[] = [];
  readonly #capacity: number;
  readonly #batchSize: number;
  readonly #flushDelayMs: number;
  readonly #retryMs: { first: number; max: number };
  #dropped = 0;
  #failing: string | undefined;
  #wait: number;
  #timer: NodeJS.Timeout | undefined;
  #writing: Promise<void> | undefined;

  constructor(private readonly options: AuditWriterOptions) {
    this.#capacity = options.capacity ?? 10_000;
    this.#batchSize = options.batchSize ?? 200;
    this.#flushDelayMs = options.flushDelayMs ?? 100;
    this.#retryMs = options.retryMs ?? { first: 500, max: 10_000 };
    this.#wait = this.#retryMs.first;
  }

  record(event: NewAuditEvent): void {
    this.#buffer.push({ ...event, createdAt: event.createdAt ?? new Date() });
    if (this.#buffer.length > this.#capacity) {
      this.#buffer.shift();
      if (this.#dropped++ === 0) {
        this.options.logger.write('error', 'audit buffer full: dropping the oldest events', {
          capacity: this.#capacity,
        });
      }
    }
    if (this.#failing === undefined) this.#schedule(this.#flushDelayMs);
  }

  status(): AuditWriterStatus {
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

  /** Final flush at shutdown: retries until `deadlineMs`, then gives up, saying how many events are lost. */
  async close(deadlineMs = 5_000): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const deadline = Date.now() + deadlineMs;
    await this.flush();
    while (this.#buffer.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) =>
        setTimeout(resolve, Math.min(this.#wait, Math.max(0, deadline - Date.now()))),
      );
      await this.flush();
    }
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#buffer.length > 0) {
      this.options.logger.write('error', 'audit events not written at shutdown', {
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
        await this.options.store().recordMany(batch);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        if (error instanceof AetherError && error.code === 'INVALID_ARGUMENT') {
          // A batch the store refuses would be refused forever: say so and move on, rather than block the queue.
          this.options.logger.write('error', 'audit events refused by the store; dropped', {
            error: reason,
            events: batch.length,
          });
          this.#dropped += batch.length;
          this.#removeWritten(batch);
          continue;
        }
        if (this.#failing === undefined) {
          this.options.logger.write('error', 'audit events not written; keeping them to retry', {
            error: reason,
          });
        }
        this.#failing = reason;
        this.#schedule(this.#wait);
        this.#wait = Math.min(this.#wait * 2, this.#retryMs.max);
        return;
      }
      this.#removeWritten(batch);
      if (this.#failing !== undefined) {
        this.options.logger.write('info', 'audit writes resumed', { pending: this.#buffer.length });
        this.#failing = undefined;
        this.#wait = this.#retryMs.first;
      }
    }
  }

  /**
   * Takes a batch off the buffer. It was the buffer's front; overflow may have dropped some of it while it
   * was in flight, so what remains of it is still the front.
   */
  #removeWritten(batch: readonly NewAuditEvent[]): void {
    const written = new Set(batch);
    let count = 0;
    while (count < this.#buffer.length && written.has(this.#buffer[count] as NewAuditEvent)) count++;
    this.#buffer.splice(0, count);
  }
}

import { AetherError } from '@aetherquant/core';
import { type NewAuditEvent } from '@aetherquant/workflows/server';
import { JsonLogger } from '../common/logging/json-logger';
import { BatchWriter, type BatchWriterOptions } from './batch-writer';

/** A store in memory whose writes can be made to fail, as a database outage would. */
class FlakyStore {
  written: NewAuditEvent[] = [];
  batches: number[] = [];
  failure: Error | undefined;

  write = async (events: NewAuditEvent[]): Promise<void> => {
    if (this.failure) throw this.failure;
    this.batches.push(events.length);
    this.written.push(...events);
  };
}

const event = (n: number): NewAuditEvent => ({
  method: 'GET',
  path: `/api/runs/${n}`,
  statusCode: 200,
  requestId: `r${n}`,
  actorRole: 'admin',
  durationMs: 1,
  clientIp: '127.0.0.1',
});

function writer(flaky: FlakyStore, options: Partial<BatchWriterOptions<NewAuditEvent>> = {}) {
  const lines: string[] = [];
  const logger = new JsonLogger('info', [], (line) => lines.push(line));
  const audit = new BatchWriter<NewAuditEvent>({
    label: 'audit events',
    write: (events) => flaky.write(events),
    overflow: 'drop-oldest',
    logger,
    flushDelayMs: 5,
    retryMs: { first: 5, max: 20 },
    ...options,
  });
  return { audit, lines };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The counters of a writer's status, without its failure text and last write time. */
const counters = (audit: BatchWriter<NewAuditEvent>) => {
  const { pending, dropped } = audit.status();
  return { pending, dropped };
};

describe('BatchWriter', () => {
  it('queues without writing, then writes in batches, in order', async () => {
    const flaky = new FlakyStore();
    const { audit } = writer(flaky, { batchSize: 2, flushDelayMs: 1_000 });
    for (let n = 0; n < 5; n++) audit.offer(event(n));
    expect(flaky.written).toEqual([]);
    expect(counters(audit)).toEqual({ pending: 5, dropped: 0 });
    await audit.flush();
    expect(flaky.batches).toEqual([2, 2, 1]);
    expect(flaky.written.map((e) => e.requestId)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
    expect(counters(audit)).toEqual({ pending: 0, dropped: 0 });
    await audit.close();
  });

  it('writes on its own shortly after an event arrives', async () => {
    const flaky = new FlakyStore();
    const { audit } = writer(flaky);
    audit.offer(event(1));
    await sleep(50);
    expect(flaky.written).toHaveLength(1);
    await audit.close();
  });

  it('keeps events through an outage and writes them, in order, once the store is back', async () => {
    const flaky = new FlakyStore();
    const { audit, lines } = writer(flaky);
    flaky.failure = new AetherError('UNAVAILABLE', 'cannot use PostgreSQL: connection refused');
    for (let n = 0; n < 3; n++) audit.offer(event(n));
    await audit.flush();
    expect(audit.status()).toEqual({
      pending: 3,
      dropped: 0,
      failing: 'cannot use PostgreSQL: connection refused',
    });
    audit.offer(event(3));
    flaky.failure = undefined;
    await sleep(80); // the retry timer
    expect(flaky.written.map((e) => e.requestId)).toEqual(['r0', 'r1', 'r2', 'r3']);
    expect(counters(audit)).toEqual({ pending: 0, dropped: 0 });
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual([
      'audit events not written; keeping them to retry',
      'audit events written again',
    ]);
    await audit.close();
  });

  it('drops the oldest events beyond its capacity, counting them and saying so once', async () => {
    const flaky = new FlakyStore();
    const { audit, lines } = writer(flaky, { capacity: 3 });
    flaky.failure = new AetherError('UNAVAILABLE', 'down');
    for (let n = 0; n < 6; n++) audit.offer(event(n));
    expect(audit.status()).toMatchObject({ pending: 3, dropped: 3 });
    flaky.failure = undefined;
    await audit.flush();
    expect(flaky.written.map((e) => e.requestId)).toEqual(['r3', 'r4', 'r5']);
    expect(lines.filter((line) => line.includes('audit events lost: buffer full'))).toHaveLength(1);
    await audit.close();
  });

  it('drops only the items the store refuses, never the others of their batch', async () => {
    const flaky = new FlakyStore();
    const { audit, lines } = writer(flaky);
    const write = flaky.write;
    // The store refuses any batch holding r2 (a method it cannot store, say), as one statement would.
    flaky.write = async (events) => {
      if (events.some((e) => e.requestId === 'r2')) {
        throw AetherError.invalid([{ field: 'method', rule: 'must be at most 10 characters long' }]);
      }
      return write(events);
    };
    for (let n = 1; n <= 3; n++) audit.offer(event(n));
    await audit.flush();
    expect(flaky.written.map((e) => e.requestId)).toEqual(['r1', 'r3']);
    expect(counters(audit)).toEqual({ pending: 0, dropped: 1 });
    expect(lines.filter((line) => line.includes('one refused by the store and dropped'))).toHaveLength(1);
    await audit.close();
  });

  it('treats a failure other than an outage as bad items, so one cannot block the queue forever', async () => {
    const flaky = new FlakyStore();
    const { audit } = writer(flaky);
    const write = flaky.write;
    flaky.write = async (events) => {
      if (events.some((e) => e.requestId === 'r1')) throw new AetherError('INTERNAL', 'value out of range');
      return write(events);
    };
    audit.offer(event(1));
    audit.offer(event(2));
    await audit.flush();
    expect(flaky.written.map((e) => e.requestId)).toEqual(['r2']);
    expect(counters(audit)).toEqual({ pending: 0, dropped: 1 });
    await audit.close();
  });

  it('takes nothing once closed, saying so', async () => {
    const flaky = new FlakyStore();
    const { audit, lines } = writer(flaky);
    await audit.close();
    expect(audit.offer(event(1))).toBe(false);
    expect(lines.some((line) => line.includes('offered after shutdown'))).toBe(true);
  });

  it('flushes at close, and gives up at the deadline saying how many were lost', async () => {
    const flaky = new FlakyStore();
    const { audit, lines } = writer(flaky, { flushDelayMs: 10_000 });
    audit.offer(event(1));
    await audit.close();
    expect(flaky.written).toHaveLength(1);

    const down = new FlakyStore();
    down.failure = new AetherError('UNAVAILABLE', 'down');
    const second = writer(down);
    second.audit.offer(event(2));
    await second.audit.close(50);
    expect(second.lines.some((line) => line.includes('"lost":1'))).toBe(true);
    expect(lines).toEqual([]);
  });

  it('refuses new items when full, if told to, keeping every queued one', async () => {
    const flaky = new FlakyStore();
    const { audit } = writer(flaky, { capacity: 2, overflow: 'refuse' });
    flaky.failure = new AetherError('UNAVAILABLE', 'down');
    expect([audit.offer(event(1)), audit.offer(event(2)), audit.offer(event(3))]).toEqual([
      true,
      true,
      false,
    ]);
    expect(audit.status()).toMatchObject({ pending: 2, dropped: 0 });
    flaky.failure = undefined;
    await audit.flush();
    expect(flaky.written.map((e) => e.requestId)).toEqual(['r1', 'r2']);
    expect(audit.offer(event(4))).toBe(true);
    await audit.close();
  });

  describe('submit (group commit)', () => {
    it('resolves each submitter once the batch holding its item is committed, many items per batch', async () => {
      const flaky = new FlakyStore();
      const { audit } = writer(flaky, { batchSize: 50, flushDelayMs: 5 });
      const outcomes = await Promise.all(Array.from({ length: 120 }, (_, n) => audit.submit(event(n))));
      expect(outcomes).toEqual(Array(120).fill('written'));
      // Every submitter was told only after its item was in the store.
      expect(flaky.written.map((e) => e.requestId)).toEqual(Array.from({ length: 120 }, (_, n) => `r${n}`));
      expect(flaky.batches.length).toBeLessThanOrEqual(4);
      expect(audit.status().lastWrittenAt).toEqual(expect.any(Number));
      await audit.close();
    });

    it('is told "written" no sooner than the store has the item', async () => {
      const flaky = new FlakyStore();
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const { audit } = writer(flaky, {
        flushDelayMs: 1,
        write: async (events) => {
          await gate;
          await flaky.write(events);
        },
      });
      let told: string | undefined;
      const pending = audit.submit(event(1)).then((outcome) => (told = outcome));
      await sleep(30);
      expect(told).toBeUndefined();
      release();
      await pending;
      expect(told).toBe('written');
      expect(flaky.written).toHaveLength(1);
      await audit.close();
    });

    it('with outage "fail", gives items up at once in an outage, saying so, and records again after', async () => {
      const flaky = new FlakyStore();
      const { audit, lines } = writer(flaky, { outage: 'fail', overflow: 'refuse' });
      flaky.failure = new AetherError('UNAVAILABLE', 'connection refused');
      const during = await Promise.all([audit.submit(event(1)), audit.submit(event(2))]);
      expect(during).toEqual(['outage', 'outage']);
      expect(audit.status()).toMatchObject({ pending: 0, failing: 'connection refused' });
      expect(lines.join('\n')).toContain('audit events not written: the database is unavailable');
      flaky.failure = undefined;
      expect(await audit.submit(event(3))).toBe('written');
      expect(flaky.written.map((e) => e.requestId)).toEqual(['r3']);
      expect(audit.status().failing).toBeUndefined();
      await audit.close();
    });

    it('refuses when full, and tells a bad item it was refused while its batch-mates are written', async () => {
      const flaky = new FlakyStore();
      const { audit } = writer(flaky, {
        overflow: 'refuse',
        capacity: 2,
        flushDelayMs: 1_000,
        write: async (events) => {
          if (events.some((e) => e.requestId === 'r1')) throw new AetherError('INVALID_ARGUMENT', 'bad row');
          await flaky.write(events);
        },
      });
      const first = audit.submit(event(0));
      const bad = audit.submit(event(1));
      expect(await audit.submit(event(2))).toBe('full');
      await audit.flush();
      expect(await first).toBe('written');
      expect(await bad).toBe('refused');
      expect(counters(audit)).toEqual({ pending: 0, dropped: 1 });
      await audit.close();
    });

    it('tells submitters still waiting at shutdown that their items were not kept', async () => {
      const flaky = new FlakyStore();
      flaky.failure = new AetherError('UNAVAILABLE', 'down');
      const { audit } = writer(flaky, { retryMs: { first: 5, max: 5 } });
      const waiting = audit.submit(event(1));
      await audit.close(30);
      expect(await waiting).toBe('closed');
    });

    it('logs losses with counts, summed rather than once per item', async () => {
      const flaky = new FlakyStore();
      flaky.failure = new AetherError('UNAVAILABLE', 'down');
      const { audit, lines } = writer(flaky, { capacity: 2, retryMs: { first: 1_000, max: 1_000 } });
      for (let n = 0; n < 10; n++) audit.offer(event(n));
      expect(counters(audit)).toEqual({ pending: 2, dropped: 8 });
      const losses = lines.map((line) => JSON.parse(line)).filter((line) => /lost/.test(line.msg));
      expect(losses).toEqual([expect.objectContaining({ lost: 1, lost_total: 1, capacity: 2 })]);
      await audit.close(10);
    });
  });
});

import { AetherError } from '@aetherquant/core';
import { type AuditStore, type NewAuditEvent } from '@aetherquant/workflows';
import { JsonLogger } from '../common/logging/json-logger';
import { AuditWriter } from './audit-writer';

/** A store in memory whose writes can be made to fail, as a database outage would. */
class FlakyStore {
  written: NewAuditEvent[] = [];
  batches: number[] = [];
  failure: Error | undefined;

  readonly store = {
    recordMany: async (events: NewAuditEvent[]) => {
      if (this.failure) throw this.failure;
      this.batches.push(events.length);
      this.written.push(...events);
      return events.length;
    },
  } as unknown as AuditStore;
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

function writer(flaky: FlakyStore, options: Partial<ConstructorParameters<typeof AuditWriter>[0]> = {}) {
  const lines: string[] = [];
  const logger = new JsonLogger('info', [], (line) => lines.push(line));
  const audit = new AuditWriter({
    store: () => flaky.store,
    logger,
    flushDelayMs: 5,
    retryMs: { first: 5, max: 20 },
    ...options,
  });
  return { audit, lines };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('AuditWriter', () => {
  it('queues without writing, then writes in batches, in order, stamping the time of the request', async () => {
    const flaky = new FlakyStore();
    const { audit } = writer(flaky, { batchSize: 2, flushDelayMs: 1_000 });
    for (let n = 0; n < 5; n++) audit.record(event(n));
    expect(flaky.written).toEqual([]);
    expect(audit.status()).toEqual({ pending: 5, dropped: 0 });
    await audit.flush();
    expect(flaky.batches).toEqual([2, 2, 1]);
    expect(flaky.written.map((e) => e.requestId)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
    expect(flaky.written.every((e) => e.createdAt instanceof Date)).toBe(true);
    expect(audit.status()).toEqual({ pending: 0, dropped: 0 });
    await audit.close();
  });

  it('writes on its own shortly after an event arrives', async () => {
    const flaky = new FlakyStore();
    const { audit } = writer(flaky);
    audit.record(event(1));
    await sleep(50);
    expect(flaky.written).toHaveLength(1);
    await audit.close();
  });

  it('keeps events through an outage and writes them, in order, once the store is back', async () => {
    const flaky = new FlakyStore();
    const { audit, lines } = writer(flaky);
    flaky.failure = new AetherError('UNAVAILABLE', 'cannot use PostgreSQL: connection refused');
    for (let n = 0; n < 3; n++) audit.record(event(n));
    await audit.flush();
    expect(audit.status()).toEqual({
      pending: 3,
      dropped: 0,
      failing: 'cannot use PostgreSQL: connection refused',
    });
    audit.record(event(3));
    flaky.failure = undefined;
    await sleep(80); // the retry timer
    expect(flaky.written.map((e) => e.requestId)).toEqual(['r0', 'r1', 'r2', 'r3']);
    expect(audit.status()).toEqual({ pending: 0, dropped: 0 });
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual([
      'audit events not written; keeping them to retry',
      'audit writes resumed',
    ]);
    await audit.close();
  });

  it('drops the oldest events beyond its capacity, counting them and saying so once', async () => {
    const flaky = new FlakyStore();
    const { audit, lines } = writer(flaky, { capacity: 3 });
    flaky.failure = new AetherError('UNAVAILABLE', 'down');
    for (let n = 0; n < 6; n++) audit.record(event(n));
    expect(audit.status()).toMatchObject({ pending: 3, dropped: 3 });
    flaky.failure = undefined;
    await audit.flush();
    expect(flaky.written.map((e) => e.requestId)).toEqual(['r3', 'r4', 'r5']);
    expect(lines.filter((line) => line.includes('audit buffer full'))).toHaveLength(1);
    await audit.close();
  });

  it('drops a batch the store refuses as invalid instead of retrying it forever', async () => {
    const flaky = new FlakyStore();
    const { audit } = writer(flaky);
    flaky.failure = AetherError.invalid([{ field: 'requestId', rule: 'must be at most 64 characters long' }]);
    audit.record(event(1));
    await audit.flush();
    expect(audit.status()).toEqual({ pending: 0, dropped: 1 });
    flaky.failure = undefined;
    audit.record(event(2));
    await audit.flush();
    expect(flaky.written.map((e) => e.requestId)).toEqual(['r2']);
    await audit.close();
  });

  it('flushes at close, and gives up at the deadline saying how many were lost', async () => {
    const flaky = new FlakyStore();
    const { audit, lines } = writer(flaky, { flushDelayMs: 10_000 });
    audit.record(event(1));
    await audit.close();
    expect(flaky.written).toHaveLength(1);

    const down = new FlakyStore();
    down.failure = new AetherError('UNAVAILABLE', 'down');
    const second = writer(down);
    second.audit.record(event(2));
    await second.audit.close(50);
    expect(second.lines.some((line) => line.includes('"lost":1'))).toBe(true);
    expect(lines).toEqual([]);
  });
});

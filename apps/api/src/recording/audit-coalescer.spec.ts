import { type NewAuditEvent } from '@aetherquant/workflows/server';
import { type AuditCaller, AuditCoalescer, OTHER_PATHS } from './audit-coalescer';

const at = (second: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, second));

function refusal(i: number, overrides: Partial<NewAuditEvent> = {}): NewAuditEvent {
  return {
    createdAt: at(i),
    method: 'GET',
    path: '/api/nothing',
    statusCode: 404,
    requestId: `r-${i}`,
    durationMs: i,
    clientIp: '10.0.0.1',
    ...overrides,
  };
}

const trails: AuditCoalescer[] = [];
afterEach(() => trails.splice(0).forEach((trail) => trail.close()));

function coalescer(
  options: { singlesPerWindow?: number; groupsPerCaller?: number; maxGroups?: number } = {},
) {
  const emitted: NewAuditEvent[] = [];
  // A window far longer than the test: windows end when the test flushes.
  const trail = new AuditCoalescer({ emit: (event) => emitted.push(event), windowMs: 3_600_000, ...options });
  trails.push(trail);
  return { trail, emitted };
}

const ip = (address: string): AuditCaller => ({ tracker: `ip:${address}`, keyName: null });
const key = (name: string): AuditCaller => ({ tracker: `key:${name}`, keyName: name });

const total = (events: NewAuditEvent[]) => events.reduce((sum, event) => sum + (event.count ?? 1), 0);

describe('AuditCoalescer', () => {
  it('writes the first few identical refusals, then one row counting the rest, first and last time', () => {
    const { trail, emitted } = coalescer({ singlesPerWindow: 3 });
    for (let i = 0; i < 1000; i++) trail.offer(refusal(i), ip('10.0.0.1'));
    expect(emitted.map((event) => event.requestId)).toEqual(['r-0', 'r-1', 'r-2']);
    trail.flush();
    expect(emitted).toHaveLength(4);
    expect(emitted[3]).toEqual({
      ...refusal(3),
      count: 997,
      createdAt: at(3),
      lastAt: at(999),
      durationMs: 999,
    });
    expect(total(emitted)).toBe(1000);
    // A new window: the first refusals are rows of their own again.
    trail.offer(refusal(1000), ip('10.0.0.1'));
    expect(emitted.at(-1)?.requestId).toBe('r-1000');
  });

  it("never coalesces successes, server errors, or a named key's refusals other than 429", () => {
    const { trail, emitted } = coalescer({ singlesPerWindow: 1 });
    for (let i = 0; i < 10; i++) {
      trail.offer(refusal(i, { statusCode: 200 }), ip('10.0.0.1'));
      trail.offer(refusal(i, { statusCode: 503 }), ip('10.0.0.1'));
      trail.offer(refusal(i, { statusCode: 400 }), key('ci'));
      trail.offer(refusal(i, { statusCode: 404 }), key('ci'));
    }
    expect(emitted).toHaveLength(40);
  });

  it('keeps callers, statuses, methods and paths apart', () => {
    const { trail, emitted } = coalescer({ singlesPerWindow: 1 });
    const variants: [Partial<NewAuditEvent>, AuditCaller][] = [
      [{}, ip('10.0.0.1')],
      [{}, ip('10.0.0.2')],
      [{ statusCode: 429 }, key('ci')],
      [{ statusCode: 401 }, ip('10.0.0.1')],
      [{ method: 'POST' }, ip('10.0.0.1')],
      [{ path: '/api/other' }, ip('10.0.0.1')],
    ];
    for (let i = 0; i < 5; i++)
      for (const [overrides, caller] of variants) trail.offer(refusal(i, overrides), caller);
    trail.flush();
    expect(emitted).toHaveLength(variants.length * 2);
    expect(emitted.slice(variants.length).every((event) => event.count === 4)).toBe(true);
  });

  it("counts one caller's refusals on too many distinct paths in one (other paths) row", () => {
    const { trail, emitted } = coalescer({ singlesPerWindow: 1, groupsPerCaller: 5 });
    for (let i = 0; i < 1000; i++) trail.offer(refusal(i, { path: `/api/random-${i}` }), ip('10.0.0.1'));
    trail.flush();
    // 5 paths of their own, then the other-paths group: its first refusal a row of its own, the rest counted.
    expect(emitted.map((event) => event.path)).toEqual([
      '/api/random-0',
      '/api/random-1',
      '/api/random-2',
      '/api/random-3',
      '/api/random-4',
      '/api/random-5',
      OTHER_PATHS,
    ]);
    expect(emitted.at(-1)).toMatchObject({ count: 994, createdAt: at(6), lastAt: at(999) });
    expect(total(emitted)).toBe(1000);
  });

  it('holds at most its group limit, writing everything held early beyond it, losing no count', () => {
    const { trail, emitted } = coalescer({ singlesPerWindow: 0, maxGroups: 10 });
    for (let i = 0; i < 500; i++) {
      trail.offer(refusal(i), ip(`10.0.${i % 50}.1`));
      expect(i + 1 - total(emitted)).toBeLessThanOrEqual(10);
    }
    trail.close();
    expect(total(emitted)).toBe(500);
  });
});

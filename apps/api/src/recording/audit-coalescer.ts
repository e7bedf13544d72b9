import { type NewAuditEvent } from '@aetherquant/workflows/server';

export interface AuditCoalescerOptions {
  /** Where events go on (the batched audit writer). */
  emit: (event: NewAuditEvent) => void;
  /** How long a window lasts: at its end, each run of held refusals becomes one row. */
  windowMs?: number;
  /** Identical refusals written as rows of their own per window, before the rest are counted in one. */
  singlesPerWindow?: number;
  /** Different (status, method, path) refusals one caller gets rows for per window; more share a row. */
  groupsPerCaller?: number;
  /** Groups held at most; past it, every held run is written at once (memory stays bounded). */
  maxGroups?: number;
}

/** The path of a row that counts a caller's refusals on more paths than it gets rows for. */
export const OTHER_PATHS = '(other paths)';

interface Group {
  /** Whether this is a caller's `(other paths)` group. */
  otherPaths: boolean;
  singles: number;
  /** The run of refusals held back in this window, counted in one event. */
  held?: NewAuditEvent & { count: number; lastAt: Date };
}

/** Who sent a request, as the coalescer tells callers apart. */
export interface AuditCaller {
  /** `ip:<address>` or `key:<name>`: one caller, one set of groups. */
  tracker: string;
  /** The name of the valid key presented, null for none. */
  keyName: string | null;
}

/**
 * Keeps the audit log useful and bounded under a flood of refused requests. Coalesced are the refusals
 * anyone can send for free: every 4xx of a caller without a valid key (404s, 401s, bad bodies), and the
 * 429s of every caller. Per window, a caller's identical refusals (same status, method, path) are written
 * as rows of their own only for the first few; the rest are held and written as one row with their count
 * and first and last times. A caller's refusals on more distinct paths than it gets groups for share one
 * `(other paths)` group. Everything else keeps its own row and request id: successes, server errors, and
 * a named key's other 4xx (its holder is known and its requests are limited per key).
 */
export class AuditCoalescer {
  readonly #emit: (event: NewAuditEvent) => void;
  readonly #singlesPerWindow: number;
  readonly #groupsPerCaller: number;
  readonly #maxGroups: number;
  readonly #groups = new Map<string, Group>();
  readonly #groupsOfCaller = new Map<string, number>();
  readonly #timer: NodeJS.Timeout;

  constructor(options: AuditCoalescerOptions) {
    this.#emit = options.emit;
    this.#singlesPerWindow = options.singlesPerWindow ?? 3;
    this.#groupsPerCaller = options.groupsPerCaller ?? 20;
    this.#maxGroups = options.maxGroups ?? 5_000;
    this.#timer = setInterval(() => this.flush(), options.windowMs ?? 10_000);
    this.#timer.unref();
  }

  /** Passes `event` on, or holds it in its caller's group. */
  offer(event: NewAuditEvent, { tracker: caller, keyName }: AuditCaller): void {
    if (!coalescible(event.statusCode, keyName)) return this.#emit(event);
    const prefix = `${caller}\n${event.statusCode}\n${event.method}\n`;
    let key = `${prefix}${event.path}`;
    let group = this.#groups.get(key);
    if (group === undefined) {
      const groupsOfCaller = this.#groupsOfCaller.get(caller) ?? 0;
      const otherPaths = groupsOfCaller >= this.#groupsPerCaller;
      if (otherPaths) {
        // A NUL cannot be in a request path, so no real path's key looks like this one.
        key = `${prefix}\0`;
        group = this.#groups.get(key);
      }
      if (group === undefined) {
        group = { otherPaths, singles: 0 };
        this.#groups.set(key, group);
        this.#groupsOfCaller.set(caller, groupsOfCaller + 1);
      }
    }
    if (group.singles < this.#singlesPerWindow) {
      group.singles++;
      this.#emit(event);
    } else {
      this.#hold(group, event);
    }
    if (this.#groups.size > this.#maxGroups) this.flush();
  }

  /** Writes every held run now and starts a new window (at each window's end, and at shutdown). */
  flush(): void {
    const held = [...this.#groups.values()].flatMap((group) => (group.held ? [group.held] : []));
    this.#groups.clear();
    this.#groupsOfCaller.clear();
    for (const event of held) this.#emit(event);
  }

  /** The final flush: stops the window timer and writes what is held. */
  close(): void {
    clearInterval(this.#timer);
    this.flush();
  }

  #hold(group: Group, event: NewAuditEvent): void {
    const at = event.createdAt ?? new Date();
    if (group.held === undefined) {
      group.held = {
        ...event,
        path: group.otherPaths ? OTHER_PATHS : event.path,
        createdAt: at,
        lastAt: at,
        count: event.count ?? 1,
      };
      return;
    }
    group.held.count += event.count ?? 1;
    if (at > group.held.lastAt) group.held.lastAt = at;
    // The slowest of the run: what an operator looking for trouble wants to see.
    group.held.durationMs = Math.max(group.held.durationMs, event.durationMs);
  }
}

const TOO_MANY_REQUESTS = 429;

function coalescible(status: number, keyName: string | null): boolean {
  if (status < 400 || status > 499) return false;
  return keyName === null || status === TOO_MANY_REQUESTS;
}

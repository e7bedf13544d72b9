import { createHash, timingSafeEqual } from 'node:crypto';
import { type Role } from '@aetherquant/core';

/** Request headers as Node presents them. */
export type HeaderBag = Readonly<Record<string, string | string[] | undefined>>;

/**
 * The key a caller presented: `X-API-Key: <key>`, else `Authorization: Bearer <key>`. Whitespace and one
 * pair of surrounding quotes are dropped, as a key pasted on a phone often carries them.
 */
export function presentedKey(headers: HeaderBag): string | undefined {
  const direct = single(headers['x-api-key']);
  if (direct !== undefined) return cleanKey(direct);
  const authorization = single(headers['authorization']);
  const bearer =
    authorization === undefined ? undefined : /^\s*Bearer\s+([\s\S]+)$/i.exec(authorization)?.[1];
  return bearer === undefined ? undefined : cleanKey(bearer);
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function cleanKey(text: string): string | undefined {
  let key = text.trim();
  const quoted = /^(["'`])(.*)\1$/.exec(key);
  if (quoted) key = (quoted[2] as string).trim();
  return key === '' ? undefined : key;
}

/** Who a key belongs to: its name (`trader`, `admin`, or a keys-file name) and the role it grants. */
export interface KeyHolder {
  name: string;
  role: Role;
}

/** A named key known only by its SHA-256 digest (a keys-file line: `name:role:sha256-hex-of-key`). */
export interface NamedKeyDigest extends KeyHolder {
  sha256: Buffer;
}

/** What the key ring is built from: the two key variables (named `trader` and `admin`) and named digests. */
export interface KeyRingKeys {
  trader?: string;
  admin?: string;
  named?: readonly NamedKeyDigest[];
}

/**
 * The configured keys, the name of each and the role it grants. Keys are compared as SHA-256 digests with
 * `timingSafeEqual`: equal-length inputs, so neither the length nor the content of a key leaks through
 * timing, and every configured key is compared on every call (no early exit on a match).
 */
export class KeyRing {
  readonly #entries: NamedKeyDigest[];

  constructor(keys: KeyRingKeys) {
    this.#entries = [];
    if (keys.admin) this.#entries.push({ name: 'admin', role: 'admin', sha256: digest(keys.admin) });
    if (keys.trader) this.#entries.push({ name: 'trader', role: 'trader', sha256: digest(keys.trader) });
    this.#entries.push(...(keys.named ?? []));
  }

  /** With no key configured the API is open: every caller is admin. */
  get open(): boolean {
    return this.#entries.length === 0;
  }

  /** How many keys are configured. */
  get size(): number {
    return this.#entries.length;
  }

  /**
   * Who `key` belongs to, or undefined for a missing or wrong key. An open API makes every caller an
   * anonymous admin: no name, so callers are told apart (and rate-limited) by address.
   */
  holderOf(key: string | undefined): { name: string | null; role: Role } | undefined {
    if (this.open) return { name: null, role: 'admin' };
    if (key === undefined) return undefined;
    return this.#match(key);
  }

  /** The role `key` grants, or undefined for a missing or wrong key (an open API grants admin to all). */
  roleOf(key: string | undefined): Role | undefined {
    return this.holderOf(key)?.role;
  }

  /** Whether `text` is one of the configured keys (to keep keys out of what is stored or logged). */
  isKey(text: string): boolean {
    return !this.open && this.#match(text) !== undefined;
  }

  #match(key: string): KeyHolder | undefined {
    const presented = digest(key);
    let holder: KeyHolder | undefined;
    for (const entry of this.#entries) {
      if (timingSafeEqual(entry.sha256, presented) && holder === undefined) {
        holder = { name: entry.name, role: entry.role };
      }
    }
    return holder;
  }
}

/** The SHA-256 digest of `text` (UTF-8): what the keys file holds, in hex, for each key. */
export function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

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

/**
 * The configured keys and the role each grants. Keys are compared as SHA-256 digests with
 * `timingSafeEqual`: equal-length inputs, so neither the length nor the content of a key leaks through
 * timing, and every configured key is compared on every call.
 */
export class KeyRing {
  readonly #entries: { digest: Buffer; role: Role }[];

  constructor(keys: { trader?: string; admin?: string }) {
    this.#entries = [];
    if (keys.admin) this.#entries.push({ digest: digest(keys.admin), role: 'admin' });
    if (keys.trader) this.#entries.push({ digest: digest(keys.trader), role: 'trader' });
  }

  /** With no key configured the API is open: every caller is admin. */
  get open(): boolean {
    return this.#entries.length === 0;
  }

  /** The role `key` grants, or undefined for a missing or wrong key (an open API grants admin to all). */
  roleOf(key: string | undefined): Role | undefined {
    if (this.open) return 'admin';
    if (key === undefined) return undefined;
    const presented = digest(key);
    let role: Role | undefined;
    for (const entry of this.#entries) {
      if (timingSafeEqual(entry.digest, presented) && role === undefined) role = entry.role;
    }
    return role;
  }

  /** A short, stable, non-reversible name of `key` for rate-limit buckets: never the key itself. */
  static fingerprint(key: string): string {
    return digest(key).subarray(0, 12).toString('base64url');
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

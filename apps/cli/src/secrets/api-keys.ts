import { randomBytes } from 'node:crypto';
import { AetherError } from '@aetherquant/core';
import { type SecretValue } from '../flags/secret-flags';

/** The range `keys generate --bytes` accepts: below 16 bytes a key can be guessed, above 1024 it is noise. */
export const KEY_BYTES = { min: 16, max: 1024, default: 32 } as const;

/** The shortest key `env production` accepts: 32 characters (16 random bytes in hex). */
export const MIN_KEY_LENGTH = 32;

/** Characters a supplied key may use: written unquoted into an env file, so nothing a parser would read. */
const KEY_CHARACTERS = /^[A-Za-z0-9._~+/=-]+$/;

export interface ApiKeys {
  /** The `trader` role's key (`AETHERQ_API_KEY`): handed to clients. */
  trader_key: string;
  /** The `admin` role's key (`AETHERQ_ADMIN_API_KEY`): kept by the operator. */
  admin_key?: string;
}

/** A key of `bytes` cryptographically random bytes, as lowercase hex (2 characters a byte). */
export function randomHexKey(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** `--bytes` as a whole number of bytes from {@link KEY_BYTES}.min to .max, else INVALID_ARGUMENT naming it. */
export function parseKeyBytes(text: string | undefined): number {
  if (text === undefined) return KEY_BYTES.default;
  const bytes = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(bytes) || bytes < KEY_BYTES.min || bytes > KEY_BYTES.max) {
    throw AetherError.invalid([
      {
        field: '--bytes',
        rule: `must be a whole number from ${KEY_BYTES.min} to ${KEY_BYTES.max} (got ${JSON.stringify(text)})`,
      },
    ]);
  }
  return bytes;
}

/** A trader key and, unless `admin` is false, an admin key: random, and never equal to each other. */
export function generateApiKeys(bytes: number, admin = true): ApiKeys {
  const trader_key = randomHexKey(bytes);
  if (!admin) return { trader_key };
  let admin_key = randomHexKey(bytes);
  // Equal keys of 16+ random bytes will not happen; the loop only makes "always differ" a guarantee.
  while (admin_key === trader_key) admin_key = randomHexKey(bytes);
  return { trader_key, admin_key };
}

/**
 * Checks keys an operator supplied (`--trader-key`, `--admin-key`, their `-file` twins or the environment):
 * long enough, safe to write unquoted, and different. Violations name where each key came from and the
 * rule, never the key.
 */
export function checkSuppliedKeys(trader: SecretValue, admin: SecretValue): void {
  const violations = [trader, admin].flatMap(({ value: key, from: field }) => {
    if (key.length < MIN_KEY_LENGTH)
      return [{ field, rule: `must be at least ${MIN_KEY_LENGTH} characters (got ${key.length})` }];
    if (!KEY_CHARACTERS.test(key))
      return [{ field, rule: 'must use only letters, digits and . _ ~ + / = -' }];
    return [];
  });
  if (violations.length === 0 && trader.value === admin.value) {
    violations.push({
      field: admin.from,
      rule: `must differ from ${trader.from} (one key cannot hold two roles)`,
    });
  }
  if (violations.length > 0) throw AetherError.invalid(violations);
}

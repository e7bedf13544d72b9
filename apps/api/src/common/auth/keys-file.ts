import { type FieldViolation, isRole } from '@aetherquant/core';
import { type NamedKeyDigest } from './api-keys';

/** A key's name: what the audit log shows and the rate limit counts by. */
const KEY_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/i;

/** A key already known, to name it in an error: a keys-file line, or a key variable. */
export interface KeySource {
  name: string;
  sha256: Buffer;
  /** `line 3`, `AETHERQ_API_KEY`. */
  where: string;
}

/**
 * The named keys of a keys file (`AETHERQ_API_KEYS_FILE`): one `name:role:sha256-hex-of-key` line each,
 * blank lines and `#` comments ignored. Every bad line is reported (as `<file> line N` and the rule it
 * breaks) rather than skipped: a key silently missing would lock its client out with no clue why. Names
 * and keys must be unique, also against `taken` (the keys of the two key variables).
 */
export function parseKeysFile(
  text: string,
  file: string,
  taken: readonly KeySource[] = [],
): { keys: NamedKeyDigest[]; violations: FieldViolation[] } {
  const keys: NamedKeyDigest[] = [];
  const violations: FieldViolation[] = [];
  const seen: KeySource[] = [...taken];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') continue;
    const where = `line ${index + 1}`;
    const parsed = parseLine(line, seen);
    if (typeof parsed === 'string') {
      violations.push({ field: `${file} ${where}`, rule: parsed });
      continue;
    }
    seen.push({ ...parsed, where });
    keys.push(parsed);
  }
  if (keys.length === 0 && violations.length === 0) {
    violations.push({ field: file, rule: 'has no key line (name:role:sha256-hex-of-key)' });
  }
  return { keys, violations };
}

/** One line's key, or the rule it breaks. */
function parseLine(line: string, seen: readonly KeySource[]): NamedKeyDigest | string {
  const fields = line.split(':').map((field) => field.trim());
  if (fields.length !== 3) return 'must be name:role:sha256-hex-of-key (three fields)';
  const [name, role, hex] = fields as [string, string, string];
  if (!KEY_NAME.test(name)) {
    return `has the name "${name.slice(0, 80)}": a name is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit`;
  }
  if (!isRole(role)) return `has the role "${role.slice(0, 40)}": must be trader or admin`;
  if (!SHA256_HEX.test(hex)) {
    return 'must end with the SHA-256 of the key as 64 hexadecimal digits (`printf %s "$KEY" | sha256sum`), never the key itself';
  }
  const sha256 = Buffer.from(hex, 'hex');
  const sameName = seen.find((other) => other.name === name);
  if (sameName) return `has the name "${name}", already used by ${sameName.where}`;
  const sameKey = seen.find((other) => other.sha256.equals(sha256));
  if (sameKey) return `has the same key as ${sameKey.where}: each client needs its own key`;
  return { name, role, sha256 };
}

import { readFileSync } from 'node:fs';
import { AetherError, type FieldViolation, type Settings } from '@aetherquant/core';
import { isLoopback } from '../../server/open-mode';
import { digest, KeyRing } from './api-keys';
import { type KeySource, parseKeysFile } from './keys-file';

/** Below this many characters a key can be guessed; refused anywhere but on loopback. */
export const MIN_KEY_LENGTH = 16;

/**
 * The key ring of the settings: `AETHERQ_API_KEY` (named `trader`), `AETHERQ_ADMIN_API_KEY` (named
 * `admin`) and the named keys of `AETHERQ_API_KEYS_FILE`. Refuses to start (INVALID_ARGUMENT, exit 2),
 * listing every problem: a key variable shorter than 16 characters on a non-loopback host, an unreadable
 * keys file, a bad line of it.
 */
export function loadKeyRing(
  settings: Settings,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): KeyRing {
  const violations: FieldViolation[] = [];
  const variables = [
    ['AETHERQ_ADMIN_API_KEY', 'admin', settings.adminApiKey],
    ['AETHERQ_API_KEY', 'trader', settings.apiKey],
  ] as const;
  const taken: KeySource[] = [];
  for (const [variable, name, key] of variables) {
    if (key === undefined) continue;
    taken.push({ name, sha256: digest(key), where: variable });
    if (key.length < MIN_KEY_LENGTH && !isLoopback(settings.api.host)) {
      violations.push({
        field: variable,
        rule: `is ${key.length} characters long: on a non-loopback host (AETHERQ_HOST=${settings.api.host}) a key needs at least ${MIN_KEY_LENGTH} (make one with \`aetherquant keys generate\`)`,
      });
    }
  }
  let named: ReturnType<typeof parseKeysFile>['keys'] = [];
  const file = settings.api.keysFile;
  if (file !== undefined) {
    let text: string | undefined;
    try {
      text = readFile(file);
    } catch (error) {
      const reason =
        (error as { code?: string }).code ?? (error instanceof Error ? error.message : String(error));
      violations.push({ field: 'AETHERQ_API_KEYS_FILE', rule: `(${file}) cannot be read: ${reason}` });
    }
    if (text !== undefined) {
      const parsed = parseKeysFile(text, file, taken);
      named = parsed.keys;
      violations.push(...parsed.violations);
    }
  }
  if (violations.length > 0) throw AetherError.invalid(violations, 'refusing to start');
  return new KeyRing({ trader: settings.apiKey, admin: settings.adminApiKey, named });
}

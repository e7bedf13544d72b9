import { type KeyRing } from './api-keys';

/** What a secret is replaced by, as the logger does. */
export const REDACTED = '[REDACTED]';

/**
 * Runs of characters a key may be made of, as written in a URL (percent escapes included). Keys from
 * `aetherquant keys generate` (hex) and most generators (base64url, UUIDs) are such runs; shorter runs are
 * not checked: no usable key is that short, and hashing every tiny run would cost more than it protects.
 */
const SHORTEST_CHECKED_KEY = 8;
const KEY_LIKE_RUN = new RegExp(`[A-Za-z0-9._~%+-]{${SHORTEST_CHECKED_KEY},}`, 'g');
/** The parts of a run between punctuation. */
const KEY_LIKE_PART = new RegExp(`[A-Za-z0-9%]{${SHORTEST_CHECKED_KEY},}`, 'g');

/**
 * Keeps configured secrets out of what the API stores and logs about a request (its path, its request id).
 * Secrets known as text (the two key variables, the broker's credentials, the database password) are
 * replaced wherever they appear, also percent-encoded. Keys known only by their digest (the keys file) are
 * found by hashing each path segment, each key-like run of characters and each part of a run between
 * punctuation, percent-decoded, against the key ring. Such a key glued to other letters or digits
 * (`x<key>y`) cannot be found without its text: trying every substring would cost every request far more.
 */
export class SecretRedactor {
  readonly #secrets: string[];

  constructor(
    private readonly keys: KeyRing,
    secrets: readonly (string | undefined)[],
  ) {
    // Longest first, so a secret containing another is replaced whole; too-short values are not secrets.
    this.#secrets = [
      ...new Set(
        secrets
          .filter((secret): secret is string => typeof secret === 'string' && secret.length >= 4)
          .flatMap((secret) => [secret, encodeURIComponent(secret)]),
      ),
    ].sort((a, b) => b.length - a.length);
  }

  /** `text` with every configured secret in it replaced by `[REDACTED]`. */
  redact(text: string): string {
    let redacted = text;
    for (const secret of this.#secrets) {
      if (redacted.includes(secret)) redacted = redacted.split(secret).join(REDACTED);
    }
    if (this.keys.open) return redacted;
    return redacted
      .split('/')
      .map((segment) =>
        this.#isKey(segment) ? REDACTED : segment.replace(KEY_LIKE_RUN, (run) => this.#redactRun(run)),
      )
      .join('/');
  }

  /** Whether `text` contains a configured secret. */
  contains(text: string): boolean {
    return this.redact(text) !== text;
  }

  /** A key-like run, or the key inside it when glued to a word by punctuation (`id-<key>`, `<key>.json`). */
  #redactRun(run: string): string {
    if (this.#isKey(run)) return REDACTED;
    return run.replace(KEY_LIKE_PART, (part) => (this.#isKey(part) ? REDACTED : part));
  }

  #isKey(text: string): boolean {
    if (text.length < SHORTEST_CHECKED_KEY) return false;
    if (this.keys.isKey(text)) return true;
    const decoded = percentDecoded(text);
    return decoded !== text && this.keys.isKey(decoded);
  }
}

function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

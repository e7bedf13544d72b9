import { type KeyRing } from './api-keys';

/** What a secret is replaced by, as the logger does. */
export const REDACTED = '[REDACTED]';

/**
 * Runs of characters a key may be made of, in percent-decoded text: keys from `aetherquant keys generate`
 * (hex) and most generators (base64url, UUIDs, `name-key.v2`) are such runs. Shorter runs are not checked: no
 * usable key is that short.
 */
const SHORTEST_CHECKED_KEY = 8;
const KEY_LIKE_RUN = new RegExp(`[A-Za-z0-9._~+=-]{${SHORTEST_CHECKED_KEY},}`, 'g');
/** Punctuation inside a run, kept as separators when the run is cut into words. */
const PUNCTUATION = /([._~+=-])/;
/** Longest span of words tried inside one run: bounds the work on a hostile path of many short words. */
const MOST_WORDS_PER_SPAN = 16;

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
    // Keys known only by their digest are looked for in the decoded text (`Bearer%20<key>`, `a%2F<key>`);
    // when one is found, the text is kept decoded, with the key replaced.
    const decoded = percentDecoded(redacted);
    let found = false;
    const withoutKeys = decoded.replace(KEY_LIKE_RUN, (run) => {
      const cleaned = this.#redactRun(run);
      if (cleaned !== run) found = true;
      return cleaned;
    });
    return found ? withoutKeys : redacted;
  }

  /** Whether `text` contains a configured secret. */
  contains(text: string): boolean {
    return this.redact(text) !== text;
  }

  /**
   * A key-like run with any key inside it replaced: the whole run, or any span of its words between
   * punctuation (`x-<key>`, `<key>.json`, a UUID key inside `id-<uuid>-v2`).
   */
  #redactRun(run: string): string {
    if (this.keys.isKey(run)) return REDACTED;
    const pieces = run.split(PUNCTUATION); // words at even indices, separators between them
    const words = Math.ceil(pieces.length / 2);
    const keys: string[] = [];
    for (let first = 0; first < words; first++) {
      const last = Math.min(words, first + MOST_WORDS_PER_SPAN);
      for (let end = first + 1; end <= last; end++) {
        const span = pieces.slice(2 * first, 2 * end - 1).join('');
        if (span.length >= SHORTEST_CHECKED_KEY && span !== run && this.keys.isKey(span)) keys.push(span);
      }
    }
    let cleaned = run;
    for (const key of keys.sort((a, b) => b.length - a.length)) cleaned = cleaned.split(key).join(REDACTED);
    return cleaned;
  }
}

function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

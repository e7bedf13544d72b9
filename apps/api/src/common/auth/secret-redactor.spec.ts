import { digest, KeyRing } from './api-keys';
import { REDACTED, SecretRedactor } from './secret-redactor';

const TRADER = 'trader-key-0123456789abcdef';
const NAMED = '4f9c2a7d1e6b8c3a5f0e9d2c7b1a6e4f';
const BROKER_TOKEN = 'broker token/with spaces';

const UUID_KEY = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

const keys = new KeyRing({
  trader: TRADER,
  named: [
    { name: 'phone', role: 'trader', sha256: digest(NAMED) },
    { name: 'ci-bot', role: 'trader', sha256: digest(UUID_KEY) },
  ],
});
const redactor = new SecretRedactor(keys, [TRADER, BROKER_TOKEN, undefined, 'ab']);

describe('SecretRedactor', () => {
  it.each([
    [`/api/${TRADER}`, `/api/${REDACTED}`],
    [`/api/x${TRADER}y/z`, `/api/x${REDACTED}y/z`],
    [`/api/${NAMED}`, `/api/${REDACTED}`],
    [`/api/runs/${NAMED}/orders`, `/api/runs/${REDACTED}/orders`],
    [`/api/key=${NAMED};v=1`, `/api/key=${REDACTED};v=1`],
    [`/api/id-${NAMED}.json`, `/api/id-${REDACTED}.json`],
    [`/api/x?api_key=${NAMED}&a=1`, `/api/x?api_key=${REDACTED}&a=1`],
    [`/api/${encodeURIComponent(BROKER_TOKEN)}`, `/api/${REDACTED}`],
    [`/api/${NAMED.slice(0, 12)}%${NAMED.slice(12)}`, `/api/${NAMED.slice(0, 12)}%${NAMED.slice(12)}`],
    // Glued by a percent-escape (a pasted header), or a key with punctuation of its own glued by more.
    [`/api/Bearer%20${NAMED}`, `/api/Bearer ${REDACTED}`],
    [`/api/a%2F${NAMED}`, `/api/a/${REDACTED}`],
    [`/api/${NAMED}%0A`, `/api/${REDACTED}\n`],
    [`/api/x-${UUID_KEY}`, `/api/x-${REDACTED}`],
    [`/api/${UUID_KEY}.json`, `/api/${REDACTED}.json`],
    [`x-${UUID_KEY}`, `x-${REDACTED}`],
  ])('takes the secrets out of %s', (text, expected) => {
    expect(redactor.redact(text)).toBe(expected);
    expect(redactor.contains(text)).toBe(text !== expected);
  });

  it('finds a named key percent-encoded, known only by its digest', () => {
    const encoded = NAMED.replace(/[a-f]/g, (letter) => `%${letter.charCodeAt(0).toString(16)}`);
    expect(redactor.redact(`/api/${encoded}/x`)).toBe(`/api/${REDACTED}/x`);
  });

  it('leaves text without a secret alone, and does not mistake short values for secrets', () => {
    for (const text of ['/api/backtest', '/api/runs/0190b7c2-0000-7000-8000-000000000000', '/api/ab/abc']) {
      expect(redactor.redact(text)).toBe(text);
    }
  });

  it('redacts only text secrets on an open API', () => {
    const open = new SecretRedactor(new KeyRing({}), [BROKER_TOKEN]);
    expect(open.redact(`/api/${NAMED}/${BROKER_TOKEN}`)).toBe(`/api/${NAMED}/${REDACTED}`);
  });
});

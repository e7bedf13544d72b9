import { KeyRing, presentedKey } from './api-keys';

describe('presentedKey', () => {
  it('reads X-API-Key, else a Bearer token', () => {
    expect(presentedKey({ 'x-api-key': 'k1' })).toBe('k1');
    expect(presentedKey({ authorization: 'Bearer k2' })).toBe('k2');
    expect(presentedKey({ authorization: 'bearer   k3  ' })).toBe('k3');
  });

  it('prefers X-API-Key when both are sent', () => {
    expect(presentedKey({ 'x-api-key': 'direct', authorization: 'Bearer other' })).toBe('direct');
  });

  it.each([
    ['  spaced  ', 'spaced'],
    ['"double"', 'double'],
    ["'single'", 'single'],
    ['` backtick `', 'backtick'],
    ['\t"pasted"\n', 'pasted'],
  ])('trims whitespace and one pair of surrounding quotes: %p', (raw, key) => {
    expect(presentedKey({ 'x-api-key': raw })).toBe(key);
    expect(presentedKey({ authorization: `Bearer ${raw}` })).toBe(key);
  });

  it('keeps quotes that do not surround the key', () => {
    expect(presentedKey({ 'x-api-key': '"half' })).toBe('"half');
    expect(presentedKey({ 'x-api-key': `"a'` })).toBe(`"a'`);
  });

  it('finds no key in blank headers or another authorization scheme', () => {
    expect(presentedKey({})).toBeUndefined();
    expect(presentedKey({ 'x-api-key': '   ' })).toBeUndefined();
    expect(presentedKey({ 'x-api-key': '""' })).toBeUndefined();
    expect(presentedKey({ authorization: 'Basic dXNlcjpwYXNz' })).toBeUndefined();
  });

  it('takes the first of repeated headers', () => {
    expect(presentedKey({ 'x-api-key': ['first', 'second'] })).toBe('first');
  });
});

describe('KeyRing', () => {
  const keys = new KeyRing({ trader: 'trader-key', admin: 'admin-key' });

  it('maps each key to its role and anything else to none', () => {
    expect(keys.open).toBe(false);
    expect(keys.roleOf('trader-key')).toBe('trader');
    expect(keys.roleOf('admin-key')).toBe('admin');
    expect(keys.roleOf('trader-key ')).toBeUndefined();
    expect(keys.roleOf('trader-ke')).toBeUndefined();
    expect(keys.roleOf('')).toBeUndefined();
    expect(keys.roleOf(undefined)).toBeUndefined();
  });

  it('works with only one of the keys configured', () => {
    const adminOnly = new KeyRing({ admin: 'admin-key' });
    expect(adminOnly.roleOf('admin-key')).toBe('admin');
    expect(adminOnly.roleOf('trader-key')).toBeUndefined();
  });

  it('is open with no key configured: every caller is admin', () => {
    const open = new KeyRing({});
    expect(open.open).toBe(true);
    expect(open.roleOf(undefined)).toBe('admin');
    expect(open.roleOf('anything')).toBe('admin');
  });

  it('fingerprints a key stably without containing it', () => {
    const fingerprint = KeyRing.fingerprint('trader-key');
    expect(fingerprint).toBe(KeyRing.fingerprint('trader-key'));
    expect(fingerprint).not.toBe(KeyRing.fingerprint('admin-key'));
    expect(fingerprint).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(fingerprint).not.toContain('trader');
  });
});

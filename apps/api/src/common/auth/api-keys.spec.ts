import { digest, KeyRing, presentedKey } from './api-keys';

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

  it('names the two key variables trader and admin', () => {
    expect(keys.holderOf('trader-key')).toEqual({ name: 'trader', role: 'trader' });
    expect(keys.holderOf('admin-key')).toEqual({ name: 'admin', role: 'admin' });
    expect(keys.holderOf('nobody')).toBeUndefined();
  });

  it('knows named keys by their SHA-256 only, beside the two variables', () => {
    const named = new KeyRing({
      trader: 'trader-key',
      named: [
        { name: 'ci-runner', role: 'trader', sha256: digest('ci-runner-secret-0001') },
        { name: 'ops', role: 'admin', sha256: digest('ops-secret-00000000002') },
      ],
    });
    expect(named.size).toBe(3);
    expect(named.holderOf('ci-runner-secret-0001')).toEqual({ name: 'ci-runner', role: 'trader' });
    expect(named.holderOf('ops-secret-00000000002')).toEqual({ name: 'ops', role: 'admin' });
    expect(named.holderOf('trader-key')).toEqual({ name: 'trader', role: 'trader' });
    expect(named.holderOf(digest('ops-secret-00000000002').toString('hex'))).toBeUndefined();
    expect(named.isKey('ops-secret-00000000002')).toBe(true);
    expect(named.isKey('ops-secret-0000000000')).toBe(false);
  });

  it('gives an open API anonymous admins, told apart by address, and holds no key', () => {
    const open = new KeyRing({});
    expect(open.holderOf('anything')).toEqual({ name: null, role: 'admin' });
    expect(open.isKey('anything')).toBe(false);
  });
});

import { createHash } from 'node:crypto';
import { parseSettings } from '@aetherquant/core';
import { rejection } from '@aetherquant/testing';
import { loadKeyRing } from './load-key-ring';

const sha256 = (key: string) => createHash('sha256').update(key).digest('hex');

function settings(env: Record<string, string>) {
  return parseSettings({ AETHERQ_DATABASE_URL: 'none', ...env }).settings;
}

/** The INVALID_ARGUMENT that loading the key ring throws. */
const refusal = (load: () => unknown) => rejection(Promise.resolve().then(load), 'INVALID_ARGUMENT');

describe('loadKeyRing', () => {
  it('reads named keys from the keys file, beside the two variables, comments and blank lines ignored', () => {
    const file = [
      '# clients of the API',
      '',
      `ci-runner:trader:${sha256('ci-runner-key-0123456789')}`,
      `  phone.anna : trader : ${sha256('anna-phone-key-0123456789').toUpperCase()}  # her phone`,
      `ops_1:admin:${sha256('ops-key-0123456789abcdef')}`,
    ].join('\n');
    const keys = loadKeyRing(
      settings({
        AETHERQ_API_KEY: 'trader-key-0123456789',
        AETHERQ_ADMIN_API_KEY: 'admin-key-0123456789',
        AETHERQ_API_KEYS_FILE: '/etc/aetherquant/keys',
      }),
      (path) => (path === '/etc/aetherquant/keys' ? file : ''),
    );
    expect(keys.size).toBe(5);
    expect(keys.holderOf('ci-runner-key-0123456789')).toEqual({ name: 'ci-runner', role: 'trader' });
    expect(keys.holderOf('anna-phone-key-0123456789')).toEqual({ name: 'phone.anna', role: 'trader' });
    expect(keys.holderOf('ops-key-0123456789abcdef')).toEqual({ name: 'ops_1', role: 'admin' });
    expect(keys.holderOf('trader-key-0123456789')).toEqual({ name: 'trader', role: 'trader' });
    expect(keys.holderOf('admin-key-0123456789')).toEqual({ name: 'admin', role: 'admin' });
  });

  it('refuses every bad line of the keys file, naming its number and the rule', async () => {
    const file = [
      `good:trader:${sha256('good-key-0123456789abc')}`,
      'just-a-key-pasted-here',
      `bad name:trader:${sha256('x-key-0123456789abcdef')}`,
      `viewer:reader:${sha256('y-key-0123456789abcdef')}`,
      'plain:trader:my-actual-key-0123456789',
      `good:admin:${sha256('z-key-0123456789abcdef')}`,
      `again:trader:${sha256('good-key-0123456789abc')}`,
      `trader:trader:${sha256('w-key-0123456789abcdef')}`,
    ].join('\n');
    const error = await refusal(() =>
      loadKeyRing(
        settings({ AETHERQ_API_KEY: 'trader-key-0123456789', AETHERQ_API_KEYS_FILE: 'keys.txt' }),
        () => file,
      ),
    );
    expect(error.details?.violations?.map((violation) => violation.field)).toEqual([
      'keys.txt line 2',
      'keys.txt line 3',
      'keys.txt line 4',
      'keys.txt line 5',
      'keys.txt line 6',
      'keys.txt line 7',
      'keys.txt line 8',
    ]);
    expect(error.message).toContain('keys.txt line 2 must be name:role:sha256-hex-of-key');
    expect(error.message).toContain('keys.txt line 4 has the role "reader": must be trader or admin');
    expect(error.message).toContain('keys.txt line 5 must end with the SHA-256 of the key');
    expect(error.message).toContain('keys.txt line 6 has the name "good", already used by line 1');
    expect(error.message).toContain('keys.txt line 7 has the same key as line 1');
    expect(error.message).toContain('keys.txt line 8 has the name "trader", already used by AETHERQ_API_KEY');
    // The refused line's text is never repeated whole: line 5 holds a real key.
    expect(error.message).not.toContain('my-actual-key');
  });

  it('refuses a keys file with no key, or one it cannot read', async () => {
    const empty = await refusal(() =>
      loadKeyRing(settings({ AETHERQ_API_KEYS_FILE: 'keys.txt' }), () => '# nothing yet\n'),
    );
    expect(empty.message).toContain('keys.txt has no key line');
    const missing = await refusal(() =>
      loadKeyRing(settings({ AETHERQ_API_KEYS_FILE: '/nowhere/keys.txt' }), (path) => {
        throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      }),
    );
    expect(missing.message).toContain('AETHERQ_API_KEYS_FILE (/nowhere/keys.txt) cannot be read: ENOENT');
  });

  it('refuses keys shorter than 16 characters on a non-loopback host, and allows them on loopback', async () => {
    const short = { AETHERQ_API_KEY: 'short-key', AETHERQ_ADMIN_API_KEY: 'admin-key-0123456' };
    const error = await refusal(() => loadKeyRing(settings({ ...short, AETHERQ_HOST: '0.0.0.0' })));
    expect(error.details?.violations).toEqual([
      {
        field: 'AETHERQ_API_KEY',
        rule: expect.stringMatching(
          /^is 9 characters long: on a non-loopback host \(AETHERQ_HOST=0\.0\.0\.0\)/,
        ),
      },
    ]);
    expect(error.message).not.toContain('short-key');
    expect(loadKeyRing(settings({ ...short, AETHERQ_HOST: '127.0.0.1' })).holderOf('short-key')).toEqual({
      name: 'trader',
      role: 'trader',
    });
  });
});

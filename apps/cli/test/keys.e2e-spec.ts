import { runCli } from './run-cli';

const HEX_64 = /^[0-9a-f]{64}$/;

/** `NAME=value` lines of a run's stdout, as a shell or env file would read them. */
function assignments(stdout: string): Record<string, string> {
  return Object.fromEntries(
    stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split('=') as [string, string]),
  );
}

describe('aetherquant keys generate (built binary)', () => {
  it('prints two different 32-byte hex keys, and the same keys as ready-to-paste settings', () => {
    const run = runCli(['keys', 'generate']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const lines = assignments(run.stdout);
    expect(Object.keys(lines)).toEqual([
      'TRADER_KEY',
      'ADMIN_KEY',
      'AETHERQ_API_KEY',
      'AETHERQ_ADMIN_API_KEY',
    ]);
    expect(lines['TRADER_KEY']).toMatch(HEX_64);
    expect(lines['ADMIN_KEY']).toMatch(HEX_64);
    expect(lines['ADMIN_KEY']).not.toBe(lines['TRADER_KEY']);
    expect(lines['AETHERQ_API_KEY']).toBe(lines['TRADER_KEY']);
    expect(lines['AETHERQ_ADMIN_API_KEY']).toBe(lines['ADMIN_KEY']);
  });

  it('gives new keys on every run', () => {
    const first = assignments(runCli(['keys', 'generate']).stdout);
    const second = assignments(runCli(['keys', 'generate']).stdout);
    expect(second['TRADER_KEY']).not.toBe(first['TRADER_KEY']);
    expect(second['ADMIN_KEY']).not.toBe(first['ADMIN_KEY']);
  });

  it('prints only the trader key with --no-admin', () => {
    const run = runCli(['keys', 'generate', '--no-admin']);
    expect(run.status).toBe(0);
    const lines = assignments(run.stdout);
    expect(Object.keys(lines)).toEqual(['TRADER_KEY', 'AETHERQ_API_KEY']);
    expect(lines['AETHERQ_API_KEY']).toBe(lines['TRADER_KEY']);
  });

  it.each([
    [16, 32],
    [1024, 2048],
  ])('makes keys of --bytes %i as %i hex characters, with --json', (bytes, length) => {
    const run = runCli(['keys', 'generate', '--bytes', String(bytes), '--json']);
    expect(run.status).toBe(0);
    const keys = JSON.parse(run.stdout) as { trader_key: string; admin_key: string };
    expect(Object.keys(keys)).toEqual(['trader_key', 'admin_key']);
    expect(keys.trader_key).toMatch(new RegExp(`^[0-9a-f]{${length}}$`));
    expect(keys.admin_key).toMatch(new RegExp(`^[0-9a-f]{${length}}$`));
    expect(keys.admin_key).not.toBe(keys.trader_key);
  });

  it('prints {trader_key} alone with --json --no-admin', () => {
    const run = runCli(['keys', 'generate', '--json', '--no-admin']);
    expect(run.status).toBe(0);
    const keys = JSON.parse(run.stdout) as Record<string, string>;
    expect(Object.keys(keys)).toEqual(['trader_key']);
    expect(keys['trader_key']).toMatch(HEX_64);
  });

  it.each(['15', '1025', 'x', '32.5', '0x20'])(
    'refuses --bytes %s with exit 2 and one line naming the flag and the rule',
    (bytes) => {
      const run = runCli(['keys', 'generate', '--bytes', bytes]);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        `error: --bytes must be a whole number from 16 to 1024 (got ${JSON.stringify(bytes)})\n`,
      );
    },
  );

  it('reports a bad --bytes as a JSON error with --json', () => {
    const run = runCli(['keys', 'generate', '--bytes', '1025', '--json']);
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({
      error: { code: 'INVALID_ARGUMENT', details: { violations: [{ field: '--bytes' }] } },
    });
  });
});

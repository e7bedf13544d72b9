import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseEnvFile } from '@aetherquant/workflows';
import { commandLineWarning, runCli, runCliAsync, scratchDir } from './run-cli';
import { closedPort } from '@aetherquant/testing';

// Recognisable, so a test can prove none reaches stdout or stderr.
const TRADER_KEY = 'trader-secret-flags-0123456789abcdef01';
const ADMIN_KEY = 'admin-secret-flags-0123456789abcdef0123';
const DATABASE_URL = 'postgresql://aq:pg-flag-secret@db.internal:5432/aq';

/** A file in `dir` holding `text` (mode 0600, as a secret's should be); its path. */
function secretFile(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text, { mode: 0o600 });
  return path;
}

/** The variables of an env file `env production` wrote. */
const written = (cwd: string) =>
  parseEnvFile(readFileSync(join(cwd, '.env.production'), 'utf8'), '.env.production');

describe('aetherquant settings masks the credentials of every URL (built binary)', () => {
  it('in the userinfo, the query and a token-only userinfo', () => {
    const run = runCli(['settings', '--json'], {
      env: {
        AETHERQ_DATABASE_URL: 'postgresql://aq:userinfo-pw@db:5432/aq?sslmode=require&Password=query-pw',
        AETHERQ_API_URL: 'https://ops:api-url-pw@api.example.com/',
        AETHERQ_LIVE_BROKER_ENDPOINT: 'https://broker-url-token@broker.example.com/?api_key=broker-key',
      },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const settings = JSON.parse(run.stdout);
    expect(settings.databaseUrl).toBe('postgresql://aq:***@db:5432/aq?sslmode=require&Password=***');
    expect(settings.apiUrl).toBe('https://ops:***@api.example.com/');
    expect(settings.liveBroker.endpoint).toBe('https://***@broker.example.com/?api_key=***');
    for (const secret of ['userinfo-pw', 'query-pw', 'api-url-pw', 'broker-url-token', 'broker-key']) {
      expect(run.stdout).not.toContain(secret);
    }
  });
});

describe('aetherquant env production reads keys without putting them on the command line', () => {
  it('from files and standard input, with no warning', () => {
    const cwd = scratchDir();
    const run = runCli(
      [
        'env',
        'production',
        '--trader-key-file',
        secretFile(cwd, 'trader.key', `${TRADER_KEY}\n`),
        '--admin-key-file',
        secretFile(cwd, 'admin.key', ADMIN_KEY),
        '--database-url-file',
        '-',
      ],
      { cwd, input: `${DATABASE_URL}\n` },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(written(cwd)).toMatchObject({
      AETHERQ_API_KEY: TRADER_KEY,
      AETHERQ_ADMIN_API_KEY: ADMIN_KEY,
      AETHERQ_DATABASE_URL: DATABASE_URL,
    });
    for (const secret of [TRADER_KEY, ADMIN_KEY, 'pg-flag-secret']) expect(run.stdout).not.toContain(secret);
  });

  it('from AETHERQ_API_KEY and AETHERQ_ADMIN_API_KEY, naming them when they are refused', () => {
    const cwd = scratchDir();
    const run = runCli(['env', 'production'], {
      cwd,
      env: { AETHERQ_API_KEY: TRADER_KEY, AETHERQ_ADMIN_API_KEY: ADMIN_KEY },
    });
    expect(run.stderr).toContain('note: AETHERQ_DATABASE_URL holds the template');
    expect(run.status).toBe(0);
    expect(written(cwd)).toMatchObject({ AETHERQ_API_KEY: TRADER_KEY, AETHERQ_ADMIN_API_KEY: ADMIN_KEY });

    const short = runCli(['env', 'production'], {
      cwd: scratchDir(),
      env: { AETHERQ_API_KEY: 'short', AETHERQ_ADMIN_API_KEY: ADMIN_KEY },
    });
    expect(short.stderr).toBe('error: AETHERQ_API_KEY must be at least 32 characters (got 5)\n');
    expect(short.status).toBe(2);
  });

  it('ignores the environment with --generate-keys', () => {
    const cwd = scratchDir();
    const run = runCli(['env', 'production', '--generate-keys'], {
      cwd,
      env: { AETHERQ_API_KEY: TRADER_KEY, AETHERQ_ADMIN_API_KEY: ADMIN_KEY },
    });
    expect(run.status).toBe(0);
    expect(written(cwd)['AETHERQ_API_KEY']).not.toBe(TRADER_KEY);
  });

  it('warns about each secret flag by name, never echoing it; a URL without a password is no secret', () => {
    const cwd = scratchDir();
    const run = runCli(
      [
        'env',
        'production',
        '--trader-key',
        TRADER_KEY,
        '--admin-key-file',
        secretFile(cwd, 'admin.key', ADMIN_KEY),
        '--database-url',
        'postgresql://aq@db.internal:5432/aq',
      ],
      { cwd },
    );
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(commandLineWarning('trader-key', 'AETHERQ_API_KEY or --trader-key-file'));
  });

  it.each([
    [
      'a missing file',
      (dir: string) => join(dir, 'nope.key'),
      (path: string) => `cannot read ${path}: no such file (ENOENT)`,
    ],
    ['a folder', (dir: string) => dir, (path: string) => `cannot read ${path}: it is a folder (EISDIR)`],
    [
      'an empty file',
      (dir: string) => secretFile(dir, 'empty.key', '\n'),
      (path: string) => `found nothing in ${path}`,
    ],
  ])('refuses %s, exit 2, naming the flag and writing nothing', (_, makePath, rule) => {
    const cwd = scratchDir();
    const path = makePath(cwd);
    const run = runCli(
      [
        'env',
        'production',
        '--trader-key-file',
        path,
        '--admin-key-file',
        secretFile(cwd, 'a.key', ADMIN_KEY),
      ],
      { cwd },
    );
    expect(run.stderr).toBe(`error: --trader-key-file ${rule(path)}\n`);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
  });

  it('refuses two flags reading standard input, exit 2', () => {
    const run = runCli(['env', 'production', '--trader-key-file', '-', '--admin-key-file', '-'], {
      input: `${TRADER_KEY}\n`,
    });
    expect(run.stderr).toBe(
      'error: --admin-key-file cannot read standard input: --trader-key-file reads it already\n',
    );
    expect(run.status).toBe(2);
  });
});

describe('a database URL with a password on the command line', () => {
  it('is warned about (never echoed); --database-url-file is not', async () => {
    const port = await closedPort();
    const url = `postgresql://aq:db-flag-secret@127.0.0.1:${port}/aq`;
    const flag = runCli(['db', 'init', '--database-url', url]);
    expect(flag.status).toBe(3);
    expect(
      flag.stderr.startsWith(
        commandLineWarning('database-url', 'AETHERQ_DATABASE_URL or --database-url-file'),
      ),
    ).toBe(true);
    expect(flag.stderr).not.toContain('db-flag-secret');

    const file = runCli(['db', 'init', '--database-url-file', secretFile(scratchDir(), 'db.url', url)]);
    expect(file.status).toBe(3);
    expect(file.stderr).toMatch(/^error: /);
    expect(file.stderr).toContain(`127.0.0.1:${port}/aq`);
    expect(file.stderr).not.toContain('db-flag-secret');
  });
});

describe('papertrade --broker-token-file', () => {
  it('sends the token read from standard input to the live broker, with no warning', async () => {
    // A stand-in broker that records the credentials it is sent and refuses them.
    const seen: IncomingHttpHeaders[] = [];
    const broker = createServer((request, response) => {
      seen.push(request.headers);
      response.writeHead(401, { 'Content-Type': 'application/json' }).end('{"message":"no"}');
    });
    await new Promise<void>((resolve) => broker.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(broker.address() as AddressInfo).port}`;
    try {
      const run = await runCliAsync(
        [
          'papertrade',
          '--symbol',
          'SPY',
          '--provider',
          'synthetic',
          '--broker',
          'live',
          '--broker-endpoint',
          endpoint,
          '--broker-token-file',
          '-',
        ],
        { input: 'broker-stdin-token\n', env: { AETHERQ_CACHE_DIR: 'none', AETHERQ_DATABASE_URL: 'none' } },
      );
      expect(run.stderr).not.toContain('broker-stdin-token');
      expect(run.stderr).not.toMatch(/^warning: --broker-token/m);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen[0]?.authorization).toBe('Bearer broker-stdin-token');
    } finally {
      await new Promise((resolve) => broker.close(resolve));
    }
  });
});

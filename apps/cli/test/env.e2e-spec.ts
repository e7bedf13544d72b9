import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSettings } from '@aetherquant/core';
import { parseEnvFile } from '@aetherquant/workflows';
import { PRODUCTION_ENV_TEMPLATE } from '../src/env-file/production-env-template';
import {
  commandLineWarning,
  runCli,
  scratchDir,
  withoutCommandLineWarnings,
  WORKSPACE_ROOT,
} from './run-cli';

const TRADER_KEY = 'trader-0123456789abcdef0123456789abcdef';
const ADMIN_KEY = 'admin-0123456789abcdef0123456789abcdef01';
const ROOT_TEMPLATE = readFileSync(join(WORKSPACE_ROOT, '.env.production.example'), 'utf8');

/** The permission bits of a file: 0o600 means owner read and write only. */
const modeOf = (path: string) => statSync(path).mode & 0o777;

/** A written env file as the server reads it: its variables and the validated settings. */
function readEnv(path: string) {
  const values = parseEnvFile(readFileSync(path, 'utf8'), path);
  const { settings, warnings } = parseSettings(values);
  return { values, settings, warnings };
}

describe('aetherquant env production (built binary)', () => {
  it('ships the template of .env.production.example, word for word', () => {
    expect(PRODUCTION_ENV_TEMPLATE).toBe(ROOT_TEMPLATE);
  });

  it('writes a 0600 file of valid production settings with generated keys, shown once', () => {
    const cwd = scratchDir();
    const run = runCli(['env', 'production', '--generate-keys'], { cwd });
    expect(run.status).toBe(0);
    const file = join(cwd, '.env.production');
    expect(modeOf(file)).toBe(0o600);

    const [summary, traderLine, adminLine, ...rest] = run.stdout.trimEnd().split('\n');
    expect(summary).toBe(`wrote ${file} (mode 0600) from the built-in template`);
    expect(rest).toEqual([]);
    const traderKey = traderLine?.replace(/^TRADER_KEY=/, '') as string;
    const adminKey = adminLine?.replace(/^ADMIN_KEY=/, '') as string;
    expect(traderKey).toMatch(/^[0-9a-f]{64}$/);
    expect(adminKey).toMatch(/^[0-9a-f]{64}$/);
    expect(adminKey).not.toBe(traderKey);
    expect(run.stderr).toContain('AETHERQ_DATABASE_URL holds the template');

    const { settings, warnings } = readEnv(file);
    expect(warnings).toEqual([]);
    expect(settings).toMatchObject({
      apiKey: traderKey,
      adminApiKey: adminKey,
      logLevel: 'info',
      databaseUrl: 'postgresql://aetherquant:change-me@db:5432/aetherquant',
      api: { host: '0.0.0.0', port: 8000, allowOpen: false },
      data: { provider: 'yahoo' },
      liveBroker: { dryRun: true },
    });
    // Everything but the two key lines is the template as it stands, comments included.
    const withoutKeys = readFileSync(file, 'utf8')
      .replace(`AETHERQ_API_KEY=${traderKey}\n`, 'AETHERQ_API_KEY=\n')
      .replace(`AETHERQ_ADMIN_API_KEY=${adminKey}\n`, 'AETHERQ_ADMIN_API_KEY=\n');
    expect(withoutKeys).toBe(ROOT_TEMPLATE);
  });

  it('writes supplied keys and a database URL to --output, never printing them', () => {
    const cwd = scratchDir();
    const databaseUrl = 'postgresql://aq:hunter2-secret@pg.internal:5432/trading';
    const run = runCli(
      [
        'env',
        'production',
        '--trader-key',
        TRADER_KEY,
        '--admin-key',
        ADMIN_KEY,
        '--database-url',
        databaseUrl,
        '--output',
        'deploy/secrets/aq.env',
      ],
      { cwd },
    );
    expect(run.status).toBe(0);
    const file = join(cwd, 'deploy/secrets/aq.env');
    expect(run.stdout).toBe(`wrote ${file} (mode 0600) from the built-in template\n`);
    // Each secret given on the command line is warned about, by name only.
    expect(run.stderr).toBe(
      commandLineWarning('trader-key', 'AETHERQ_API_KEY or --trader-key-file') +
        commandLineWarning('admin-key', 'AETHERQ_ADMIN_API_KEY or --admin-key-file') +
        commandLineWarning('database-url', '--database-url-file'),
    );
    expect(existsSync(join(cwd, '.env.production'))).toBe(false);
    expect(modeOf(file)).toBe(0o600);
    expect(readEnv(file).settings).toMatchObject({ apiKey: TRADER_KEY, adminApiKey: ADMIN_KEY, databaseUrl });
  });

  it('prints {output, template, mode} with --json, the keys only when generated', () => {
    const cwd = scratchDir();
    const supplied = runCli(
      ['env', 'production', '--trader-key', TRADER_KEY, '--admin-key', ADMIN_KEY, '--json'],
      { cwd },
    );
    expect(supplied.status).toBe(0);
    expect(JSON.parse(supplied.stdout)).toEqual({
      output: join(cwd, '.env.production'),
      template: 'built-in',
      mode: '0600',
    });
    for (const key of [TRADER_KEY, ADMIN_KEY]) expect(supplied.stdout + supplied.stderr).not.toContain(key);

    const generated = runCli(['env', 'production', '--generate-keys', '--output', 'other.env', '--json'], {
      cwd,
    });
    expect(generated.status).toBe(0);
    const result = JSON.parse(generated.stdout) as Record<string, string>;
    expect(readEnv(join(cwd, 'other.env')).settings).toMatchObject({
      apiKey: result['trader_key'],
      adminApiKey: result['admin_key'],
    });
  });

  it('refuses to overwrite without --force (exit 10, file unchanged); --force replaces it as 0600', () => {
    const cwd = scratchDir();
    const file = join(cwd, '.env.production');
    writeFileSync(file, 'AETHERQ_LOG_LEVEL=debug\n');
    chmodSync(file, 0o644);

    const refused = runCli(['env', 'production', '--generate-keys'], { cwd });
    expect(refused.status).toBe(10);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(`error: ${file} already exists; pass --force to replace it\n`);
    expect(readFileSync(file, 'utf8')).toBe('AETHERQ_LOG_LEVEL=debug\n');
    expect(modeOf(file)).toBe(0o644);

    const forced = runCli(
      ['env', 'production', '--trader-key', TRADER_KEY, '--admin-key', ADMIN_KEY, '--force'],
      { cwd },
    );
    expect(forced.status).toBe(0);
    expect(modeOf(file)).toBe(0o600);
    expect(readEnv(file).settings).toMatchObject({ apiKey: TRADER_KEY, logLevel: 'info' });

    const again = runCli(['env', 'production', '--generate-keys', '--force'], { cwd });
    expect(again.status).toBe(0);
    expect(modeOf(file)).toBe(0o600);
    expect(readEnv(file).settings.apiKey).not.toBe(TRADER_KEY);
    // The temporary files of the atomic writes are gone.
    expect(readdirSync(cwd)).toEqual(['.env.production']);
  });

  it('fills the working directory’s .env.production.example when there is one', () => {
    const cwd = scratchDir();
    writeFileSync(
      join(cwd, '.env.production.example'),
      ROOT_TEMPLATE.replace('AETHERQ_DEFAULT_SYMBOL=SPY', 'AETHERQ_DEFAULT_SYMBOL=QQQ'),
    );
    const run = runCli(['env', 'production', '--trader-key', TRADER_KEY, '--admin-key', ADMIN_KEY], {
      cwd,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`from ${join(cwd, '.env.production.example')}`);
    expect(readEnv(join(cwd, '.env.production')).settings.defaultSymbol).toBe('QQQ');
  });

  const short = 'abcdef0123456789abcdef012345678'; // 31 characters
  it.each([
    [
      'a short trader key',
      ['--trader-key', short, '--admin-key', ADMIN_KEY],
      '--trader-key must be at least 32 characters (got 31)',
    ],
    [
      'a short admin key',
      ['--trader-key', TRADER_KEY, '--admin-key', short],
      '--admin-key must be at least 32 characters (got 31)',
    ],
    [
      'equal keys',
      ['--trader-key', TRADER_KEY, '--admin-key', TRADER_KEY],
      '--admin-key must differ from --trader-key',
    ],
    [
      'a key with a space',
      ['--trader-key', `${TRADER_KEY} x`, '--admin-key', ADMIN_KEY],
      '--trader-key must use only letters, digits',
    ],
    ['no keys at all', [], '--generate-keys or both --trader-key and --admin-key are required'],
    ['a trader key alone', ['--trader-key', TRADER_KEY], '--admin-key is required with --trader-key'],
    ['an admin key alone', ['--admin-key', ADMIN_KEY], '--trader-key is required with --admin-key'],
    [
      'both ways at once',
      ['--generate-keys', '--trader-key', TRADER_KEY, '--admin-key', ADMIN_KEY],
      '--generate-keys cannot be combined with --trader-key or --admin-key',
    ],
    [
      'a database URL of another kind',
      ['--generate-keys', '--database-url', 'mysql://root:hunter2@db/x'],
      '--database-url must be none, sqlite::memory:',
    ],
  ])('refuses %s with exit 2, naming the flag, echoing no key and writing nothing', (_, args, message) => {
    const cwd = scratchDir();
    const run = runCli(['env', 'production', ...args], { cwd });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(withoutCommandLineWarnings(run.stderr).trimEnd().split('\n')).toHaveLength(1);
    for (const secret of [TRADER_KEY, ADMIN_KEY, short, 'hunter2']) expect(run.stderr).not.toContain(secret);
    expect(existsSync(join(cwd, '.env.production'))).toBe(false);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AetherError } from '@aetherquant/core';
import { loadSettings } from './load-settings';

describe('loadSettings', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'aetherquant-settings-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const writeEnv = (text: string, name = '.env') => writeFileSync(join(dir, name), text, 'utf8');

  it('uses the documented defaults when there is neither environment nor .env', () => {
    const { settings, envFile } = loadSettings({ env: {}, cwd: dir });
    expect(envFile).toBeUndefined();
    expect(settings.initialCash).toBe(100000);
    expect(settings.databaseUrl).toBe('sqlite:///data/aetherquant.sqlite');
  });

  it('reads ./.env (with a byte-order mark) from the working directory', () => {
    writeEnv('\uFEFFAETHERQ_INITIAL_CASH=25000\nAETHERQ_LIVE_BROKER_DRY_RUN=false\n');
    const { settings, envFile } = loadSettings({ env: {}, cwd: dir });
    expect(envFile).toBe(join(dir, '.env'));
    expect(settings.initialCash).toBe(25000);
    expect(settings.liveBroker.dryRun).toBe(false);
  });

  it('lets the environment win over the file, except where the environment value is blank', () => {
    writeEnv('AETHERQ_INITIAL_CASH=25000\nAETHERQ_COMMISSION_BPS=3\n');
    const { settings } = loadSettings({
      env: { AETHERQ_INITIAL_CASH: '7000', AETHERQ_COMMISSION_BPS: '  ' },
      cwd: dir,
    });
    expect(settings.initialCash).toBe(7000);
    expect(settings.commissionBps).toBe(3); // the blank environment value counts as unset
  });

  it('reads an explicit env file relative to the working directory, and requires it to exist', () => {
    writeEnv('AETHERQ_DEFAULT_SYMBOL=qqq\n', '.env.production');
    expect(loadSettings({ env: {}, cwd: dir, envFile: '.env.production' }).settings.defaultSymbol).toBe(
      'QQQ',
    );
    expect(() => loadSettings({ env: {}, cwd: dir, envFile: 'missing.env' })).toThrow(
      /env file does not exist/,
    );
  });

  it('reports problems from the file and the environment together, in one error', () => {
    writeEnv('AETHERQ_INITIAL_CASH=lots\nAETHERQ_INTIAL_CASH=5\n');
    let caught: unknown;
    try {
      loadSettings({ env: { AETHERQ_RATE_LIMIT_PER_MINUTE: '0' }, cwd: dir });
    } catch (error) {
      caught = error;
    }
    const error = caught as AetherError;
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.details?.violations?.map((v) => v.field)).toEqual([
      'AETHERQ_INITIAL_CASH',
      'AETHERQ_RATE_LIMIT_PER_MINUTE',
    ]);
    expect(error.details?.['warnings']).toEqual([
      'AETHERQ_INTIAL_CASH is not a setting AetherQuant reads; did you mean AETHERQ_INITIAL_CASH?',
    ]);
  });

  it('never echoes a secret from the file, even when it is invalid', () => {
    writeEnv('AETHERQ_API_KEY=same-secret-value-1234\nAETHERQ_ADMIN_API_KEY=same-secret-value-1234\n');
    expect(() => loadSettings({ env: {}, cwd: dir })).toThrow(/AETHERQ_ADMIN_API_KEY must differ/);
    try {
      loadSettings({ env: {}, cwd: dir });
    } catch (error) {
      expect(JSON.stringify((error as AetherError).toJSON())).not.toContain('same-secret-value');
    }
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSettings, SETTING_DEFINITIONS, SETTING_NAMES } from '@aetherquant/core';
import { parseEnvFile } from '@aetherquant/workflows';
import { WORKSPACE_ROOT } from './workspace-root';

const read = (path: string) => readFileSync(join(WORKSPACE_ROOT, path), 'utf8');

/** The README's settings table, as `name → { default, meaning }`. */
function readmeSettingsTable(): Map<string, { default: string; meaning: string }> {
  const rows = new Map<string, { default: string; meaning: string }>();
  for (const match of read('README.md').matchAll(/^\| `(AETHERQ_[A-Z_]+)`\s*\| (.+?)\s*\| (.+?)\s*\|$/gm)) {
    rows.set(match[1] as string, { default: match[2] as string, meaning: match[3] as string });
  }
  return rows;
}

describe('README settings table', () => {
  const table = readmeSettingsTable();

  it('lists exactly the variables of the settings schema, in its order', () => {
    expect([...table.keys()]).toEqual(SETTING_NAMES);
  });

  it.each(SETTING_NAMES)('states the default, meaning and secrecy of %s as the schema does', (name) => {
    const definition: { default?: string; description: string; secret?: boolean } = SETTING_DEFINITIONS[name];
    const row = table.get(name);
    expect(row?.default).toBe(definition.default === undefined ? '(unset)' : `\`${definition.default}\``);
    expect(row?.meaning).toBe(
      definition.secret ? `${definition.description} Secret.` : definition.description,
    );
  });
});

describe('.env.example', () => {
  const values = parseEnvFile(read('.env.example'), '.env.example');

  it('names every variable of the settings schema, and no other', () => {
    expect(Object.keys(values).sort()).toEqual([...SETTING_NAMES].sort());
  });

  it('is valid as it stands and gives the documented defaults', () => {
    const { settings, warnings } = parseSettings(values);
    expect(warnings).toEqual([]);
    expect(settings).toEqual(parseSettings({}).settings);
  });
});

describe('.env.production.example', () => {
  const text = read('.env.production.example');
  const values = parseEnvFile(text, '.env.production.example');

  it('names every variable of the settings schema, and no other', () => {
    expect(Object.keys(values).sort()).toEqual([...SETTING_NAMES].sort());
  });

  it('leaves every secret but the database URL blank, for `aetherquant env production` to fill in', () => {
    const secrets = SETTING_NAMES.filter(
      (name) => (SETTING_DEFINITIONS[name] as { secret?: boolean }).secret && name !== 'AETHERQ_DATABASE_URL',
    );
    expect(secrets).toEqual(expect.arrayContaining(['AETHERQ_API_KEY', 'AETHERQ_ADMIN_API_KEY']));
    for (const name of secrets) expect([name, values[name]]).toEqual([name, '']);
  });

  it('is valid and sets production values: every interface, PostgreSQL, Yahoo, info logs, dry run', () => {
    const { settings, warnings } = parseSettings(values);
    expect(warnings).toEqual([]);
    expect(settings).toMatchObject({
      logLevel: 'info',
      databaseUrl: expect.stringMatching(/^postgresql:\/\//),
      api: { host: '0.0.0.0', port: 8000, allowOpen: false },
      data: { provider: 'yahoo' },
      liveBroker: { dryRun: true },
    });
  });

  // The CLI carries this text as apps/cli/src/env-file/production-env-template.ts (a published package cannot
  // ship a root file). Tools may not import the CLI (tools/lint/dependency-rule.cjs), so the copy is
  // compared as the module's source text; apps/cli/test/env.e2e-spec.ts compares the imported value too.
  it('is the template the CLI carries, word for word', () => {
    const source = read('apps/cli/src/env-file/production-env-template.ts');
    const embedded = /export const PRODUCTION_ENV_TEMPLATE = `([^`]*)`;/.exec(source)?.[1];
    expect(embedded).toBe(text);
  });
});

import { resolve } from 'node:path';
import { AetherError, type FieldViolation } from '@aetherquant/core';
import { Flags } from '@oclif/core';
import { type ApiKeys, checkSuppliedKeys, generateApiKeys, KEY_BYTES } from '../../base/api-keys';
import { AetherCommand } from '../../base/aether-command';
import { checkProductionEnv, fillEnvTemplate, readProductionEnvTemplate } from '../../base/production-env';
import { alreadyExists, fileExists, writeSecretFile } from '../../base/secret-file';

export interface ProductionEnvResult {
  /** The file written, absolute. */
  output: string;
  /** The template used: a file's absolute path, or `built-in`. */
  template: string;
  mode: '0600';
  /** Only with --generate-keys: the keys, shown this once so the operator can hand the trader key over. */
  trader_key?: string;
  admin_key?: string;
}

const DEFAULT_OUTPUT = '.env.production';

export default class EnvProductionCommand extends AetherCommand {
  static override summary = 'Write a complete production env file with API keys, mode 0600.';
  static override description =
    'Fills the template (./.env.production.example, else the one built into the CLI) with the trader and ' +
    'admin keys (--generate-keys, or --trader-key and --admin-key) and, if given, the database URL; checks ' +
    'the result as the server will read it; and writes it atomically with mode 0600. An existing file is ' +
    'replaced only with --force (else exit 10). Supplied keys are never printed; generated keys are printed ' +
    'once, on stdout, so the trader key can be handed over.';
  static override examples = [
    '<%= config.bin %> env production --generate-keys',
    '<%= config.bin %> env production --generate-keys --database-url postgresql://aq:secret@db:5432/aetherquant',
    '<%= config.bin %> env production --trader-key "$TRADER_KEY" --admin-key "$ADMIN_KEY" --output /etc/aetherquant/env --force',
  ];
  static override flags = {
    'generate-keys': Flags.boolean({
      summary: `Generate both keys (${KEY_BYTES.default} random bytes each, in hex) and print them once.`,
    }),
    'trader-key': Flags.string({
      summary: 'The trader key (AETHERQ_API_KEY): at least 32 characters; needs --admin-key.',
    }),
    'admin-key': Flags.string({
      summary: 'The admin key (AETHERQ_ADMIN_API_KEY): at least 32 characters, not the trader key.',
    }),
    output: Flags.string({ summary: `The file to write [default: ${DEFAULT_OUTPUT}].` }),
    force: Flags.boolean({ summary: 'Replace the file if it exists (it keeps mode 0600).' }),
    'database-url': Flags.string({
      summary:
        "AETHERQ_DATABASE_URL to write, e.g. postgresql://user:pass@host:5432/db [default: the template's].",
    }),
  };

  async run(): Promise<ProductionEnvResult> {
    const { flags } = await this.parse(EnvProductionCommand);
    const keys = chooseKeys(flags);
    const databaseUrl = flags['database-url']?.trim();
    if (databaseUrl !== undefined && (databaseUrl === '' || /\s/.test(databaseUrl))) {
      throw AetherError.invalid([{ field: '--database-url', rule: 'must be a URL without spaces' }]);
    }

    const output = resolve(flags.output ?? DEFAULT_OUTPUT);
    const template = await readProductionEnvTemplate(process.cwd());
    const values: Record<string, string> = {
      AETHERQ_API_KEY: keys.trader_key,
      AETHERQ_ADMIN_API_KEY: keys.admin_key,
    };
    if (databaseUrl !== undefined) values['AETHERQ_DATABASE_URL'] = databaseUrl;
    const text = fillEnvTemplate(template.text, values);
    const written = checkProductionEnv(text, flags.output ?? DEFAULT_OUTPUT, (field) =>
      field === 'AETHERQ_DATABASE_URL' && databaseUrl !== undefined ? '--database-url' : field,
    );

    // Refused before writing anything; writeSecretFile refuses again if the file appears meanwhile.
    if (!flags.force && (await fileExists(output))) throw alreadyExists(output);
    await writeSecretFile(output, text, flags.force);

    const result: ProductionEnvResult = {
      output,
      template: template.source,
      mode: '0600',
      ...(flags['generate-keys'] ? keys : {}),
    };
    if (!this.jsonEnabled()) {
      const from = template.source === 'built-in' ? 'the built-in template' : template.source;
      this.log(`wrote ${output} (mode 0600) from ${from}`);
      if (flags['generate-keys']) {
        // Shown once: the file is the only other copy.
        this.log(`TRADER_KEY=${keys.trader_key}\nADMIN_KEY=${keys.admin_key}`);
      }
    }
    if (databaseUrl === undefined && /change-me/.test(written['AETHERQ_DATABASE_URL'] ?? '')) {
      process.stderr.write(
        `note: AETHERQ_DATABASE_URL holds the template's placeholder password; edit it in ${output} or pass --database-url\n`,
      );
    }
    return result;
  }
}

/** The keys to write: generated, or the two supplied (checked, never echoed); exactly one way. */
function chooseKeys(flags: {
  'generate-keys': boolean;
  'trader-key'?: string;
  'admin-key'?: string;
}): Required<ApiKeys> {
  const trader = flags['trader-key'];
  const admin = flags['admin-key'];
  const violations: FieldViolation[] = [];
  if (flags['generate-keys']) {
    if (trader !== undefined || admin !== undefined) {
      violations.push({
        field: '--generate-keys',
        rule: 'cannot be combined with --trader-key or --admin-key (generate the keys, or supply both)',
      });
    }
  } else if (trader === undefined && admin === undefined) {
    violations.push({ field: '--generate-keys', rule: 'or both --trader-key and --admin-key are required' });
  } else if (trader === undefined) {
    violations.push({ field: '--trader-key', rule: 'is required with --admin-key' });
  } else if (admin === undefined) {
    violations.push({ field: '--admin-key', rule: 'is required with --trader-key' });
  }
  if (violations.length > 0) throw AetherError.invalid(violations);
  if (flags['generate-keys']) {
    const generated = generateApiKeys(KEY_BYTES.default);
    return { trader_key: generated.trader_key, admin_key: generated.admin_key as string };
  }
  const supplied = { trader_key: trader as string, admin_key: admin as string };
  checkSuppliedKeys({ '--trader-key': supplied.trader_key, '--admin-key': supplied.admin_key });
  return supplied;
}

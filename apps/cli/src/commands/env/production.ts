import { resolve } from 'node:path';
import { AetherError, type FieldViolation } from '@aetherquant/core';
import * as Flags from '@oclif/core/flags';
import { type ApiKeys, checkSuppliedKeys, generateApiKeys, KEY_BYTES } from '../../secrets/api-keys';
import { AetherCommand } from '../../command/aether-command';
import {
  checkProductionEnv,
  fillEnvTemplate,
  readProductionEnvTemplate,
} from '../../env-file/production-env';
import { alreadyExists, fileExists, writeSecretFile } from '../../secrets/secret-file';
import { SECRET_FLAGS, type SecretValue } from '../../flags/secret-flags';

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
    'printf \'%s\' "$DATABASE_URL" | <%= config.bin %> env production --generate-keys --database-url-file -',
    'AETHERQ_API_KEY=… AETHERQ_ADMIN_API_KEY=… <%= config.bin %> env production --output /etc/aetherquant/env --force',
    '<%= config.bin %> env production --trader-key-file trader.key --admin-key-file admin.key',
  ];
  static override flags = {
    'generate-keys': Flags.boolean({
      summary: `Generate both keys (${KEY_BYTES.default} random bytes each, in hex) and print them once.`,
    }),
    ...SECRET_FLAGS.traderKey.flags,
    ...SECRET_FLAGS.adminKey.flags,
    output: Flags.string({ summary: `The file to write [default: ${DEFAULT_OUTPUT}].` }),
    force: Flags.boolean({ summary: 'Replace the file if it exists (it keeps mode 0600).' }),
    ...SECRET_FLAGS.productionDatabaseUrl.flags,
  };

  async run(): Promise<ProductionEnvResult> {
    const { flags } = await this.parse(EnvProductionCommand);
    const keys = chooseKeys(
      flags['generate-keys'],
      await SECRET_FLAGS.traderKey.read(flags),
      await SECRET_FLAGS.adminKey.read(flags),
    );
    const databaseUrlGiven = await SECRET_FLAGS.productionDatabaseUrl.read(flags);
    const databaseUrl = databaseUrlGiven?.value.trim();
    if (databaseUrl !== undefined && (databaseUrl === '' || /\s/.test(databaseUrl))) {
      throw AetherError.invalid([
        { field: databaseUrlGiven?.from ?? '--database-url', rule: 'must be a URL without spaces' },
      ]);
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
      field === 'AETHERQ_DATABASE_URL' && databaseUrlGiven !== undefined ? databaseUrlGiven.from : field,
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
    this.present('envFile', result);
    if (databaseUrl === undefined && /change-me/.test(written['AETHERQ_DATABASE_URL'] ?? '')) {
      process.stderr.write(
        `note: AETHERQ_DATABASE_URL holds the template's placeholder password; edit it in ${output} or pass --database-url\n`,
      );
    }
    return result;
  }
}

/**
 * The keys to write: generated, or the two supplied (flags, their `-file` twins, else the environment's
 * AETHERQ_API_KEY and AETHERQ_ADMIN_API_KEY), checked and never echoed; exactly one way.
 */
function chooseKeys(
  generate: boolean,
  traderGiven: SecretValue | undefined,
  adminGiven: SecretValue | undefined,
): Required<ApiKeys> {
  if (generate) {
    if (traderGiven !== undefined || adminGiven !== undefined) {
      throw AetherError.invalid([
        {
          field: '--generate-keys',
          rule: 'cannot be combined with --trader-key or --admin-key (generate the keys, or supply both)',
        },
      ]);
    }
    const generated = generateApiKeys(KEY_BYTES.default);
    return { trader_key: generated.trader_key, admin_key: generated.admin_key as string };
  }
  // The environment counts only when no key is given here: a key from each place would be a mix-up.
  const fromFlags = traderGiven !== undefined || adminGiven !== undefined;
  const trader = fromFlags ? traderGiven : SECRET_FLAGS.traderKey.fromEnvironment();
  const admin = fromFlags ? adminGiven : SECRET_FLAGS.adminKey.fromEnvironment();
  const violations: FieldViolation[] = [];
  if (trader === undefined && admin === undefined) {
    violations.push({
      field: '--generate-keys',
      rule: 'or both --trader-key and --admin-key are required (or their -file twins, or AETHERQ_API_KEY and AETHERQ_ADMIN_API_KEY)',
    });
  } else if (trader === undefined) {
    violations.push({
      field: fromFlags ? '--trader-key' : 'AETHERQ_API_KEY',
      rule: `is required with ${admin?.from}`,
    });
  } else if (admin === undefined) {
    violations.push({
      field: fromFlags ? '--admin-key' : 'AETHERQ_ADMIN_API_KEY',
      rule: `is required with ${trader.from}`,
    });
  }
  if (violations.length > 0 || trader === undefined || admin === undefined)
    throw AetherError.invalid(violations);
  checkSuppliedKeys(trader, admin);
  return { trader_key: trader.value, admin_key: admin.value };
}

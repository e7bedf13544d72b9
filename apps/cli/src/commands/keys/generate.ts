import * as Flags from '@oclif/core/flags';
import { type ApiKeys, generateApiKeys, KEY_BYTES, parseKeyBytes } from '../../secrets/api-keys';
import { AetherCommand } from '../../command/aether-command';

export default class KeysGenerateCommand extends AetherCommand {
  static override summary = 'Generate random API keys for the trader and admin roles.';
  static override description =
    'Prints TRADER_KEY=…, ADMIN_KEY=… and the same keys as ready-to-paste AETHERQ_API_KEY=… and ' +
    'AETHERQ_ADMIN_API_KEY=… lines; with --json, {"trader_key","admin_key"}. Each key is --bytes random ' +
    'bytes from the operating system (node:crypto), in hex, and the two keys always differ. Nothing is ' +
    'stored: copy the keys where they belong (aetherquant env production writes them into an env file).';
  static override examples = [
    '<%= config.bin %> keys generate',
    '<%= config.bin %> keys generate --bytes 48 --json',
    '<%= config.bin %> keys generate --no-admin',
  ];
  static override flags = {
    bytes: Flags.string({
      summary: `Random bytes per key, ${KEY_BYTES.min} to ${KEY_BYTES.max} (hex doubles the length) [default: ${KEY_BYTES.default}].`,
    }),
    admin: Flags.boolean({
      summary: 'Generate the admin key too (--no-admin: only the trader key).',
      default: true,
      allowNo: true,
    }),
  };

  async run(): Promise<ApiKeys> {
    const { flags } = await this.parse(KeysGenerateCommand);
    const keys = generateApiKeys(parseKeyBytes(flags.bytes), flags.admin);
    this.present('generatedKeys', keys);
    return keys;
  }
}

import { redactSettings, type Settings } from '@aetherquant/core';
import { AetherCommand } from '../command/aether-command';

export default class SettingsCommand extends AetherCommand {
  static override summary = 'Show the effective settings, secrets masked.';
  static override description =
    'Reads the AETHERQ_* variables from the environment over ./.env (or --dotenv), validates them all ' +
    'and prints the result as JSON with every secret replaced by "***". Bad values fail with every ' +
    'problem listed, exit code 2.';
  static override examples = [
    '<%= config.bin %> settings',
    '<%= config.bin %> settings --dotenv .env.production',
  ];
  static override flags = { dotenv: AetherCommand.dotenvFlag };

  async run(): Promise<Settings> {
    const { flags } = await this.parse(SettingsCommand);
    const settings = redactSettings(this.loadSettings(flags.dotenv));
    this.present('settings', settings);
    return settings;
  }
}

import { AetherCommand, workflowRunOptions } from '../../command/aether-command';

export default class DbInitCommand extends AetherCommand {
  static override useCases = ['initDatabase'] as const;
  static override summary = 'Create or upgrade the database schema.';
  static override description =
    'Applies the migrations the database lacks (creating a SQLite file and its folder on demand); running it ' +
    'again is a no-op. Prints {"status":"ok"}; the database it used goes to standard error.';
  // The seed's spellings still work, without crowding the help.
  static override hiddenAliases = ['db-init'];
  static override examples = [
    '<%= config.bin %> db init',
    '<%= config.bin %> db init --database-url postgresql://aq@db:5432/aetherquant',
  ];
  static override flags = { ...AetherCommand.databaseUrlFlags, dotenv: AetherCommand.dotenvFlag };

  async run(): Promise<{ status: 'ok' }> {
    const { flags } = await this.parse(DbInitCommand);
    const result = await this.runUseCase('initDatabase', {}, workflowRunOptions(flags));
    process.stderr.write(`database ready: ${result.database}\n`);
    this.present('initDatabase', { status: result.status });
    return { status: result.status };
  }
}

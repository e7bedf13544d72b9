import { DEFAULT_RUNS_LIMIT, RECORDED_RUN_TYPES } from '@aetherquant/core';
import { type RunView } from '@aetherquant/workflows';
import * as Flags from '@oclif/core/flags';
import { AetherCommand, workflowRunOptions } from '../../command/aether-command';
import { numericFlag } from '../../flags/flag-input';
import { historyLimitFlag } from '../../flags/history-flags';

export default class DbRunsCommand extends AetherCommand {
  static override useCases = ['runs'] as const;
  static override summary = 'List recorded runs, newest first.';
  static override description =
    'Prints {"runs":[…]}: each run without its result; page with --before <id of the last run shown>.';
  // The seed's spellings still work, without crowding the help.
  static override hiddenAliases = ['db-runs'];
  static override examples = [
    '<%= config.bin %> db runs',
    '<%= config.bin %> db runs --limit 5 --type backtest --symbol SPY',
  ];
  static override flags = {
    limit: historyLimitFlag('runs', DEFAULT_RUNS_LIMIT),
    type: Flags.string({ summary: `Only runs of this type: ${RECORDED_RUN_TYPES.join(', ')}.` }),
    symbol: Flags.string({ summary: 'Only runs with this symbol.' }),
    before: Flags.string({ summary: 'Only runs recorded before this run id (the next page).' }),
    ...AetherCommand.databaseUrlFlags,
    dotenv: AetherCommand.dotenvFlag,
    ...AetherCommand.remoteFlags,
  };

  async run(): Promise<{ runs: RunView[] }> {
    const { flags } = await this.parse(DbRunsCommand);
    const request = {
      limit: numericFlag(flags.limit),
      type: flags.type,
      symbol: flags.symbol,
      before: flags.before,
    };
    const result = await this.runUseCase('runs', request, workflowRunOptions(flags));
    this.present('runs', result);
    return result;
  }
}

import { DEFAULT_AUDIT_LIMIT } from '@aetherquant/core';
import { type AuditEventView } from '@aetherquant/workflows';
import * as Flags from '@oclif/core/flags';
import { AetherCommand, workflowRunOptions } from '../../command/aether-command';
import { numericFlag } from '../../flags/flag-input';
import { historyLimitFlag } from '../../flags/history-flags';

export default class DbAuditCommand extends AetherCommand {
  static override useCases = ['audit'] as const;
  static override summary = 'List the audit log of API requests, newest first.';
  static override description = 'Prints {"events":[…]}; page with --before <id of the last event shown>.';
  // The seed's spellings still work, without crowding the help.
  static override hiddenAliases = ['db-audit'];
  static override examples = ['<%= config.bin %> db audit', '<%= config.bin %> db audit --limit 20'];
  static override flags = {
    limit: historyLimitFlag('events', DEFAULT_AUDIT_LIMIT),
    before: Flags.string({ summary: 'Only events recorded before this event id (the next page).' }),
    ...AetherCommand.databaseUrlFlags,
    dotenv: AetherCommand.dotenvFlag,
    ...AetherCommand.remoteFlags,
  };

  async run(): Promise<{ events: AuditEventView[] }> {
    const { flags } = await this.parse(DbAuditCommand);
    const request = { limit: numericFlag(flags.limit), before: numericFlag(flags.before) };
    const result = await this.runUseCase('audit', request, workflowRunOptions(flags));
    this.present('audit', result);
    return result;
  }
}

import { type JobStatus } from '@aetherquant/core';
import { type SweepReport } from '@aetherquant/workflows';
import * as Flags from '@oclif/core/flags';
import { AetherCommand, workflowRunOptions } from '../command/aether-command';
import { JobCommand } from '../jobs/job-command';
import { numericFlag } from '../flags/flag-input';
import { barSourceFlags, barSourceRequest, tradingFlags, tradingRequest } from '../flags/market-flags';
import { gridSearchFlags, gridSearchRequest } from '../flags/strategy-flags';
import { symbolArgument } from '../command/symbol-argument';

export default class SweepCommand extends JobCommand {
  static override useCases = ['sweep', 'submitJob'] as const;
  static override summary = 'Backtest every combination of a parameter grid on all cores and rank them.';
  static override description =
    'Each grid flag takes a number, a list (5,10,20) or a range start:stop:step (5:50:5, stop included). ' +
    'Combinations the strategy refuses (fast ≥ slow) are skipped and counted. Prints one JSON object with ' +
    'the best --top combinations by --rank-by; a progress bar goes to standard error when it is a terminal. ' +
    'With --detach it is submitted as a job instead (to the job queue of AETHERQ_REDIS_URL, or to --api-url) ' +
    'and the command prints its id and the `jobs wait` line that follows it.';
  static override examples = [
    '<%= config.bin %> sweep --symbol SPY --period 10y --fast 5:50:5 --slow 20:200:10',
    '<%= config.bin %> sweep --symbol QQQ --strategy momentum --param lookback=5:120:5 --rank-by calmar --provider synthetic',
    'AETHERQ_REDIS_URL=redis://127.0.0.1:6379 <%= config.bin %> sweep --symbol SPY --period max --fast 1:100 --slow 101:300 --detach',
  ];
  static override args = { symbol: symbolArgument('The symbol, as --symbol SPY.') };
  static override flags = {
    ...barSourceFlags,
    ...gridSearchFlags,
    top: Flags.string({ summary: 'How many of the best combinations to print, 1 to 1000 [default: 20].' }),
    ...tradingFlags,
    detach: JobCommand.detachFlag,
    ...AetherCommand.databaseUrlFlags,
    config: AetherCommand.configFlag,
    dotenv: AetherCommand.dotenvFlag,
    ...AetherCommand.remoteFlags,
  };

  async run(): Promise<SweepReport | JobStatus> {
    const { flags } = await this.parse(SweepCommand);
    const request = {
      ...barSourceRequest(flags),
      ...tradingRequest(flags),
      ...gridSearchRequest(flags),
      top: numericFlag(flags.top),
    };
    if (flags.detach) return this.submitDetached('sweep', request, workflowRunOptions(flags));
    const report = await this.runWithProgress('sweep', 'sweep', request, workflowRunOptions(flags));
    this.present('sweep', report);
    return report;
  }
}

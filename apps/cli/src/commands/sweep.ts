import { type SweepReport } from '@aetherquant/workflows';
import * as Flags from '@oclif/core/flags';
import { AetherCommand, workflowRunOptions } from '../command/aether-command';
import { numericFlag } from '../flags/flag-input';
import { barSourceFlags, barSourceRequest, tradingFlags, tradingRequest } from '../flags/market-flags';
import { gridSearchFlags, gridSearchRequest } from '../flags/strategy-flags';

export default class SweepCommand extends AetherCommand {
  static override useCases = ['sweep'] as const;
  static override summary = 'Backtest every combination of a parameter grid on all cores and rank them.';
  static override description =
    'Each grid flag takes a number, a list (5,10,20) or a range start:stop:step (5:50:5, stop included). ' +
    'Combinations the strategy refuses (fast ≥ slow) are skipped and counted. Prints one JSON object with ' +
    'the best --top combinations by --rank-by; a progress bar goes to standard error when it is a terminal.';
  static override examples = [
    '<%= config.bin %> sweep --symbol SPY --period 10y --fast 5:50:5 --slow 20:200:10',
    '<%= config.bin %> sweep --symbol QQQ --strategy momentum --param lookback=5:120:5 --rank-by calmar --provider synthetic',
  ];
  static override flags = {
    ...barSourceFlags,
    ...gridSearchFlags,
    top: Flags.string({ summary: 'How many of the best combinations to print, 1 to 1000 [default: 20].' }),
    ...tradingFlags,
    ...AetherCommand.databaseUrlFlags,
    dotenv: AetherCommand.dotenvFlag,
    ...AetherCommand.remoteFlags,
  };

  async run(): Promise<SweepReport> {
    const { flags } = await this.parse(SweepCommand);
    const request = {
      ...barSourceRequest(flags),
      ...tradingRequest(flags),
      ...gridSearchRequest(flags),
      top: numericFlag(flags.top),
    };
    const report = await this.runWithProgress('sweep', 'sweep', request, workflowRunOptions(flags));
    if (!this.jsonEnabled()) this.log(JSON.stringify(report, null, 2));
    return report;
  }
}

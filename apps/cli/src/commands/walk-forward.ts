import { type WalkForwardReport } from '@aetherquant/workflows';
import * as Flags from '@oclif/core/flags';
import { AetherCommand, workflowRunOptions } from '../command/aether-command';
import { barSourceFlags, barSourceRequest, tradingFlags, tradingRequest } from '../flags/market-flags';
import { gridSearchFlags, gridSearchRequest } from '../flags/strategy-flags';

export default class WalkForwardCommand extends AetherCommand {
  static override useCases = ['walkForward'] as const;
  static override summary =
    'Walk-forward analysis: pick parameters on each train window, trade them on the next test window.';
  static override description =
    "Rolls train/test windows over the history (--train 3y --test 1y): on each train window the grid's best " +
    'parameters by --rank-by, traded on the following test window; the out-of-sample equity is stitched and ' +
    'compared with buy-and-hold of the same bars. Grid flags as in `sweep`. Prints one JSON object.';
  static override examples = [
    '<%= config.bin %> walk-forward --symbol SPY --period max --fast 10:50:10 --slow 50:200:25 --train 3y --test 1y',
  ];
  static override flags = {
    ...barSourceFlags,
    ...gridSearchFlags,
    train: Flags.string({ summary: 'Train window length: 6mo, 1y, 3y, … [default: 3y].' }),
    test: Flags.string({ summary: 'Test window length [default: 1y].' }),
    ...tradingFlags,
    ...AetherCommand.databaseUrlFlags,
    dotenv: AetherCommand.dotenvFlag,
  };

  async run(): Promise<WalkForwardReport> {
    const { flags } = await this.parse(WalkForwardCommand);
    const request = {
      ...barSourceRequest(flags),
      ...tradingRequest(flags),
      ...gridSearchRequest(flags),
      train: flags.train,
      test: flags.test,
    };
    const report = await this.runWithProgress(
      'walk-forward',
      'walkForward',
      request,
      workflowRunOptions(flags),
    );
    if (!this.jsonEnabled()) this.log(JSON.stringify(report, null, 2));
    return report;
  }
}

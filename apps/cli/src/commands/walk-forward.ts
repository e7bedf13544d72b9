import { AetherError, type JobStatus } from '@aetherquant/core';
import { type WalkForwardReport } from '@aetherquant/workflows';
import * as Flags from '@oclif/core/flags';
import { AetherCommand, workflowRunOptions } from '../command/aether-command';
import { JobCommand } from '../jobs/job-command';
import { barSourceFlags, barSourceRequest, tradingFlags, tradingRequest } from '../flags/market-flags';
import { gridSearchFlags, gridSearchRequest } from '../flags/strategy-flags';
import { benchmarkFlags, benchmarkRequest } from '../flags/benchmark-flag';
import { symbolArgument } from '../command/symbol-argument';

export default class WalkForwardCommand extends JobCommand {
  static override useCases = ['walkForward', 'submitJob'] as const;
  static override summary =
    'Walk-forward analysis: pick parameters on each train window, trade them on the next test window.';
  static override description =
    "Rolls train/test windows over the history (--train 3y --test 1y): on each train window the grid's best " +
    'parameters by --rank-by, traded on the following test window; the out-of-sample equity is stitched and ' +
    'compared with buy-and-hold of the same bars. Grid flags as in `sweep`. Prints one JSON object. With ' +
    '--detach it is submitted as a job instead (to the job queue of AETHERQ_REDIS_URL, or to --api-url: a ' +
    'server runs walk-forwards only as jobs) and the command prints its id and the `jobs wait` line.';
  static override examples = [
    '<%= config.bin %> walk-forward --symbol SPY --period max --fast 10:50:10 --slow 50:200:25 --train 3y --test 1y',
    '<%= config.bin %> walk-forward --symbol SPY --period max --fast 10:50:10 --slow 50:200:25 --detach --api-url https://quant.example/aq',
  ];
  static override args = { symbol: symbolArgument('The symbol, as --symbol SPY.') };
  static override flags = {
    ...barSourceFlags,
    ...gridSearchFlags,
    train: Flags.string({ summary: 'Train window length: 6mo, 1y, 3y, … [default: 3y].' }),
    test: Flags.string({ summary: 'Test window length [default: 1y].' }),
    ...tradingFlags,
    ...benchmarkFlags,
    detach: JobCommand.detachFlag,
    ...AetherCommand.databaseUrlFlags,
    config: AetherCommand.configFlag,
    dotenv: AetherCommand.dotenvFlag,
    ...AetherCommand.remoteFlags,
  };

  async run(): Promise<WalkForwardReport | JobStatus> {
    const { flags } = await this.parse(WalkForwardCommand);
    const request = {
      ...barSourceRequest(flags),
      ...tradingRequest(flags),
      ...gridSearchRequest(flags),
      train: flags.train,
      test: flags.test,
      ...benchmarkRequest(flags),
    };
    if (flags.detach) return this.submitDetached('walkForward', request, workflowRunOptions(flags));
    if (flags['api-url'] !== undefined) {
      // No endpoint answers a walk-forward at once: on a server it runs as a job.
      throw AetherError.invalid([
        { field: '--api-url', rule: 'runs a walk-forward on the server only as a job: add --detach' },
      ]);
    }
    const report = await this.runWithProgress(
      'walk-forward',
      'walkForward',
      request,
      workflowRunOptions(flags),
    );
    this.present('walkForward', report);
    return report;
  }
}

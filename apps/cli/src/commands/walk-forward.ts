import { RANK_METRICS } from '@aetherquant/core';
import { walkForwardWorkflow, type WalkForwardReport } from '@aetherquant/workflows';
import { Flags } from '@oclif/core';
import { AetherCommand } from '../base/aether-command';
import { barSourceFlags, barSourceRequest, tradingFlags, tradingRequest } from '../base/market-flags';
import { progressBar } from '../base/progress-bar';
import { strategyGrid } from '../base/strategy-flags';

export default class WalkForwardCommand extends AetherCommand {
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
    strategy: Flags.string({ summary: 'Strategy whose parameters to choose [default: ma-cross].' }),
    fast: Flags.string({ summary: 'ma-cross fast windows, e.g. 10:50:10.' }),
    slow: Flags.string({ summary: 'ma-cross slow windows, e.g. 50:200:25.' }),
    param: Flags.string({
      summary: "Another parameter's values, name=values; repeat for several.",
      multiple: true,
    }),
    'rank-by': Flags.string({
      summary: `Metric to choose by: ${RANK_METRICS.join(', ')} [default: sharpe].`,
    }),
    train: Flags.string({ summary: 'Train window length: 6mo, 1y, 3y, … [default: 3y].' }),
    test: Flags.string({ summary: 'Test window length [default: 1y].' }),
    ...tradingFlags,
    'database-url': AetherCommand.databaseUrlFlag,
    dotenv: AetherCommand.dotenvFlag,
  };

  async run(): Promise<WalkForwardReport> {
    const { flags } = await this.parse(WalkForwardCommand);
    const request = {
      ...barSourceRequest(flags),
      ...tradingRequest(flags),
      strategy: flags.strategy,
      grid: strategyGrid(flags),
      rank_by: flags['rank-by'],
      train: flags.train,
      test: flags.test,
    };
    const bar = progressBar('walk-forward');
    try {
      const report = await this.runWorkflow(walkForwardWorkflow, request, {
        dotenv: flags.dotenv,
        databaseUrl: flags['database-url'],
        progress: bar.update,
      });
      bar.finish();
      if (!this.jsonEnabled()) this.log(JSON.stringify(report, null, 2));
      return report;
    } finally {
      bar.finish();
    }
  }
}

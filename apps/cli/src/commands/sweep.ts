import { RANK_METRICS } from '@aetherquant/core';
import { sweepWorkflow, type SweepReport } from '@aetherquant/workflows';
import { Flags } from '@oclif/core';
import { AetherCommand } from '../base/aether-command';
import { numericFlag } from '../base/flag-input';
import { barSourceFlags, barSourceRequest, tradingFlags, tradingRequest } from '../base/market-flags';
import { progressBar } from '../base/progress-bar';
import { strategyGrid } from '../base/strategy-flags';

export default class SweepCommand extends AetherCommand {
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
    strategy: Flags.string({ summary: 'Strategy whose parameters to sweep [default: ma-cross].' }),
    fast: Flags.string({ summary: 'ma-cross fast windows, e.g. 5:50:5.' }),
    slow: Flags.string({ summary: 'ma-cross slow windows, e.g. 20:200:10.' }),
    param: Flags.string({
      summary: "Another parameter's values, name=values (e.g. lookback=5:60:5); repeat for several.",
      multiple: true,
    }),
    'rank-by': Flags.string({ summary: `Metric to rank by: ${RANK_METRICS.join(', ')} [default: sharpe].` }),
    top: Flags.string({ summary: 'How many of the best combinations to print, 1 to 1000 [default: 20].' }),
    ...tradingFlags,
    'database-url': AetherCommand.databaseUrlFlag,
    dotenv: AetherCommand.dotenvFlag,
  };

  async run(): Promise<SweepReport> {
    const { flags } = await this.parse(SweepCommand);
    const request = {
      ...barSourceRequest(flags),
      ...tradingRequest(flags),
      strategy: flags.strategy,
      grid: strategyGrid(flags),
      rank_by: flags['rank-by'],
      top: numericFlag(flags.top),
    };
    const bar = progressBar('sweep');
    try {
      const report = await this.runWorkflow(sweepWorkflow, request, {
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

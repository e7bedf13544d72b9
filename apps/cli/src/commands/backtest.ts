import { backtestWorkflow, type BacktestReport } from '@aetherquant/workflows';
import { AetherCommand } from '../base/aether-command';
import { barSourceFlags, barSourceRequest, tradingFlags, tradingRequest } from '../base/market-flags';
import { strategyFlags, strategyParams } from '../base/strategy-flags';

export default class BacktestCommand extends AetherCommand {
  static override summary = 'Backtest a strategy on one symbol and print its figures against buy-and-hold.';
  static override description =
    'Prints one JSON object: annual return, max drawdown, Sharpe and final equity of the strategy and of ' +
    'buy-and-hold on the same bars (ratios to 6 decimals, money to 2), the excess annual return, and more ' +
    'metrics. The exposure decided at a close earns the next bar; costs are charged on turnover. The run is ' +
    'recorded in the database (run_id) unless AETHERQ_DATABASE_URL=none.';
  static override examples = [
    '<%= config.bin %> backtest --symbol SPY --period 2y',
    '<%= config.bin %> backtest --symbol SPY --provider csv --data-dir ../shared/data/market --start 2010-01-01 --end 2019-12-31 --fast 20 --slow 50',
    '<%= config.bin %> backtest --symbol QQQ --strategy rsi-reversion --param period=14 --param lower=25 --long-only --provider synthetic',
  ];
  static override flags = {
    ...barSourceFlags,
    ...strategyFlags,
    ...tradingFlags,
    'database-url': AetherCommand.databaseUrlFlag,
    dotenv: AetherCommand.dotenvFlag,
  };

  async run(): Promise<BacktestReport> {
    const { flags } = await this.parse(BacktestCommand);
    const request = {
      ...barSourceRequest(flags),
      ...tradingRequest(flags),
      strategy: flags.strategy,
      params: strategyParams(flags),
    };
    const report = await this.runWorkflow(backtestWorkflow, request, {
      dotenv: flags.dotenv,
      databaseUrl: flags['database-url'],
    });
    if (!this.jsonEnabled()) this.log(JSON.stringify(report, null, 2));
    return report;
  }
}

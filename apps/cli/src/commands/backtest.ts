import { AetherError } from '@aetherquant/core';
import type * as Interfaces from '@oclif/core/interfaces';
import { type BacktestReport, type PortfolioBacktestReport } from '@aetherquant/workflows';
import { AetherCommand, workflowRunOptions } from '../command/aether-command';
import { barSourceFlags, barSourceRequest, tradingFlags, tradingRequest } from '../flags/market-flags';
import { numericFlag } from '../flags/flag-input';
import { optimizerRequest, portfolioFlags, symbolList } from '../flags/portfolio-flags';
import { strategyFlags, strategyParams } from '../flags/strategy-flags';
import { benchmarkFlags, benchmarkRequest } from '../flags/benchmark-flag';
import { symbolArgument } from '../command/symbol-argument';

export default class BacktestCommand extends AetherCommand {
  static override useCases = ['backtest', 'portfolioBacktest'] as const;
  static override summary = 'Backtest a strategy on one symbol and print its figures against buy-and-hold.';
  static override description =
    'Prints one JSON object: annual return, max drawdown, Sharpe and final equity of the strategy and of ' +
    'buy-and-hold on the same bars (ratios to 6 decimals, money to 2), the excess annual return, and more ' +
    'metrics. The exposure decided at a close earns the next bar; costs are charged on turnover. The run is ' +
    'recorded in the database (run_id) unless AETHERQ_DATABASE_URL=none.';
  static override examples = [
    '<%= config.bin %> backtest SPY --period 2y',
    '<%= config.bin %> backtest --symbol SPY --period 2y',
    '<%= config.bin %> backtest --symbol SPY --provider csv --data-dir ../shared/data/market --start 2010-01-01 --end 2019-12-31 --fast 20 --slow 50',
    '<%= config.bin %> backtest --symbol QQQ --strategy rsi-reversion --param period=14 --param lower=25 --long-only --provider synthetic',
    '<%= config.bin %> backtest --symbols SPY,QQQ,TLT,GLD --allocation risk-parity --rebalance monthly --lookback 1y --period 10y',
    '<%= config.bin %> backtest --symbols SPY,QQQ,TLT --strategy ma-cross --allocation inverse-volatility --rebalance quarterly --period 5y',
    '<%= config.bin %> backtest --symbols SPY,QQQ,TLT,GLD,EFA --strategy top-momentum --param k=2 --period 10y',
  ];
  static override args = {
    symbol: symbolArgument('The symbol, as --symbol SPY; several (a portfolio) as --symbols: SPY,QQQ,TLT.'),
  };
  static override flags = {
    ...barSourceFlags,
    ...strategyFlags,
    ...tradingFlags,
    ...portfolioFlags,
    ...benchmarkFlags,
    ...AetherCommand.databaseUrlFlags,
    config: AetherCommand.configFlag,
    dotenv: AetherCommand.dotenvFlag,
    ...AetherCommand.remoteFlags,
  };

  async run(): Promise<BacktestReport | PortfolioBacktestReport> {
    const { flags } = await this.parse(BacktestCommand);
    const options = workflowRunOptions(flags);
    const report =
      flags.symbols === undefined
        ? await this.runUseCase(
            'backtest',
            {
              ...barSourceRequest(flags),
              ...tradingRequest(flags),
              strategy: flags.strategy,
              params: strategyParams(flags),
              ...benchmarkRequest(flags),
            },
            options,
          )
        : await this.runUseCase('portfolioBacktest', portfolioRequest(flags), options);
    if (flags.symbols === undefined) this.present('backtest', report as BacktestReport);
    else this.present('portfolioBacktest', report as PortfolioBacktestReport);
    return report;
  }
}

type BacktestFlags = Interfaces.InferredFlags<typeof BacktestCommand.flags>;

/**
 * `backtest --symbols …`: the portfolio backtest's request. With `--strategy` (or `--strategy-file`) it is a
 * universe backtest: the strategy on each symbol in weighted sleeves, or a universe strategy such as
 * top-momentum; `--symbol` alongside is refused, as are strategy parameters without a strategy.
 */
function portfolioRequest(flags: BacktestFlags) {
  const withStrategy = flags.strategy !== undefined || flags['strategy-file'] !== undefined;
  const refused = (
    withStrategy ? (['symbol'] as const) : (['symbol', 'fast', 'slow', 'param', 'long-only'] as const)
  ).filter((name) => flags[name] !== undefined && flags[name] !== false);
  if (refused.length > 0) {
    throw AetherError.invalid([
      {
        field: '--symbols',
        rule: withStrategy
          ? 'cannot be combined with --symbol (a universe runs the strategy on every symbol of --symbols)'
          : `cannot be combined with ${refused.map((name) => `--${name}`).join(', ')} without --strategy (a portfolio without a strategy allocates, it runs none)`,
      },
    ]);
  }
  const { symbol: _unused, ...market } = barSourceRequest(flags);
  return {
    ...market,
    ...tradingRequest(flags),
    symbols: symbolList(flags.symbols),
    allocation: flags.allocation,
    rebalance: numericFlag(flags.rebalance),
    lookback: flags.lookback,
    ...optimizerRequest(flags),
    ...(withStrategy ? { strategy: flags.strategy, params: strategyParams(flags) } : {}),
    ...benchmarkRequest(flags),
  };
}

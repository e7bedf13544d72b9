import { OPTIMIZATION_METHODS } from '@aetherquant/core';
import { type OptimizeReport } from '@aetherquant/workflows';
import * as Flags from '@oclif/core/flags';
import { AetherCommand, workflowRunOptions } from '../command/aether-command';
import { barSourceFlags, barSourceRequest } from '../flags/market-flags';
import { optimizerFlags, optimizerRequest, requiredSymbolsFlag, symbolList } from '../flags/portfolio-flags';
import { symbolArgument } from '../command/symbol-argument';

const { symbol: _symbol, ...marketFlags } = barSourceFlags;

export default class OptimizeCommand extends AetherCommand {
  static override useCases = ['optimize'] as const;
  static override summary =
    'Portfolio weights for several symbols: risk parity, mean-variance, min-variance, max-Sharpe or HRP.';
  static override description =
    'Aligns the symbols on their common calendar, estimates mean returns and covariance from their daily ' +
    'returns, and solves for the weights exactly (sum 1, each in [0, max-weight], or [−max-weight, max-weight] ' +
    'with --allow-short). Prints {method, symbols, weights, risk_contributions, expected_return, volatility, ' +
    'rows, run_id}; weights to 6 decimals.';
  static override examples = [
    '<%= config.bin %> optimize --symbols SPY,QQQ,TLT,GLD --period 5y',
    '<%= config.bin %> optimize --symbols SPY,QQQ,TLT,GLD --method mean-variance --risk-aversion 4 --max-weight 0.5',
  ];
  static override args = { symbol: symbolArgument('The symbols, as --symbols SPY,QQQ,TLT.') };
  static override flags = {
    symbols: requiredSymbolsFlag,
    method: Flags.string({
      summary: `Optimiser: ${OPTIMIZATION_METHODS.join(', ')} [default: risk-parity].`,
    }),
    ...optimizerFlags,
    ...marketFlags,
    ...AetherCommand.databaseUrlFlags,
    config: AetherCommand.configFlag,
    dotenv: AetherCommand.dotenvFlag,
    ...AetherCommand.remoteFlags,
  };

  async run(): Promise<OptimizeReport> {
    const { flags } = await this.parse(OptimizeCommand);
    const { symbol: _unused, ...market } = barSourceRequest(flags);
    const request = {
      ...market,
      symbols: symbolList(flags.symbols),
      method: flags.method,
      ...optimizerRequest(flags),
    };
    const report = await this.runUseCase('optimize', request, workflowRunOptions(flags));
    this.present('optimize', report);
    return report;
  }
}

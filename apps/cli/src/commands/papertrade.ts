import { LIVE_BROKER_PROVIDERS } from '@aetherquant/core';
import { type LiveTradeReport, type PapertradeReport } from '@aetherquant/workflows';
import * as Flags from '@oclif/core/flags';
import { AetherCommand, workflowRunOptions } from '../command/aether-command';
import { barSourceFlags, barSourceRequest, tradingFlags, tradingRequest } from '../flags/market-flags';
import { SECRET_FLAGS } from '../flags/secret-flags';
import { strategyFlags, strategyParams } from '../flags/strategy-flags';
import { benchmarkFlags, benchmarkRequest } from '../flags/benchmark-flag';
import { symbolArgument } from '../command/symbol-argument';

export default class PapertradeCommand extends AetherCommand {
  static override useCases = ['papertrade', 'liveTrade'] as const;
  static override summary =
    'Trade a strategy against the paper broker, or make one decision with a live broker.';
  static override description =
    "With the paper broker (default), replays the bars one by one: at each close the strategy's target is " +
    'sized against equity and the difference sent as one order (long-only, whole shares unless --fractional, ' +
    'filled with slippage and commission); prints {symbol, broker, orders_placed, start_equity, final_equity, ' +
    'cash, position, orders, run_id}. With --broker live, acts on the latest bar only: reads the account and ' +
    'the position, computes the one order needed, checks it against AETHERQ_MAX_ORDER_NOTIONAL and ' +
    'AETHERQ_MAX_POSITION_PCT, and sends it unless dry run (the default: AETHERQ_LIVE_BROKER_DRY_RUN); on data ' +
    'older than the latest complete bar it sends nothing and exits 4 unless --allow-stale; prints ' +
    '{symbol, broker, provider, dry_run, bar, order, reason, account, warnings?}. Broker flags fall back to the ' +
    'AETHERQ_LIVE_BROKER_* settings.';
  static override examples = [
    '<%= config.bin %> papertrade --symbol SPY --period 6mo',
    '<%= config.bin %> papertrade --symbol SPY --broker live --broker-provider alpaca --broker-endpoint https://paper-api.alpaca.markets',
  ];
  static override args = { symbol: symbolArgument('The symbol, as --symbol SPY.') };
  static override flags = {
    ...barSourceFlags,
    ...strategyFlags,
    ...tradingFlags,
    fractional: Flags.boolean({ summary: 'Paper: allow fractional shares.', default: false }),
    ...benchmarkFlags,
    broker: Flags.string({
      summary: 'paper (default) or live.',
      options: ['paper', 'live'],
      default: 'paper',
    }),
    'broker-provider': Flags.string({
      summary: `Live: ${LIVE_BROKER_PROVIDERS.join(', ')} [default: AETHERQ_LIVE_BROKER_PROVIDER].`,
    }),
    'broker-endpoint': Flags.string({
      summary: "Live: the broker's base URL [default: AETHERQ_LIVE_BROKER_ENDPOINT].",
    }),
    'broker-key-id': Flags.string({
      summary: 'Live (alpaca): the key id [default: AETHERQ_LIVE_BROKER_KEY_ID].',
    }),
    ...SECRET_FLAGS.brokerToken.flags,
    'dry-run': Flags.boolean({
      summary: 'Live: compute and report, send nothing [default: AETHERQ_LIVE_BROKER_DRY_RUN].',
      allowNo: true,
    }),
    'allow-stale': Flags.boolean({
      summary:
        'Live: send the order even when the newest bar is older than the latest complete one (otherwise exit 4); the output warns.',
      default: false,
    }),
    ...AetherCommand.databaseUrlFlags,
    config: AetherCommand.configFlag,
    dotenv: AetherCommand.dotenvFlag,
    ...AetherCommand.remoteFlags,
  };

  async run(): Promise<PapertradeReport | LiveTradeReport> {
    const { flags } = await this.parse(PapertradeCommand);
    const options = workflowRunOptions(flags);
    const strategy = { strategy: flags.strategy, params: strategyParams(flags) };
    const report =
      flags.broker === 'live'
        ? await this.runUseCase(
            'liveTrade',
            {
              ...barSourceRequest(flags),
              ...strategy,
              broker_provider: flags['broker-provider'],
              broker_endpoint: flags['broker-endpoint'],
              broker_key_id: flags['broker-key-id'],
              broker_token: (await SECRET_FLAGS.brokerToken.read(flags))?.value,
              dry_run: flags['dry-run'],
              allow_stale: flags['allow-stale'],
            },
            options,
          )
        : await this.runUseCase(
            'papertrade',
            {
              ...barSourceRequest(flags),
              ...tradingRequest(flags),
              ...strategy,
              fractional: flags.fractional,
              ...benchmarkRequest(flags),
            },
            options,
          );
    if (flags.broker === 'live') this.present('liveTrade', report as LiveTradeReport);
    else this.present('papertrade', report as PapertradeReport);
    return report;
  }
}

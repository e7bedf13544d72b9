import { AetherError, type FieldViolation, type LiveTradeReport } from '@aetherquant/core';
import { barFreshness, type BarFreshness, createLiveBroker, planLiveOrder } from '@aetherquant/execution';
import { clipLongOnly, requireBars } from '@aetherquant/strategies';
import { prepareStrategyRun } from '../backtest/prepare-strategy-run';
import { resolveRequestParams } from '../backtest/request-params';
import { defineWorkflow } from '../workflow/workflow';

/** What a live decision reports: core's `liveTradeReportSchema`. */
export type { LiveTradeReport };

/**
 * One live decision: the strategy's target on the latest bar, the account and position read from the broker,
 * the one order needed to reach the target, checked against the pre-trade limits, and sent unless dry run
 * (the default). Its client order id is deterministic (strategy, symbol, bar time): running it twice for the
 * same bar never places a second order.
 *
 * The decision must rest on the latest complete bar of its interval (see `barFreshness`): on older data a
 * live run is refused with DATA_UNAVAILABLE before the broker is asked anything, unless `allow_stale`; a dry
 * run, or a run with `allow_stale`, goes ahead with a warning that says so.
 */
export const liveTradeWorkflow = defineWorkflow('liveTrade', {
  async run(request, context): Promise<LiveTradeReport> {
    const { settings } = context;
    const live = settings.liveBroker;
    const provider = request.broker_provider ?? live.provider;
    const endpoint = request.broker_endpoint ?? live.endpoint;
    const token = request.broker_token ?? live.token;
    const keyId = request.broker_key_id ?? live.keyId;
    const violations: FieldViolation[] = [];
    const require = (value: string | undefined, field: string, variable: string) => {
      if (value === undefined)
        violations.push({ field, rule: `is required for a live broker (or set ${variable})` });
    };
    require(endpoint, 'broker_endpoint', 'AETHERQ_LIVE_BROKER_ENDPOINT');
    require(token, 'broker_token', 'AETHERQ_LIVE_BROKER_TOKEN');
    if (provider === 'alpaca') require(keyId, 'broker_key_id', 'AETHERQ_LIVE_BROKER_KEY_ID');
    if (violations.length > 0) throw AetherError.invalid(violations, 'live broker');

    // Built first: a bad endpoint (such as http:// to another host) is refused before any data is loaded.
    const broker = createLiveBroker({
      provider,
      endpoint: endpoint as string,
      token: token as string,
      keyId,
      allowInsecure: live.allowInsecure,
    });
    // The strategy decides on the latest bar: the bars it needs before the window are loaded too, so it is
    // ready there however short the requested period.
    let params: Record<string, number> = {};
    const {
      strategy,
      series,
      warnings: dataWarnings,
    } = await prepareStrategyRun({ ...request, long_only: true }, context, (strategy) => {
      params = resolveRequestParams(strategy, request.params);
      return strategy.warmupBars(params);
    });
    requireBars(series, strategy, params);
    const targets = clipLongOnly(strategy.targets(series, params));
    const last = series.length - 1;
    const dryRun = request.dry_run ?? live.dryRun;
    const freshness = barFreshness({
      interval: series.interval,
      newestBarTime: series.time[last] as number,
      now: context.now?.() ?? Date.now(),
    });
    const warnings = [
      ...dataWarnings,
      ...staleDataWarnings({
        symbol: series.symbol,
        freshness,
        interval: series.interval.name,
        dryRun,
        allowStale: request.allow_stale,
      }),
    ];
    const plan = await planLiveOrder({
      broker,
      symbol: series.symbol,
      strategy: strategy.name,
      barTime: series.time[last] as number,
      close: series.close[last] as number,
      target: targets[last] as number,
      limits: {
        maxOrderNotional: settings.limits.maxOrderNotional,
        maxPositionPct: settings.limits.maxPositionPct,
      },
      dryRun,
    });
    return {
      symbol: series.symbol,
      broker: 'live',
      provider,
      dry_run: dryRun,
      bar: freshness.newestBar,
      order:
        plan.order === null
          ? null
          : {
              client_order_id: plan.order.clientOrderId,
              side: plan.order.side,
              quantity: plan.order.quantity,
              price: plan.order.price,
              status: plan.result?.status ?? 'not sent',
              ...(plan.result?.brokerOrderId === undefined
                ? {}
                : { broker_order_id: plan.result.brokerOrderId }),
            },
      reason: plan.reason,
      account: plan.account,
      ...(warnings.length > 0 ? { warnings } : {}),
    };
  },
});

/**
 * The warnings stale data earns a run that may go ahead (a dry run, or `allow_stale`); DATA_UNAVAILABLE
 * (exit 4 on the CLI) for a live run that may not, so no order is ever sized from an old close unasked.
 */
function staleDataWarnings(input: {
  symbol: string;
  interval: string;
  freshness: BarFreshness;
  dryRun: boolean;
  allowStale: boolean;
}): string[] {
  const { symbol, interval, freshness, dryRun, allowStale } = input;
  if (!freshness.stale) return [];
  const what =
    `the newest ${symbol} ${interval} bar is ${freshness.newestBar}, older than the latest complete bar ` +
    `expected now (${freshness.expectedBar})`;
  if (dryRun) return [`stale data: ${what}; a live run would refuse it unless allow_stale (--allow-stale)`];
  if (allowStale)
    return [`stale data allowed (allow_stale, --allow-stale): ${what}; the order was sized from it`];
  throw new AetherError(
    'DATA_UNAVAILABLE',
    `stale data: ${what}; no order was sent. Load data up to ${freshness.expectedBar}, or set allow_stale ` +
      '(--allow-stale) to trade on it anyway',
    { newest_bar: freshness.newestBar, expected_bar: freshness.expectedBar },
  );
}

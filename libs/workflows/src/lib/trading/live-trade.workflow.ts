import { AetherError, type FieldViolation, liveTradeRequestSchema } from '@aetherquant/core';
import { type Account, createLiveBroker, planLiveOrder } from '@aetherquant/execution';
import { clipLongOnly, requireBars } from '@aetherquant/strategies';
import { prepareStrategyRun } from '../backtest/prepare-strategy-run';
import { resolveRequestParams } from '../backtest/request-params';
import { defineWorkflow } from '../workflow/workflow';

export interface LiveTradeReport {
  symbol: string;
  broker: 'live';
  provider: string;
  dry_run: boolean;
  /** The order needed to reach the target on the latest bar, or null when none is (or when refused). */
  order: {
    client_order_id: string;
    side: string;
    quantity: number;
    price: number;
    status: string;
    broker_order_id?: string;
  } | null;
  /** What happened: sent, already at target, dry run, refused by a pre-trade check (and why), duplicate. */
  reason: string;
  account: Account;
}

/**
 * One live decision: the strategy's target on the latest bar, the account and position read from the broker,
 * the one order needed to reach the target, checked against the pre-trade limits, and sent unless dry run
 * (the default). Its client order id is deterministic (strategy, symbol, bar time): running it twice for the
 * same bar never places a second order.
 */
export const liveTradeWorkflow = defineWorkflow({
  name: 'live trade',
  permission: 'livetrade',
  request: liveTradeRequestSchema,
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

    const { strategy, series } = await prepareStrategyRun({ ...request, long_only: true }, context);
    const params = resolveRequestParams(strategy, request.params);
    requireBars(series, strategy, params);
    const targets = clipLongOnly(strategy.targets(series, params));
    const last = series.length - 1;
    const dryRun = request.dry_run ?? live.dryRun;
    const broker = createLiveBroker({
      provider,
      endpoint: endpoint as string,
      token: token as string,
      keyId,
    });
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
    };
  },
});

import {
  type AuditEventView,
  type ListedRunView,
  type OrderView,
  type RunDetailView,
  type RunView,
} from '@aetherquant/core';
import {
  type AuditEvent,
  type ListedRun,
  type RunDetail,
  type RunSummary,
  type StoredOrder,
} from '@aetherquant/persistence';

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

export function runView(run: RunSummary): RunView {
  return {
    id: run.id,
    created_at: run.createdAt.toISOString(),
    type: run.type,
    symbols: run.symbols,
    period: run.period,
    interval: run.interval,
    start: iso(run.start),
    end: iso(run.end),
    parameters: run.parameters,
    final_equity: run.finalEquity,
    orders_placed: run.ordersPlaced,
    status: run.status,
    duration_ms: run.durationMs,
    job_id: run.jobId,
    data_hash: run.dataHash,
  };
}

function orderView(order: StoredOrder): OrderView {
  return {
    id: order.id,
    symbol: order.symbol,
    side: order.side,
    quantity: order.quantity,
    price: order.price,
    commission: order.commission,
    timestamp: order.timestamp.toISOString(),
    client_order_id: order.clientOrderId,
    status: order.status,
  };
}

export function listedRunView(run: ListedRun): ListedRunView {
  return { ...runView(run), orders: run.orders.map(orderView) };
}

export function runDetailView(run: RunDetail): RunDetailView {
  return { ...listedRunView(run), result: run.result, metrics: run.metrics, spec: run.spec };
}

export function auditEventView(event: AuditEvent): AuditEventView {
  return {
    id: event.id,
    created_at: event.createdAt.toISOString(),
    last_at: event.lastAt.toISOString(),
    count: event.count,
    method: event.method,
    path: event.path,
    status_code: event.statusCode,
    request_id: event.requestId,
    actor_role: event.actorRole,
    key_name: event.keyName,
    duration_ms: event.durationMs,
    client_ip: event.clientIp,
  };
}

import {
  type AuditEvent,
  type ListedRun,
  type RunDetail,
  type RunSummary,
  type StoredOrder,
} from '@aetherquant/persistence';

/** A run as the CLI prints it and the API returns it: snake_case, ISO-8601 times. */
export interface RunView {
  id: string;
  created_at: string;
  type: string;
  symbols: string[];
  period: string | null;
  interval: string | null;
  start: string | null;
  end: string | null;
  parameters: Record<string, unknown>;
  final_equity: number | null;
  orders_placed: number;
  status: string;
  duration_ms: number;
}

export interface OrderView {
  id: number;
  symbol: string;
  side: string;
  quantity: number;
  price: number;
  commission: number;
  timestamp: string;
  client_order_id: string | null;
  status: string;
}

/** A run as lists show it: with its orders (paper runs place them). */
export interface ListedRunView extends RunView {
  orders: OrderView[];
}

export interface RunDetailView extends ListedRunView {
  result: unknown;
  metrics: Record<string, number | null>;
}

export interface AuditEventView {
  id: number;
  created_at: string;
  method: string;
  path: string;
  status_code: number;
  request_id: string;
  actor_role: string | null;
  duration_ms: number;
  client_ip: string | null;
}

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
  return { ...listedRunView(run), result: run.result, metrics: run.metrics };
}

export function auditEventView(event: AuditEvent): AuditEventView {
  return {
    id: event.id,
    created_at: event.createdAt.toISOString(),
    method: event.method,
    path: event.path,
    status_code: event.statusCode,
    request_id: event.requestId,
    actor_role: event.actorRole,
    duration_ms: event.durationMs,
    client_ip: event.clientIp,
  };
}

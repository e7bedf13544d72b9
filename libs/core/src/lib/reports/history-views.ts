// Types only: recorded runs and audit events as the CLI prints them and the API returns them.

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

/** Recorded runs, newest first (`db runs`, `GET /api/runs`). */
export interface RunsReport {
  runs: ListedRunView[];
}

export interface AuditEventView {
  id: number;
  /** When the request (the first of a coalesced run) arrived. */
  created_at: string;
  /** When the last request of a coalesced run arrived; `created_at` for a single request. */
  last_at: string;
  /** How many identical refused requests from one client this row stands for; 1 for a single request. */
  count: number;
  method: string;
  path: string;
  status_code: number;
  /** The request id (of the first request of a coalesced run). */
  request_id: string;
  actor_role: string | null;
  /** The name of the API key presented: `trader`, `admin`, or a name from the keys file. */
  key_name: string | null;
  /** The request's duration (the longest of a coalesced run). */
  duration_ms: number;
  client_ip: string | null;
}

/** API requests as the audit log holds them, newest first (`db audit`, `GET /api/audit`). */
export interface AuditReport {
  events: AuditEventView[];
}

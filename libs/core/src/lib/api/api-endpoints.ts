import { z } from 'zod';
import { type Permission } from '../access/access-policy';
import { backtestRequestSchema, sweepRequestSchema } from '../requests/backtest-request';
import { fetchRequestSchema } from '../requests/fetch-request';
import {
  getRunRequestSchema,
  listAuditRequestSchema,
  listRunsRequestSchema,
} from '../requests/history-requests';
import { optimizeRequestSchema, portfolioBacktestRequestSchema } from '../requests/portfolio-requests';
import { papertradeRequestSchema } from '../requests/trading-requests';

// A remote caller must never make the server read a folder (`data_dir`) or write a file (`output`) of its
// choosing: the API's request schemas are the CLI's without those fields, so they are refused as unknown.
const serverPath = { data_dir: true } as const;

/** `GET /api/bars`: the bars `aetherquant fetch` would load, returned rather than written. */
export const barsRequestSchema = fetchRequestSchema.omit({ ...serverPath, output: true });
export const apiBacktestRequestSchema = backtestRequestSchema.omit(serverPath);
export const apiPortfolioBacktestRequestSchema = portfolioBacktestRequestSchema.omit(serverPath);
export const apiPapertradeRequestSchema = papertradeRequestSchema.omit(serverPath);
export const apiOptimizeRequestSchema = optimizeRequestSchema.omit(serverPath);
export const apiSweepRequestSchema = sweepRequestSchema.omit(serverPath);
/** The request of a use case that takes no input (`GET /api/strategies`, `GET /api/keycheck`). */
export const emptyRequestSchema = z.object({}).strict();

export type HttpMethod = 'GET' | 'POST';

/** One route of the REST API: the single description its controller, guard, OpenAPI document and clients share. */
export interface ApiEndpoint {
  readonly method: HttpMethod;
  /** Express-style, `:name` for a path parameter. */
  readonly path: string;
  readonly permission: Permission;
  /** Where the request's fields travel: a JSON body, or the query string (and path parameters). */
  readonly input: 'body' | 'query';
  /** The schemas that validate a request; the first whose discriminating field is present wins (see `variants`). */
  readonly request: z.ZodObject;
  /** Other request shapes on the same route, told apart by one field the main shape lacks. */
  readonly variants?: readonly {
    readonly when: string;
    readonly request: z.ZodObject;
    readonly name: string;
  }[];
  readonly summary: string;
  readonly description: string;
}

/**
 * Every `/api` route. Bodies and queries mirror the CLI's flags in snake_case; responses mirror its JSON.
 * The role a route needs follows from its permission (see the access policy).
 */
export const API_ENDPOINTS = {
  keycheck: {
    method: 'GET',
    path: '/api/keycheck',
    permission: 'keycheck',
    input: 'query',
    request: emptyRequestSchema,
    summary: 'Which role the key holds',
    description: 'Answers `{status:"ok", role}` for a valid key (or any caller when the API is open).',
  },
  strategies: {
    method: 'GET',
    path: '/api/strategies',
    permission: 'strategies',
    input: 'query',
    request: emptyRequestSchema,
    summary: 'The strategies and their parameters',
    description: 'Each strategy with its parameter schema: bounds, integer or not, and defaults.',
  },
  bars: {
    method: 'GET',
    path: '/api/bars',
    permission: 'fetch',
    input: 'query',
    request: barsRequestSchema,
    summary: 'Market data bars',
    description:
      'The bars of one symbol from the chosen provider, ascending, as columns (`time`, `open`, …) with the summary `aetherquant fetch` prints.',
  },
  backtest: {
    method: 'POST',
    path: '/api/backtest',
    permission: 'backtest',
    input: 'body',
    request: apiBacktestRequestSchema,
    variants: [{ when: 'symbols', request: apiPortfolioBacktestRequestSchema, name: 'portfolio backtest' }],
    summary: 'Backtest a strategy, or a rebalanced portfolio',
    description:
      'With `symbol`, a strategy against buy-and-hold (as `aetherquant backtest`); with `symbols`, a rebalanced portfolio against equal weights (as `aetherquant backtest --symbols`). The response carries the figures, the recorded run id, and `chart`: time, equity, benchmark and drawdown downsampled to at most 2,000 points.',
  },
  papertrade: {
    method: 'POST',
    path: '/api/papertrade',
    permission: 'papertrade',
    input: 'body',
    request: apiPapertradeRequestSchema,
    summary: 'Paper-trade a strategy',
    description:
      'The strategy replayed bar by bar against the paper broker (the only broker the API offers); the report, its orders and `chart`.',
  },
  optimize: {
    method: 'POST',
    path: '/api/optimize',
    permission: 'optimize',
    input: 'body',
    request: apiOptimizeRequestSchema,
    summary: 'Optimise portfolio weights',
    description:
      'Weights of several symbols by risk parity, mean-variance, minimum variance, maximum Sharpe or HRP.',
  },
  sweep: {
    method: 'POST',
    path: '/api/sweep',
    permission: 'sweep',
    input: 'body',
    request: apiSweepRequestSchema,
    summary: 'Sweep a parameter grid',
    description:
      'Every combination of the grid backtested, ranked by one metric; at most 20,000 combinations.',
  },
  runs: {
    method: 'GET',
    path: '/api/runs',
    permission: 'runs',
    input: 'query',
    request: listRunsRequestSchema,
    summary: 'Recorded runs, newest first',
    description: 'Each run without its result; page with `before` (the id of the last run shown).',
  },
  run: {
    method: 'GET',
    path: '/api/runs/:id',
    permission: 'runs',
    input: 'query',
    request: getRunRequestSchema,
    summary: 'One recorded run',
    description: 'The run with its parameters, result, metrics and orders.',
  },
  audit: {
    method: 'GET',
    path: '/api/audit',
    permission: 'audit',
    input: 'query',
    request: listAuditRequestSchema,
    summary: 'The audit log, newest first',
    description: 'Every `/api` request: method, path, status, request id, role, duration and client IP.',
  },
} as const satisfies Record<string, ApiEndpoint>;

export type ApiEndpointName = keyof typeof API_ENDPOINTS;

/** `/api/runs/:id` with `{ id: 'x' }` → `/api/runs/x` (each value URI-encoded). */
export function endpointPath(path: string, parameters: Readonly<Record<string, string>> = {}): string {
  return path.replace(/:([A-Za-z_]+)/g, (_match, name: string) => {
    const value = parameters[name];
    if (value === undefined) throw new TypeError(`path parameter ${name} is missing`);
    return encodeURIComponent(value);
  });
}

/** The request shape `input` is meant as: a variant when its discriminating field is present, else the main one. */
export function requestSchemaFor(
  endpoint: ApiEndpoint,
  input: unknown,
): { request: z.ZodObject; variant?: string } {
  if (typeof input === 'object' && input !== null) {
    for (const variant of endpoint.variants ?? []) {
      // Own properties only: the input is the client's, and every object "has" `constructor`.
      if (Object.hasOwn(input, variant.when)) return { request: variant.request, variant: variant.name };
    }
  }
  return { request: endpoint.request };
}

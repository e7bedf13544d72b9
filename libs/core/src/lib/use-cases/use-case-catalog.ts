import { z } from 'zod';
import { backtestReportSchema } from '../reports/backtest-report';
import { barsReportSchema } from '../reports/bars-report';
import { databaseStatusSchema } from '../reports/database-status';
import { auditReportSchema, runDetailViewSchema, runsReportSchema } from '../reports/history-views';
import { keycheckReportSchema } from '../reports/keycheck-report';
import { liveTradeReportSchema } from '../reports/live-trade-report';
import { papertradeReportSchema } from '../reports/papertrade-report';
import { optimizeReportSchema, portfolioBacktestReportSchema } from '../reports/portfolio-reports';
import { fetchResultSchema, signalResultSchema } from '../reports/signal-and-fetch';
import { strategiesReportSchema } from '../reports/strategies-report';
import { sweepReportSchema, walkForwardReportSchema } from '../reports/sweep-reports';
import {
  backtestRequestSchema,
  sweepRequestSchema,
  walkForwardRequestSchema,
} from '../requests/backtest-request';
import { fetchRequestSchema } from '../requests/fetch-request';
import {
  getRunRequestSchema,
  initDatabaseRequestSchema,
  listAuditRequestSchema,
  listRunsRequestSchema,
} from '../requests/history-requests';
import { optimizeRequestSchema, portfolioBacktestRequestSchema } from '../requests/portfolio-requests';
import { signalRequestSchema } from '../requests/signal-request';
import { liveTradeRequestSchema, papertradeRequestSchema } from '../requests/trading-requests';
import { type UseCase } from './use-case';

// A remote caller must never make the server read a folder (`data_dir`) or write a file (`output`) of its
// choosing: the API's request schemas are the CLI's without those fields, so they are refused as unknown.
const serverPath = { data_dir: true } as const;

/** `GET /api/bars`: the bars `aetherquant fetch` would load, returned rather than written. */
export const barsRequestSchema = fetchRequestSchema.omit({ ...serverPath, output: true });
/** The request of a use case that takes no input (`GET /api/strategies`, `GET /api/keycheck`). */
export const emptyRequestSchema = z.object({}).strict();

/**
 * Every use case of AetherQuant, by name: the one table the API's routes and permission guard, the OpenAPI
 * document, `@aetherquant/client`, the CLI's local and remote modes and the job queue are derived from
 * (`@aetherquant/workflows` holds an implementation for each entry, checked by type). Bodies and queries
 * mirror the CLI's flags in snake_case; responses mirror its `--json` output.
 */
export const USE_CASES = {
  signal: {
    title: 'signal',
    summary: 'Classify a return as buy, sell or hold',
    description: 'Buy when the return is strictly above +threshold, sell below -threshold, hold otherwise.',
    permission: 'signal',
    request: signalRequestSchema,
    response: signalResultSchema,
    records: false,
    job: false,
    weight: 'light',
    limits: [],
  },
  fetch: {
    title: 'fetch',
    summary: 'Load market data bars and write them to a file',
    description: 'The bars of one symbol from the chosen provider, written as CSV or JSON; prints a summary.',
    permission: 'fetch',
    request: fetchRequestSchema,
    response: fetchResultSchema,
    records: false,
    job: false,
    weight: 'compute',
    limits: ['maxBars'],
  },
  bars: {
    title: 'bars',
    summary: 'Market data bars',
    description:
      'The bars of one symbol from the chosen provider, ascending, as columns (`time`, `open`, …) with the summary `aetherquant fetch` prints.',
    permission: 'fetch',
    request: barsRequestSchema,
    response: barsReportSchema,
    records: false,
    job: false,
    weight: 'compute',
    limits: ['maxBars'],
    http: { method: 'GET', path: '/api/bars', input: 'query', request: barsRequestSchema },
  },
  strategies: {
    title: 'strategies',
    summary: 'The strategies and their parameters',
    description: 'Each strategy with its parameter schema: bounds, integer or not, and defaults.',
    permission: 'strategies',
    request: emptyRequestSchema,
    response: strategiesReportSchema,
    records: false,
    job: false,
    weight: 'light',
    limits: [],
    http: { method: 'GET', path: '/api/strategies', input: 'query', request: emptyRequestSchema },
  },
  keycheck: {
    title: 'keycheck',
    summary: 'Which role the key holds',
    description: 'Answers `{status:"ok", role}` for a valid key (or any caller when the API is open).',
    permission: 'keycheck',
    request: emptyRequestSchema,
    response: keycheckReportSchema,
    records: false,
    job: false,
    weight: 'light',
    limits: [],
    http: { method: 'GET', path: '/api/keycheck', input: 'query', request: emptyRequestSchema },
    appOnly: true,
  },
  backtest: {
    title: 'backtest',
    summary: 'Backtest a strategy, or a rebalanced portfolio',
    description:
      'With `symbol`, a strategy against buy-and-hold (as `aetherquant backtest`); with `symbols`, a rebalanced portfolio against equal weights (as `aetherquant backtest --symbols`). The response carries the figures, the recorded run id, and `chart`: time, equity, benchmark and drawdown downsampled to at most 2,000 points.',
    permission: 'backtest',
    request: backtestRequestSchema,
    response: backtestReportSchema,
    records: 'backtest',
    job: true,
    weight: 'compute',
    limits: ['maxBars'],
    http: {
      method: 'POST',
      path: '/api/backtest',
      input: 'body',
      request: backtestRequestSchema.omit(serverPath),
    },
  },
  portfolioBacktest: {
    title: 'portfolio backtest',
    summary: 'Backtest a rebalanced portfolio',
    description:
      'Several symbols rebalanced to weights from an allocation method, against equal weights; sent to `POST /api/backtest` with `symbols`.',
    permission: 'backtest',
    request: portfolioBacktestRequestSchema,
    response: portfolioBacktestReportSchema,
    records: 'backtest',
    job: true,
    weight: 'compute',
    limits: ['maxSymbols', 'maxBars', 'maxPortfolioBars'],
    http: {
      method: 'POST',
      path: '/api/backtest',
      input: 'body',
      request: portfolioBacktestRequestSchema.omit(serverPath),
      when: 'symbols',
    },
  },
  papertrade: {
    title: 'papertrade',
    summary: 'Paper-trade a strategy',
    description:
      'The strategy replayed bar by bar against the paper broker (the only broker the API offers); the report, its orders and `chart`.',
    permission: 'papertrade',
    request: papertradeRequestSchema,
    response: papertradeReportSchema,
    records: 'papertrade',
    job: true,
    weight: 'compute',
    limits: ['maxBars'],
    http: {
      method: 'POST',
      path: '/api/papertrade',
      input: 'body',
      request: papertradeRequestSchema.omit(serverPath),
    },
  },
  liveTrade: {
    title: 'live trade',
    summary: 'Trade the latest bar with a live broker',
    description:
      'One decision on the newest bar: the order that reaches the strategy target, checked against the pre-trade limits, sent unless dry run.',
    permission: 'livetrade',
    request: liveTradeRequestSchema,
    response: liveTradeReportSchema,
    records: false,
    job: false,
    weight: 'compute',
    limits: ['maxBars'],
    localOnly: {
      field: 'broker',
      rule: 'must be paper with --api-url (live trading runs only where the broker credentials are)',
    },
  },
  optimize: {
    title: 'optimize',
    summary: 'Optimise portfolio weights',
    description:
      'Weights of several symbols by risk parity, mean-variance, minimum variance, maximum Sharpe or HRP.',
    permission: 'optimize',
    request: optimizeRequestSchema,
    response: optimizeReportSchema,
    records: 'optimize',
    job: true,
    weight: 'compute',
    limits: ['maxSymbols', 'maxBars', 'maxPortfolioBars'],
    http: {
      method: 'POST',
      path: '/api/optimize',
      input: 'body',
      request: optimizeRequestSchema.omit(serverPath),
    },
  },
  sweep: {
    title: 'sweep',
    summary: 'Sweep a parameter grid',
    description:
      'Every combination of the grid backtested, ranked by one metric; at most 20,000 combinations.',
    permission: 'sweep',
    request: sweepRequestSchema,
    response: sweepReportSchema,
    records: 'sweep',
    job: true,
    weight: 'compute',
    limits: ['maxBars', 'maxSweepCombinations'],
    http: { method: 'POST', path: '/api/sweep', input: 'body', request: sweepRequestSchema.omit(serverPath) },
  },
  walkForward: {
    title: 'walk-forward',
    summary: 'Walk-forward analysis of a strategy',
    description:
      'The grid searched on each training window and its best parameters scored on the following test window.',
    permission: 'sweep',
    request: walkForwardRequestSchema,
    response: walkForwardReportSchema,
    records: 'walk-forward',
    job: true,
    weight: 'compute',
    limits: ['maxBars', 'maxSweepCombinations', 'maxWalkForwardWindows'],
  },
  runs: {
    title: 'runs',
    summary: 'Recorded runs, newest first',
    description: 'Each run without its result; page with `before` (the id of the last run shown).',
    permission: 'runs',
    request: listRunsRequestSchema,
    response: runsReportSchema,
    records: false,
    job: false,
    weight: 'light',
    limits: [],
    http: { method: 'GET', path: '/api/runs', input: 'query', request: listRunsRequestSchema },
  },
  run: {
    title: 'run',
    summary: 'One recorded run',
    description: 'The run with its parameters, result, metrics and orders.',
    permission: 'runs',
    request: getRunRequestSchema,
    response: runDetailViewSchema,
    records: false,
    job: false,
    weight: 'light',
    limits: [],
    http: { method: 'GET', path: '/api/runs/:id', input: 'query', request: getRunRequestSchema },
  },
  audit: {
    title: 'audit',
    summary: 'The audit log, newest first',
    description: 'Every `/api` request: method, path, status, request id, role, duration and client IP.',
    permission: 'audit',
    request: listAuditRequestSchema,
    response: auditReportSchema,
    records: false,
    job: false,
    weight: 'light',
    limits: [],
    http: { method: 'GET', path: '/api/audit', input: 'query', request: listAuditRequestSchema },
  },
  initDatabase: {
    title: 'db init',
    summary: 'Create or upgrade the database schema',
    description: "The settings' database brought to the current schema (a no-op when it is current).",
    permission: 'database',
    request: initDatabaseRequestSchema,
    response: databaseStatusSchema,
    records: false,
    job: false,
    weight: 'light',
    limits: [],
  },
} as const satisfies Record<string, UseCase>;

export type UseCaseName = keyof typeof USE_CASES;
export const USE_CASE_NAMES = Object.keys(USE_CASES) as UseCaseName[];

/** The use cases reachable over HTTP. */
export type HttpUseCaseName = {
  [Name in UseCaseName]: (typeof USE_CASES)[Name] extends { http: object } ? Name : never;
}[UseCaseName];

/** What a caller sends to use case `Name` (the CLI's and library callers' shape, before defaults). */
export type UseCaseInput<Name extends UseCaseName> = z.input<(typeof USE_CASES)[Name]['request']>;
/** What use case `Name` resolves with. */
export type UseCaseOutput<Name extends UseCaseName> = z.output<(typeof USE_CASES)[Name]['response']>;
/** What a remote caller sends to use case `Name` over HTTP. */
export type HttpUseCaseInput<Name extends HttpUseCaseName> = z.input<
  (typeof USE_CASES)[Name]['http']['request']
>;

/** The use case called `name`, or undefined for a name that is not one (own keys only: names come from clients). */
export function findUseCase(name: string): UseCase | undefined {
  return Object.hasOwn(USE_CASES, name) ? (USE_CASES as Record<string, UseCase>)[name] : undefined;
}

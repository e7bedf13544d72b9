import { z } from 'zod';
import { backtestReportSchema } from '../reports/backtest-report';
import { barsReportSchema } from '../reports/bars-report';
import { databaseStatusSchema } from '../reports/database-status';
import { auditReportSchema, runDetailViewSchema, runsReportSchema } from '../reports/history-views';
import { keycheckReportSchema } from '../reports/keycheck-report';
import { runReportSchema } from '../reports/run-report';
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
import { runReportRequestSchema } from '../requests/run-report-request';
import { signalRequestSchema } from '../requests/signal-request';
import { liveTradeRequestSchema, papertradeRequestSchema } from '../requests/trading-requests';
import {
  jobIdRequestSchema,
  jobReportSchema,
  jobsReportSchema,
  jobSubmissionSchema,
  listJobsRequestSchema,
} from '../jobs/job-schemas';
import { type UseCase } from './use-case';

// A remote caller must never make the server read a folder (`data_dir`) or write a file (`output`) of its
// choosing: the API's request schemas are the CLI's without those fields, so they are refused as unknown.
const serverPath = { data_dir: true } as const;
/** Fields naming files this machine writes: also refused from remote callers. */
const serverFiles = { output: true } as const;

/**
 * `GET /api/bars`: the bars `aetherquant fetch` would load for one symbol, returned rather than written (so
 * neither a folder to fill, `symbols`, nor a symbol made optional by it).
 */
export const barsRequestSchema = fetchRequestSchema
  .omit({ ...serverPath, ...serverFiles, symbols: true })
  .extend({ symbol: z.string() });
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
    weight: 'light',
    limits: [],
  },
  fetch: {
    title: 'fetch',
    summary: 'Load market data bars and write them to a file, or a folder',
    description:
      'The bars of one symbol from the chosen provider, written as CSV; or of several, each written to (or appended to) its `<SYMBOL>.csv` in a folder. Prints a summary.',
    permission: 'fetch',
    request: fetchRequestSchema,
    response: fetchResultSchema,
    records: false,
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
      'Several symbols rebalanced to weights from an allocation method, against equal weights; with `strategy`, a universe backtest: a single-asset strategy run on each symbol in weighted sleeves, or a universe strategy such as `top-momentum` (docs/backtest.md). Sent to `POST /api/backtest` with `symbols`.',
    permission: 'backtest',
    request: portfolioBacktestRequestSchema,
    response: portfolioBacktestReportSchema,
    records: 'backtest',
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
    weight: 'compute',
    limits: ['maxBars', 'maxSweepCombinations', 'maxWalkForwardWindows'],
    localOnly: {
      field: 'api_url',
      rule: 'runs a walk-forward on the server only as a job: add --detach',
    },
  },
  runs: {
    title: 'runs',
    summary: 'Recorded runs, newest first',
    description: 'Each run without its result; page with `before` (the id of the last run shown).',
    permission: 'runs',
    request: listRunsRequestSchema,
    response: runsReportSchema,
    records: false,
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
    weight: 'light',
    limits: [],
    http: { method: 'GET', path: '/api/runs/:id', input: 'query', request: getRunRequestSchema },
  },
  runReport: {
    title: 'report',
    summary: "A run's report: an HTML tearsheet, or its trades or equity as CSV",
    description:
      "One self-contained HTML page (no script, no external URL) of a recorded run: its recorded figures against the benchmark, equity (linear and log) with the trades on the price, drawdowns, monthly and yearly returns, rolling Sharpe ratio and volatility, the return distribution, the trade list, weights, a sweep's grid or walk-forward windows, the spec and the data's hash. The curves and trades come from a rerun of the run's spec (a warning says so if the data changed since). With `format=csv` and `table`, the trades or the equity curve as CSV. Answered as the document itself.",
    permission: 'runs',
    request: runReportRequestSchema,
    response: runReportSchema,
    records: false,
    weight: 'compute',
    limits: [],
    http: {
      method: 'GET',
      path: '/api/runs/:id/report',
      input: 'query',
      request: runReportRequestSchema,
      document: true,
    },
  },
  audit: {
    title: 'audit',
    summary: 'The audit log, newest first',
    description: 'Every `/api` request: method, path, status, request id, role, duration and client IP.',
    permission: 'audit',
    request: listAuditRequestSchema,
    response: auditReportSchema,
    records: false,
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
    weight: 'light',
    limits: [],
  },
  submitJob: {
    title: 'job submission',
    summary: 'Submit a long use case as a job',
    description:
      'Queues a backtest, portfolio backtest, papertrade, optimisation, sweep or walk-forward and answers at once with the job (202, `Location` its URL). Its id derives from the request and the data it reads: the same work submitted again returns the existing job, or its result, and runs nothing new (a failed or cancelled one runs again). Needs the permission of the use case it runs too; jobs take far larger requests than the endpoints that answer at once (a sweep: `AETHERQ_JOB_MAX_SWEEP_CELLS`), within per-key quotas of jobs and cells.',
    permission: 'jobs',
    request: jobSubmissionSchema,
    response: jobReportSchema,
    records: false,
    weight: 'light',
    limits: [],
    http: {
      method: 'POST',
      path: '/api/jobs',
      input: 'body',
      request: jobSubmissionSchema,
      accepted: { location: '/api/jobs/:job_id' },
    },
  },
  job: {
    title: 'job',
    summary: 'One job: status, progress and result',
    description:
      'The job with its progress (cells done of all, ETA) and, once completed, its result and the run recording it. A trader reads their own jobs; an admin, all.',
    permission: 'jobs',
    request: jobIdRequestSchema,
    response: jobReportSchema,
    records: false,
    weight: 'light',
    limits: [],
    http: { method: 'GET', path: '/api/jobs/:id', input: 'query', request: jobIdRequestSchema },
  },
  jobs: {
    title: 'jobs',
    summary: 'Jobs, newest first',
    description:
      'The jobs without their results, optionally of one status; page with `offset`. A trader sees their own jobs; an admin, all.',
    permission: 'jobs',
    request: listJobsRequestSchema,
    response: jobsReportSchema,
    records: false,
    weight: 'light',
    limits: [],
    http: { method: 'GET', path: '/api/jobs', input: 'query', request: listJobsRequestSchema },
  },
  cancelJob: {
    title: 'job cancellation',
    summary: 'Cancel a job',
    description:
      'Stops a queued or running job (every chunk of a sweep) and answers once it has stopped; a finished job is returned as it is.',
    permission: 'jobs',
    request: jobIdRequestSchema,
    response: jobReportSchema,
    records: false,
    weight: 'light',
    limits: [],
    http: { method: 'DELETE', path: '/api/jobs/:id', input: 'query', request: jobIdRequestSchema },
  },
  jobEvents: {
    title: 'job events',
    summary: "A job's progress as Server-Sent Events",
    description:
      'An event stream: one `status` event with the job as JSON at once and whenever it changes (progress, status), ending after the event of a finished job. Reconnect to resume; a comment line every 15 s keeps proxies from closing it.',
    permission: 'jobs',
    request: jobIdRequestSchema,
    response: jobReportSchema,
    records: false,
    weight: 'light',
    limits: [],
    http: {
      method: 'GET',
      path: '/api/jobs/:id/events',
      input: 'query',
      request: jobIdRequestSchema,
      stream: 'server-sent-events',
    },
    appOnly: true,
  },
} as const satisfies Record<string, UseCase>;

export type UseCaseName = keyof typeof USE_CASES;
export const USE_CASE_NAMES = Object.keys(USE_CASES) as UseCaseName[];

/** The use cases reachable over HTTP. */
export type HttpUseCaseName = {
  [Name in UseCaseName]: (typeof USE_CASES)[Name] extends { http: object } ? Name : never;
}[UseCaseName];

/** The use cases a client calls with one request for one JSON answer: every route but event streams. */
export type CallableUseCaseName = {
  [Name in HttpUseCaseName]: (typeof USE_CASES)[Name]['http'] extends { stream: string } ? never : Name;
}[HttpUseCaseName];

/** What a caller sends to use case `Name` (the CLI's and library callers' shape, before defaults). */
export type UseCaseInput<Name extends UseCaseName> = z.input<(typeof USE_CASES)[Name]['request']>;
/** What use case `Name` resolves with. */
export type UseCaseOutput<Name extends UseCaseName> = z.output<(typeof USE_CASES)[Name]['response']>;
/** What a remote caller sends to use case `Name` over HTTP. */
export type HttpUseCaseInput<Name extends HttpUseCaseName> = z.input<
  (typeof USE_CASES)[Name]['http']['request']
>;

/**
 * The request of use case `name` as a remote caller may send it (a job submitted over HTTP): its route's, or,
 * for a use case without one, its own without the fields that name this machine's folders and files.
 */
export function remoteRequestSchema(name: UseCaseName): z.ZodObject {
  const useCase: UseCase = USE_CASES[name];
  if (useCase.http) return useCase.http.request;
  const local = Object.keys({ ...serverPath, ...serverFiles }).filter((field) =>
    Object.hasOwn(useCase.request.shape, field),
  );
  const omitted: Record<string, true> = Object.fromEntries(local.map((field) => [field, true]));
  return useCase.request.omit(omitted as Record<string, true> & Record<number, never>);
}

/** The use case called `name`, or undefined for a name that is not one (own keys only: names come from clients). */
export function findUseCase(name: string): UseCase | undefined {
  return Object.hasOwn(USE_CASES, name) ? (USE_CASES as Record<string, UseCase>)[name] : undefined;
}

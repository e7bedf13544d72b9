import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { type Settings, urlCredentials } from '@aetherquant/core';
import { runUseCase } from '@aetherquant/workflows';
import { settingsJobEngine } from '@aetherquant/workflows/jobs';
import { checkStrategyModules } from '@aetherquant/workflows/strategies';
import { type Database, type NewAuditEvent, type NewRun } from '@aetherquant/workflows/server';
import { AppModule } from '../app.module';
import { BatchWriter, type BatchWriterOptions } from '../recording/batch-writer';
import { ComputePool } from '../compute/compute-pool';
import { loadKeyRing } from '../common/auth/load-key-ring';
import { SecretRedactor } from '../common/auth/secret-redactor';
import { AuditCoalescer } from '../recording/audit-coalescer';
import { ApiExceptionFilter } from '../common/filters/api-exception.filter';
import {
  bodyParserErrors,
  refuseEncodedBodies,
  refuseOversizedBodies,
} from '../common/http/body-parser-errors';
import { requestContextMiddleware } from '../common/http/request-context.middleware';
import { requestScope } from '../common/http/request-scope';
import { securityHeaders } from '../common/http/security-headers';
import { observeRequests } from '../common/http/request-observer';
import { JsonLogger, type LogSink } from '../common/logging/json-logger';
import { type ApiRuntime } from '../config/api-runtime';
import { MAX_BODY_BYTES } from '../config/request-limits';
import { DatabaseConnection, type DatabaseConnectionOptions } from '../database/database-connection';
import { VERSION } from '../version';
import { dashboardFiles, dashboardFolder } from './dashboard-files';
import { checkOpenMode } from './open-mode';
import { rateLimitStorage } from './rate-limit-storage';

export interface ApiAppOptions {
  settings: Settings;
  /** Settings problems that did not stop start-up (a misspelt variable), logged as warnings. */
  warnings?: readonly string[];
  /** Where log lines go (standard output by default). */
  logSink?: LogSink;
  /** Tuning for tests: how the database is opened and retried, how the audit log is batched. */
  database?: Pick<DatabaseConnectionOptions, 'open' | 'retryMs' | 'pingTimeoutMs'> & {
    open?: (url: string) => Promise<Database>;
  };
  /** Tuning of both batched writers (audit events and runs). */
  recording?: Pick<BatchWriterOptions<unknown>, 'capacity' | 'batchSize' | 'flushDelayMs' | 'retryMs'>;
  /**
   * Strategy modules offered besides the built-ins (absolute paths of files exporting strategies):
   * `GET /api/strategies` lists them and every compute thread loads them, so what is listed can be run.
   * Default: the settings' `strategyPaths` (`AETHERQ_STRATEGY_PATHS`).
   */
  strategyModules?: readonly string[];
}

export interface ApiApp {
  app: NestExpressApplication;
  runtime: ApiRuntime;
}

/**
 * Builds the API around its settings, ready to listen: the runtime (logger, keys, database connection,
 * audit writer), then the HTTP pipeline in order — request context (id, caller, timing, log and audit on
 * finish), security headers, CORS, a 100 KB JSON body parser, the routes behind the rate limit and role
 * guards, and one exception filter that shapes every error.
 */
export async function createApiApp(options: ApiAppOptions): Promise<ApiApp> {
  const { settings } = options;
  checkOpenMode(settings);
  const strategyModules = options.strategyModules ?? settings.strategyPaths;
  // Each strategy file must load and pass the strategy contract (no look-ahead, bounds, warm-up,
  // determinism): a bad one stops the start here, named, rather than serving wrong figures later.
  await checkStrategyModules(strategyModules, { field: 'AETHERQ_STRATEGY_PATHS', refuse: true });
  await runUseCase('strategies', {}, { context: { settings, strategyModules } });
  const secrets = [
    settings.apiKey,
    settings.adminApiKey,
    settings.liveBroker.keyId,
    settings.liveBroker.token,
    ...urlSecrets(settings),
  ];
  const logger = new JsonLogger(settings.logLevel, secrets, options.logSink);
  for (const warning of options.warnings ?? []) logger.write('warn', warning);
  const keys = loadKeyRing(settings);
  // Keys and secrets are kept out of every stored field (audit paths, request ids), not only out of logs.
  const redactor = new SecretRedactor(keys, secrets);
  if (keys.open) {
    logger.write(
      'warn',
      'NO API KEY IS SET: the API is open and every caller is admin. Set AETHERQ_API_KEY and AETHERQ_ADMIN_API_KEY.',
      { host: settings.api.host },
    );
  }
  const database =
    settings.databaseUrl === null
      ? undefined
      : new DatabaseConnection({ url: settings.databaseUrl, logger, ...options.database });
  const audit =
    database &&
    new BatchWriter<NewAuditEvent>({
      label: 'audit events',
      write: (events) => database.audit.recordMany(events),
      // The newest events tell the most about an outage; an overflow loses the oldest, counted and logged.
      overflow: 'drop-oldest',
      capacity: 10_000,
      logger,
      ...options.recording,
    });
  const runs =
    database &&
    new BatchWriter<NewRun>({
      label: 'runs',
      write: (batch) => database.runs.recordMany(batch),
      // Group commit: a request waits for its run's batch, and a run refused here (buffer full, database
      // down) is answered with a warning instead of a run id: an id handed out is always stored.
      overflow: 'refuse',
      outage: 'fail',
      capacity: 1_000,
      logger,
      ...options.recording,
    });
  const compute = new ComputePool({ threads: settings.api.computeThreads });
  const runtime: ApiRuntime = {
    settings,
    version: VERSION,
    logger,
    keys,
    database,
    audit,
    runs,
    compute,
    strategyModules,
    jobs: settingsJobEngine(settings, { submitters: 'remote', strategyModules }),
    rateLimits: rateLimitStorage(settings.jobs.redisUrl, logger),
  };

  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(runtime), {
    bodyParser: false,
    logger,
    abortOnError: false,
  });
  app.set('trust proxy', settings.api.trustProxy);
  app.disable('x-powered-by');
  app.disable('etag');
  // A flood of refusals becomes a few counted audit rows; what it holds is written when the server closes.
  const auditTrail = audit && new AuditCoalescer({ emit: (event) => void audit.offer(event) });
  app.getHttpServer().once('close', () => auditTrail?.close());
  app.use(requestContextMiddleware(keys, redactor, observeRequests(logger, auditTrail, redactor)));
  app.use(requestScope());
  app.use(securityHeaders());
  const origins = settings.api.corsOrigins;
  if (origins.length > 0) {
    app.enableCors({
      origin: origins.includes('*') ? true : origins,
      methods: ['GET', 'POST', 'DELETE'],
      allowedHeaders: ['Content-Type', 'X-API-Key', 'Authorization', 'X-Request-ID'],
      exposedHeaders: ['X-Request-ID', 'X-Process-Time-Ms', 'Retry-After', 'Location'],
      maxAge: 600,
    });
  }
  const dashboard = dashboardFolder();
  if (dashboard) {
    app.use(dashboardFiles(dashboard));
  } else {
    logger.write('info', 'no dashboard build found: serving the API only');
  }
  app.use(refuseEncodedBodies());
  app.use(refuseOversizedBodies(MAX_BODY_BYTES));
  // Every JSON media type the content-type check accepts (`application/vnd.api+json` too) is parsed.
  app.useBodyParser('json', { limit: MAX_BODY_BYTES, type: ['application/json', 'application/*+json'] });
  app.use(bodyParserErrors());
  // Again: the body parser's stream callbacks ran outside the request's scope.
  app.use(requestScope());
  app.useGlobalFilters(new ApiExceptionFilter(logger, settings.rateLimitPerMinute));
  // One attempt now, so a healthy database is ready with the first request; a failed one retries behind.
  await database?.start();
  await app.init();
  return { app, runtime };
}

/** The credentials in every URL setting, so the logger masks them wherever a driver message might echo one. */
function urlSecrets(settings: Settings): string[] {
  const urls = [settings.databaseUrl, settings.apiUrl, settings.data.yahooUrl, settings.liveBroker.endpoint];
  return urls.flatMap((url) => (url ? urlCredentials(url) : []));
}

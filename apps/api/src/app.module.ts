import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { PermissionGuard } from './common/guards/permission.guard';
import { type ApiRequest } from './common/http/http-types';
import { WorkflowRunner } from './common/workflow-runner.service';
import { API_RUNTIME, type ApiRuntime } from './config/api-runtime';
import { AccessController } from './controllers/access/access.controller';
import { DocsController } from './controllers/docs/docs.controller';
import { HealthController } from './controllers/health/health.controller';
import { JobEventsController } from './controllers/jobs/job-events.controller';
import { UseCasesController } from './controllers/use-cases/use-cases.controller';
import { UnknownRouteController } from './controllers/not-found/unknown-route.controller';

const MINUTE_MS = 60_000;

/** Every controller, in the order Nest matches their routes: the use-case surfaces test reads them too. */
export const API_CONTROLLERS = [
  HealthController,
  DocsController,
  AccessController,
  JobEventsController,
  UseCasesController,
  // Last: it answers what no route above serves.
  UnknownRouteController,
] as const;

@Module({})
export class AppModule {
  static register(runtime: ApiRuntime): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'default', ttl: MINUTE_MS, limit: runtime.settings.rateLimitPerMinute }],
          storage: runtime.rateLimits,
          // One budget per caller across every route (the default keys per route): a valid key's
          // fingerprint, else the client address. Set by the request-context middleware.
          getTracker: (request) => (request as ApiRequest).context.caller.tracker,
          // Prefixed as the job queue's keys are, so deployments and test runs can share one Redis.
          generateKey: (_context, tracker, name) =>
            `${runtime.settings.jobs.redisPrefix}:rate-limit:${name}:${tracker}`,
        }),
      ],
      controllers: [...API_CONTROLLERS],

      providers: [
        { provide: API_RUNTIME, useValue: runtime },
        WorkflowRunner,
        // Guards run in this order: the rate limit first (so floods of bad keys are throttled too), then roles.
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: PermissionGuard },
      ],
    };
  }
}

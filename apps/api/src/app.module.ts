import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { PermissionGuard } from './common/guards/permission.guard';
import { type ApiRequest } from './common/http/http-types';
import { WorkflowRunner } from './common/workflow-runner.service';
import { API_RUNTIME, type ApiRuntime } from './config/api-runtime';
import { AccessController } from './modules/access/access.controller';
import { DocsController } from './modules/docs/docs.controller';
import { HealthController } from './modules/health/health.controller';
import { HistoryController } from './modules/history/history.controller';
import { ResearchController } from './modules/research/research.controller';
import { TradingController } from './modules/trading/trading.controller';
import { UnknownRouteController } from './modules/not-found/unknown-route.controller';

const MINUTE_MS = 60_000;

@Module({})
export class AppModule {
  static register(runtime: ApiRuntime): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'default', ttl: MINUTE_MS, limit: runtime.settings.rateLimitPerMinute }],
          // One budget per caller across every route (the default keys per route): a valid key's
          // fingerprint, else the client address. Set by the request-context middleware.
          getTracker: (request) => (request as ApiRequest).context.caller.tracker,
          generateKey: (_context, tracker, name) => `${name}:${tracker}`,
        }),
      ],
      controllers: [
        HealthController,
        DocsController,
        AccessController,
        ResearchController,
        TradingController,
        HistoryController,
        // Last: it answers what no route above serves.
        UnknownRouteController,
      ],
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

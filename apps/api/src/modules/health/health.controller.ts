import { Controller, Get, Inject, Res } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { API_RUNTIME, type ApiRuntime } from '../../config/api-runtime';
import { type ApiResponse } from '../../common/http/http-types';

/**
 * Probes for load balancers and orchestrators: never rate-limited, never audited, no key needed.
 * `/healthz` says the process serves; `/readyz` says whether it can do its whole job.
 */
@SkipThrottle()
@Controller()
export class HealthController {
  constructor(@Inject(API_RUNTIME) private readonly runtime: ApiRuntime) {}

  @Get('/healthz')
  healthz(): { status: 'ok'; version: string } {
    return { status: 'ok', version: this.runtime.version };
  }

  @Get('/readyz')
  async readyz(
    @Res({ passthrough: true }) response: ApiResponse,
  ): Promise<{ status: 'ready' } | { status: 'not_ready'; reason: string }> {
    const reason = await this.notReadyBecause();
    if (reason === undefined) return { status: 'ready' };
    response.statusCode = 503;
    return { status: 'not_ready', reason };
  }

  private async notReadyBecause(): Promise<string | undefined> {
    const { database, audit, runs } = this.runtime;
    if (database === undefined) return undefined;
    try {
      await database.ping();
    } catch (error) {
      return `database unavailable: ${error instanceof Error ? error.message : String(error)}`;
    }
    // The database answers again: write what waits now rather than at the next retry.
    for (const [name, writer] of [
      ['runs', runs],
      ['audit log', audit],
    ] as const) {
      if (writer?.status().failing !== undefined) await writer.flush();
      const failing = writer?.status().failing;
      if (failing !== undefined) return `${name} not written: ${failing}`;
    }
    return undefined;
  }
}

import { Controller, Get, Inject, Res } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { API_RUNTIME, type ApiRuntime } from '../../config/api-runtime';
import { type ApiResponse } from '../../common/http/http-types';

/** How long one readiness answer serves: probes from many balancers cost the database one ping a second. */
const READINESS_TTL_MS = 1_000;

type Readiness = { status: 'ready' } | { status: 'not_ready'; reason: string };

/**
 * Probes for load balancers and orchestrators: never rate-limited, never audited, no key needed.
 * `/healthz` says the process serves; `/readyz` says whether it can do its whole job. Being public, the
 * reasons are fixed phrases; what the database said goes to the log, where it may name hosts.
 */
@SkipThrottle()
@Controller()
export class HealthController {
  #readiness: { at: number; answer: Promise<Readiness> } | undefined;

  constructor(@Inject(API_RUNTIME) private readonly runtime: ApiRuntime) {}

  @Get('/healthz')
  healthz(): { status: 'ok'; version: string } {
    return { status: 'ok', version: this.runtime.version };
  }

  @Get('/readyz')
  async readyz(@Res({ passthrough: true }) response: ApiResponse): Promise<Readiness> {
    const now = Date.now();
    if (this.#readiness === undefined || now - this.#readiness.at >= READINESS_TTL_MS) {
      this.#readiness = { at: now, answer: this.readiness() };
    }
    const answer = await this.#readiness.answer;
    if (answer.status === 'not_ready') response.statusCode = 503;
    return answer;
  }

  private async readiness(): Promise<Readiness> {
    const { database, audit, runs, logger } = this.runtime;
    if (database === undefined) return { status: 'ready' };
    const notReady = (reason: string, detail: string): Readiness => {
      logger.write('warn', 'not ready', { reason, detail });
      return { status: 'not_ready', reason };
    };
    try {
      await database.ping();
    } catch (error) {
      return notReady('database unavailable', error instanceof Error ? error.message : String(error));
    }
    // The database answers again: write what waits now rather than at the next retry.
    for (const [name, writer] of [
      ['runs', runs],
      ['audit log', audit],
    ] as const) {
      if (writer?.status().failing !== undefined) await writer.flush();
      const failing = writer?.status().failing;
      if (failing !== undefined) return notReady(`${name} not written`, failing);
    }
    return { status: 'ready' };
  }
}

import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { API_RUNTIME, type ApiRuntime } from '../../config/api-runtime';
import { type ApiRequest, type ApiResponse } from '../../common/http/http-types';

/** How long one readiness answer serves: probes from many balancers cost the database one ping a second. */
const READINESS_TTL_MS = 1_000;
/** A batch committed this recently proves the database up: no ping to queue behind busy writes. */
const RECENT_WRITE_MS = 2_000;

type Readiness = { status: 'ready' } | { status: 'not_ready'; reason: string };

/**
 * Probes for load balancers and orchestrators: never rate-limited, never audited, no key needed.
 * `/healthz` says the process serves; `/readyz` says whether it can do its whole job. Being public, the
 * reasons are fixed phrases; what the database said goes to the log, where it may name hosts. An admin's
 * key adds `details`: the writers' queues and losses, and the compute threads' load.
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
  async readyz(
    @Req() request: ApiRequest,
    @Res({ passthrough: true }) response: ApiResponse,
  ): Promise<Readiness & { details?: Record<string, unknown> }> {
    const now = Date.now();
    if (this.#readiness === undefined || now - this.#readiness.at >= READINESS_TTL_MS) {
      this.#readiness = { at: now, answer: this.readiness() };
    }
    const answer = await this.#readiness.answer;
    if (answer.status === 'not_ready') response.statusCode = 503;
    return request.context.caller.role === 'admin' ? { ...answer, details: this.details() } : answer;
  }

  /** What an operator needs to see: records waiting and lost, and how busy the compute threads are. */
  private details(): Record<string, unknown> {
    const { audit, runs, compute } = this.runtime;
    return {
      ...(audit ? { audit: audit.status() } : {}),
      ...(runs ? { runs: runs.status() } : {}),
      compute: compute.status(),
    };
  }

  private async readiness(): Promise<Readiness> {
    const { database, audit, runs, logger } = this.runtime;
    if (database === undefined) return { status: 'ready' };
    const notReady = (reason: string, detail: string): Readiness => {
      logger.write('warn', 'not ready', { reason, detail });
      return { status: 'not_ready', reason };
    };
    // Under load the database is busy committing batches, and a ping would wait behind them: a batch just
    // committed proves it up. Only an idle or failing database is pinged.
    const recent = [runs, audit].some((writer) => {
      const status = writer?.status();
      return status?.failing === undefined && Date.now() - (status?.lastWrittenAt ?? 0) < RECENT_WRITE_MS;
    });
    if (!recent) {
      try {
        await database.ping();
      } catch (error) {
        return notReady('database unavailable', error instanceof Error ? error.message : String(error));
      }
    }
    // The database answers again: write what waits now rather than at the next retry. A writer with
    // nothing waiting has nothing to prove (the runs writer gives items up in an outage rather than keep them).
    for (const [name, writer] of [
      ['runs', runs],
      ['audit log', audit],
    ] as const) {
      if (writer === undefined || writer.status().pending === 0) continue;
      if (writer.status().failing !== undefined) await writer.flush();
      const { failing, pending } = writer.status();
      if (failing !== undefined && pending > 0) return notReady(`${name} not written`, failing);
    }
    return { status: 'ready' };
  }
}

import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import {
  AetherError,
  endpointPath,
  type HttpUseCaseName,
  reportHeaders,
  routeOf,
  type RunReport,
  SERVER_REQUEST_LIMITS,
} from '@aetherquant/core';
import {
  type RequestLimits,
  runUseCase,
  type WorkflowContext,
  type WorkflowName,
} from '@aetherquant/workflows';
import { type ComputeUseCase, isComputeUseCase, withLocalDates } from '../compute/compute-task';
import { API_RUNTIME, type ApiRuntime } from '../config/api-runtime';
import { CHART_POINTS } from '../config/request-limits';
import { withoutRun } from '../recording/run-commit';
import { type ApiRequest } from './http/http-types';
import { endpointInput } from './validation/endpoint-input';

/**
 * How every `/api` handler does its work: read and check the route's input on the API thread (cheap, so
 * bad input is refused before any work), then run the use case it asks for, as its catalog entry's `weight`
 * says:
 * - `compute`: on a compute thread, under the per-request deadline and stopped when the client leaves; a run
 *   the report names is committed (group commit) before the answer, so a `run_id` handed out is stored;
 * - `light`: on this thread (history reads, the strategy list).
 */
@Injectable()
export class WorkflowRunner implements OnModuleDestroy {
  readonly #context: WorkflowContext;
  /** The limits of a request answered at once; a larger grid is pointed to the job queue. */
  readonly #limits: RequestLimits;

  constructor(@Inject(API_RUNTIME) private readonly runtime: ApiRuntime) {
    this.#limits = {
      ...SERVER_REQUEST_LIMITS,
      maxJobSweepCombinations: runtime.settings.jobs.maxSweepCells,
    };
    this.#context = {
      settings: runtime.settings,
      database: runtime.database,
      limits: this.#limits,
      recording: 'best-effort',
      strategyModules: runtime.strategyModules,
      jobs: runtime.jobs,
    };
  }

  /**
   * Answers the route of use case `name`: the report of a light use case as a value, of a compute use case as
   * JSON text with its content type set (the handler returns either as it is).
   */
  async run(name: HttpUseCaseName, request: ApiRequest): Promise<unknown> {
    const answer = await this.#answer(name, request);
    return routeOf(name).document ? sendDocument(answer, request) : answer;
  }

  async #answer(name: HttpUseCaseName, request: ApiRequest): Promise<unknown> {
    const { input, useCase } = endpointInput(name, request);
    if (isComputeUseCase(useCase)) return this.#compute(useCase, input, request);
    const { keyName, role } = request.context.caller;
    // Past the permission guard a caller has a role; an open API's callers share one name.
    const caller = { name: keyName ?? 'anonymous', role: role ?? 'admin' };
    const answer = await runUseCase(useCase as WorkflowName, input, {
      context: { ...this.#context, caller },
    });
    const accepted = routeOf(name).accepted;
    if (accepted) request.res?.setHeader('Location', resourcePath(accepted.location, answer));
    return answer;
  }

  async #compute(
    useCase: ComputeUseCase,
    input: Record<string, unknown>,
    request: ApiRequest,
  ): Promise<string> {
    const { settings, compute, runs, strategyModules } = this.runtime;
    const stop = new AbortController();
    const timeoutMs = settings.api.computeTimeoutMs;
    // The deadline covers waiting for a thread too: the message says which of the two ran out the clock.
    const waitingAhead = compute.status().queued;
    const deadline = setTimeout(() => stop.abort(overDeadline(timeoutMs, waitingAhead)), timeoutMs);
    // The response closes before it is finished only when the client went away: stop computing for nobody.
    const response = request.res;
    const onClose = () => {
      if (!response?.writableFinished) stop.abort(new AetherError('UNAVAILABLE', 'the client disconnected'));
    };
    response?.once('close', onClose);
    try {
      const outcome = await compute
        .run(
          { useCase, input, settings, chartPoints: CHART_POINTS, limits: this.#limits, strategyModules },
          stop.signal,
        )
        .catch((error: unknown) => {
          if (stop.signal.aborted) {
            this.runtime.logger.write('warn', 'computation stopped', {
              request_id: request.context.requestId,
              use_case: useCase,
              reason: error instanceof Error ? error.message : String(error),
            });
          }
          throw error;
        });
      if (!outcome.ok) {
        // An INTERNAL AetherError is a bug too (a solver meeting what it should not): its words stay in the log.
        if (!outcome.expected || outcome.error.code === 'INTERNAL') {
          this.runtime.logger.write('error', 'unexpected failure in a computation', {
            request_id: request.context.requestId,
            use_case: useCase,
            error: outcome.error.message,
            stack: outcome.error.stack,
          });
          throw new AetherError('INTERNAL', 'internal error; quote the request id when reporting it');
        }
        throw new AetherError(outcome.error.code, outcome.error.message, outcome.error.details);
      }
      response?.setHeader('Content-Type', 'application/json; charset=utf-8');
      if (outcome.run === undefined) return outcome.body;
      const committed = runs ? await runs.submit(withLocalDates(outcome.run)) : 'closed';
      if (committed === 'written') return outcome.body;
      // Rare (the database is down): the report is rebuilt without the id its run did not get.
      return JSON.stringify(withoutRun(JSON.parse(outcome.body) as Record<string, unknown>, committed));
    } finally {
      clearTimeout(deadline);
      response?.off('close', onClose);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.runtime.compute.close(), this.runtime.jobs.close()]);
  }
}

/**
 * A document route's answer as the document itself: `content` as the body, the rest in headers (see
 * reportHeaders: Content-Type, Content-Disposition, warnings, and a policy that lets a page load nothing).
 */
function sendDocument(answer: unknown, request: ApiRequest): string {
  const report = (typeof answer === 'string' ? JSON.parse(answer) : answer) as RunReport;
  for (const [name, value] of Object.entries(reportHeaders(report))) request.res?.setHeader(name, value);
  return report.content;
}

/** `/api/jobs/:job_id` with the answer's `job_id` → the created resource's path. */
function resourcePath(pattern: string, answer: unknown): string {
  const fields = answer as Record<string, unknown>;
  return endpointPath(
    pattern,
    Object.fromEntries(
      [...pattern.matchAll(/:([A-Za-z_]+)/g)].map(([, field]) => [field, String(fields[field as string])]),
    ),
  );
}

function overDeadline(timeoutMs: number, waitingAhead: number): AetherError {
  const limit = `this server's limit of ${timeoutMs / 1000} s per request (AETHERQ_COMPUTE_TIMEOUT_MS)`;
  const message =
    waitingAhead > 0
      ? `the request was stopped at ${limit}: it waited behind ${waitingAhead} other computations; the server is busy, retry later`
      : `the computation was stopped at ${limit}; ask for less (a shorter period, fewer symbols, a smaller grid)`;
  return new AetherError('UNAVAILABLE', message, {
    limit: 'AETHERQ_COMPUTE_TIMEOUT_MS',
    limit_ms: timeoutMs,
  });
}

import { Inject, Injectable } from '@nestjs/common';
import { type ApiEndpointName } from '@aetherquant/core';
import { RecentBars, runWorkflow, type Workflow, type WorkflowContext } from '@aetherquant/workflows';
import { API_RUNTIME, type ApiRuntime } from '../config/api-runtime';
import { CHART_POINTS, REQUEST_LIMITS } from '../config/request-limits';
import { type ApiRequest } from './http/http-types';
import { endpointInput } from './validation/endpoint-input';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a table of workflows of different schemas
type AnyWorkflow = Workflow<any, unknown>;

/**
 * How every `/api` handler does its work: read and check the endpoint's input, run the workflow the
 * endpoint (or its variant) names, with the API's context — its open database, its request limits, chart
 * series, recently loaded bars shared between requests, and runs recorded on a best-effort basis so a database outage does not fail a computation.
 */
@Injectable()
export class WorkflowRunner {
  readonly #context: WorkflowContext;

  constructor(@Inject(API_RUNTIME) runtime: ApiRuntime) {
    this.#context = {
      settings: runtime.settings,
      database: runtime.database,
      chartPoints: CHART_POINTS,
      limits: REQUEST_LIMITS,
      recording: 'best-effort',
      // Runs are written after the answer, in batches; the report names the id they will have.
      deferRun: runtime.runs && ((run) => runtime.runs?.offer(run) ?? false),
      // Many requests ask for the same bars (a dashboard's SPY, 2y): load each once a minute, not per request.
      recentBars: new RecentBars({ maxEntries: 128, ttlMs: 60_000 }),
    };
  }

  serve(
    name: ApiEndpointName,
    request: ApiRequest,
    workflow: AnyWorkflow,
    variants: Readonly<Record<string, AnyWorkflow>> = {},
  ): Promise<unknown> {
    const { input, variant } = endpointInput(name, request);
    const chosen = variant === undefined ? workflow : (variants[variant] ?? workflow);
    return runWorkflow(chosen, input, { context: this.#context });
  }
}

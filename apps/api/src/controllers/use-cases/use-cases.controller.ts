import { Controller, Req } from '@nestjs/common';
import { API_ROUTES, type HttpUseCaseName, USE_CASES } from '@aetherquant/core';
import { Endpoint } from '../../common/decorators/endpoint.decorator';
import { type ApiRequest } from '../../common/http/http-types';
import { WorkflowRunner } from '../../common/workflow-runner.service';

/**
 * Every route of the use-case catalog whose use case a workflow runs (all but `appOnly` ones such as
 * `keycheck`, answered by their own controllers): one handler per route, made from the catalog below, so a
 * use case given a route is served with no other change. Reading and checking the input, the permission,
 * where the work runs (this thread or a compute thread) and the run's commit are the runner's and the guard's.
 */
@Controller()
export class UseCasesController {
  constructor(readonly workflows: WorkflowRunner) {}
}

for (const route of API_ROUTES) {
  const name = route.useCases[0]?.name as HttpUseCaseName;
  if ((USE_CASES[name] as { appOnly?: true }).appOnly) continue;
  // The handler is named after its use case, as a hand-written one would be (Nest logs routes by it).
  const handler = {
    [name](this: UseCasesController, request: ApiRequest) {
      return this.workflows.run(name, request);
    },
  }[name] as (request: ApiRequest) => Promise<unknown>;
  Object.defineProperty(UseCasesController.prototype, name, {
    value: handler,
    writable: true,
    configurable: true,
  });
  const descriptor = Object.getOwnPropertyDescriptor(
    UseCasesController.prototype,
    name,
  ) as PropertyDescriptor;
  Endpoint(name)(UseCasesController.prototype, name, descriptor);
  Req()(UseCasesController.prototype, name, 0);
}

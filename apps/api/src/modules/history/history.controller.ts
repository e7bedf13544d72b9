import { Controller, Inject, Req } from '@nestjs/common';
import { getRunWorkflow, listAuditWorkflow, listRunsWorkflow } from '@aetherquant/workflows';
import { Endpoint } from '../../common/decorators/endpoint.decorator';
import { type ApiRequest } from '../../common/http/http-types';
import { WorkflowRunner } from '../../common/workflow-runner.service';
import { API_RUNTIME, type ApiRuntime } from '../../config/api-runtime';

/**
 * Recorded runs and the audit log: admin only (the permissions say so). Runs are written in batches after
 * their reports are answered; reading them first writes what is queued, so a run id just received can be
 * read at once.
 */
@Controller()
export class HistoryController {
  constructor(
    private readonly workflows: WorkflowRunner,
    @Inject(API_RUNTIME) private readonly runtime: ApiRuntime,
  ) {}

  @Endpoint('runs')
  async runs(@Req() request: ApiRequest) {
    await this.runtime.runs?.flush();
    return this.workflows.serve('runs', request, listRunsWorkflow);
  }

  @Endpoint('run')
  async run(@Req() request: ApiRequest) {
    await this.runtime.runs?.flush();
    return this.workflows.serve('run', request, getRunWorkflow);
  }

  @Endpoint('audit')
  audit(@Req() request: ApiRequest) {
    return this.workflows.serve('audit', request, listAuditWorkflow);
  }
}

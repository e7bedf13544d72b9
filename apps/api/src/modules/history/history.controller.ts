import { Controller, Req } from '@nestjs/common';
import { getRunWorkflow, listAuditWorkflow, listRunsWorkflow } from '@aetherquant/workflows';
import { Endpoint } from '../../common/decorators/endpoint.decorator';
import { type ApiRequest } from '../../common/http/http-types';
import { WorkflowRunner } from '../../common/workflow-runner.service';

/**
 * Recorded runs and the audit log: admin only (the permissions say so). A run is committed before its
 * report is answered, so a run id just received can be read at once.
 */
@Controller()
export class HistoryController {
  constructor(private readonly workflows: WorkflowRunner) {}

  @Endpoint('runs')
  runs(@Req() request: ApiRequest) {
    return this.workflows.serve('runs', request, listRunsWorkflow);
  }

  @Endpoint('run')
  run(@Req() request: ApiRequest) {
    return this.workflows.serve('run', request, getRunWorkflow);
  }

  @Endpoint('audit')
  audit(@Req() request: ApiRequest) {
    return this.workflows.serve('audit', request, listAuditWorkflow);
  }
}

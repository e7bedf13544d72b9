import { Controller, Req } from '@nestjs/common';
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
    return this.workflows.run('runs', request);
  }

  @Endpoint('run')
  run(@Req() request: ApiRequest) {
    return this.workflows.run('run', request);
  }

  @Endpoint('audit')
  audit(@Req() request: ApiRequest) {
    return this.workflows.run('audit', request);
  }
}

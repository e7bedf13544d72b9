import { Controller, Req } from '@nestjs/common';
import { Endpoint } from '../../common/decorators/endpoint.decorator';
import { type ApiRequest } from '../../common/http/http-types';
import { WorkflowRunner } from '../../common/workflow-runner.service';

/** Trading over the API: the paper broker only. Live orders stay with the operator's CLI. */
@Controller()
export class TradingController {
  constructor(private readonly workflows: WorkflowRunner) {}

  @Endpoint('papertrade')
  papertrade(@Req() request: ApiRequest) {
    return this.workflows.run('papertrade', request);
  }
}

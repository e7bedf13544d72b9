import { Controller, Req } from '@nestjs/common';
import { strategiesWorkflow } from '@aetherquant/workflows';
import { Endpoint } from '../../common/decorators/endpoint.decorator';
import { type ApiRequest } from '../../common/http/http-types';
import { WorkflowRunner } from '../../common/workflow-runner.service';

/** Research: market data, strategies, backtests, sweeps and portfolio optimisation. */
@Controller()
export class ResearchController {
  constructor(private readonly workflows: WorkflowRunner) {}

  @Endpoint('strategies')
  strategies(@Req() request: ApiRequest) {
    return this.workflows.serve('strategies', request, strategiesWorkflow);
  }

  @Endpoint('bars')
  bars(@Req() request: ApiRequest) {
    return this.workflows.compute('bars', request);
  }

  @Endpoint('backtest')
  backtest(@Req() request: ApiRequest) {
    return this.workflows.compute('backtest', request);
  }

  @Endpoint('sweep')
  sweep(@Req() request: ApiRequest) {
    return this.workflows.compute('sweep', request);
  }

  @Endpoint('optimize')
  optimize(@Req() request: ApiRequest) {
    return this.workflows.compute('optimize', request);
  }
}

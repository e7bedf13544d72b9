import { Controller, Req } from '@nestjs/common';
import { Endpoint } from '../../common/decorators/endpoint.decorator';
import { type ApiRequest } from '../../common/http/http-types';
import { WorkflowRunner } from '../../common/workflow-runner.service';

/** Research: market data, strategies, backtests, sweeps and portfolio optimisation. */
@Controller()
export class ResearchController {
  constructor(private readonly workflows: WorkflowRunner) {}

  @Endpoint('strategies')
  strategies(@Req() request: ApiRequest) {
    return this.workflows.run('strategies', request);
  }

  @Endpoint('bars')
  bars(@Req() request: ApiRequest) {
    return this.workflows.run('bars', request);
  }

  @Endpoint('backtest')
  backtest(@Req() request: ApiRequest) {
    return this.workflows.run('backtest', request);
  }

  @Endpoint('sweep')
  sweep(@Req() request: ApiRequest) {
    return this.workflows.run('sweep', request);
  }

  @Endpoint('optimize')
  optimize(@Req() request: ApiRequest) {
    return this.workflows.run('optimize', request);
  }
}

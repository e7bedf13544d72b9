import { Controller, Req } from '@nestjs/common';
import {
  backtestWorkflow,
  barsWorkflow,
  optimizeWorkflow,
  portfolioBacktestWorkflow,
  strategiesWorkflow,
  sweepWorkflow,
} from '@aetherquant/workflows';
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
    return this.workflows.serve('bars', request, barsWorkflow);
  }

  @Endpoint('backtest')
  backtest(@Req() request: ApiRequest) {
    return this.workflows.serve('backtest', request, backtestWorkflow, {
      'portfolio backtest': portfolioBacktestWorkflow,
    });
  }

  @Endpoint('sweep')
  sweep(@Req() request: ApiRequest) {
    return this.workflows.serve('sweep', request, sweepWorkflow);
  }

  @Endpoint('optimize')
  optimize(@Req() request: ApiRequest) {
    return this.workflows.serve('optimize', request, optimizeWorkflow);
  }
}

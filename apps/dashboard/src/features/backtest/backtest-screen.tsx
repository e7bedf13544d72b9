import { type BacktestReport } from '../../api/types';
import { useRequest } from '../../api/use-request';
import { useSession } from '../../app/session';
import { fieldErrorsOf, RequestOutcome } from '../../components/request-outcome';
import { StrategyRunForm } from '../../components/strategy-run-form';
import { BacktestResults } from './backtest-results';

/** A strategy backtested against buy-and-hold of the same symbol. */
export function BacktestScreen() {
  const { client } = useSession();
  const request = useRequest<BacktestReport>('backtest');
  return (
    <section className="screen" aria-labelledby="backtest-title">
      <h2 id="backtest-title">Backtest</h2>
      <StrategyRunForm
        memoryKey="backtest"
        defaultPeriod="2y"
        submitLabel="Run backtest"
        busyLabel="Running backtest…"
        busy={request.state.status === 'loading'}
        fieldErrors={fieldErrorsOf(request)}
        onSubmit={(body) => request.run((signal) => client.call('backtest', body, { signal }))}
      />
      <RequestOutcome request={request} progressLabel="Running backtest">
        {(report) => <BacktestResults report={report} />}
      </RequestOutcome>
    </section>
  );
}

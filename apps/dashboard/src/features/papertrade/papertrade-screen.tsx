import { type PapertradeReport } from '../../api/types';
import { useRequest } from '../../api/use-request';
import { useSession } from '../../app/session';
import { fieldErrorsOf, RequestOutcome } from '../../components/request-outcome';
import { StrategyRunForm } from '../../components/strategy-run-form';
import { PapertradeResults } from './papertrade-results';

/** A strategy replayed bar by bar against the paper broker: orders, cash and position as a broker keeps them. */
export function PapertradeScreen() {
  const { client } = useSession();
  const request = useRequest<PapertradeReport>('papertrade');
  return (
    <section className="screen" aria-labelledby="papertrade-title">
      <h2 id="papertrade-title">Paper trade</h2>
      <StrategyRunForm
        memoryKey="papertrade"
        defaultPeriod="6mo"
        submitLabel="Run paper trade"
        busyLabel="Running paper trade…"
        busy={request.state.status === 'loading'}
        fieldErrors={fieldErrorsOf(request)}
        onSubmit={(body) => request.run((signal) => client.call('papertrade', body, { signal }))}
      />
      <RequestOutcome request={request} progressLabel="Running paper trade">
        {(report) => <PapertradeResults report={report} />}
      </RequestOutcome>
    </section>
  );
}

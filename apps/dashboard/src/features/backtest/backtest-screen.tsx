import { useId } from 'react';
import { type BacktestReport, type PortfolioBacktestReport } from '../../api/types';
import { useRequest } from '../../api/use-request';
import { useRememberedState } from '../../app/screen-memory';
import { useSession } from '../../app/session';
import { fieldErrorsOf, RequestOutcome } from '../../components/request-outcome';
import { StrategyRunForm } from '../../components/strategy-run-form';
import { PortfolioBacktestResults } from '../portfolio/portfolio-backtest-results';
import { PortfolioForm } from '../portfolio/portfolio-form';
import { BacktestResults } from './backtest-results';

type BacktestKind = 'single' | 'portfolio';

const KINDS: readonly { kind: BacktestKind; label: string; hint: string }[] = [
  { kind: 'single', label: 'One symbol', hint: 'A strategy on one symbol against its benchmark.' },
  {
    kind: 'portfolio',
    label: 'Portfolio',
    hint: 'Several symbols, weighted and rebalanced, against the equal-weight portfolio or a benchmark.',
  },
];

/** A strategy backtested on one symbol, or a rebalanced portfolio of several, each against its benchmark. */
export function BacktestScreen() {
  const id = useId();
  const [kind, setKind] = useRememberedState<BacktestKind>('backtest.kind', 'single');
  const chosen = KINDS.find((choice) => choice.kind === kind) ?? KINDS[0];
  return (
    <section className="screen" aria-labelledby="backtest-title">
      <h2 id="backtest-title">Backtest</h2>
      <fieldset className="fieldset kind-choice" aria-describedby={`${id}-kind-hint`}>
        <legend>Backtest of</legend>
        <div className="choice-row">
          {KINDS.map((choice) => (
            <label key={choice.kind} className="choice">
              <input
                type="radio"
                name={`${id}-kind`}
                value={choice.kind}
                checked={kind === choice.kind}
                onChange={() => setKind(choice.kind)}
              />
              <span>{choice.label}</span>
            </label>
          ))}
        </div>
        <p id={`${id}-kind-hint`} className="field__hint">
          {chosen?.hint}
        </p>
      </fieldset>
      {kind === 'portfolio' ? <PortfolioBacktest /> : <SingleBacktest />}
    </section>
  );
}

function SingleBacktest() {
  const { client } = useSession();
  const request = useRequest<BacktestReport>('backtest');
  return (
    <>
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
    </>
  );
}

/** `POST /api/backtest` with `symbols`: the same route answers a portfolio backtest. */
function PortfolioBacktest() {
  const { client } = useSession();
  const request = useRequest<PortfolioBacktestReport>('portfolio');
  return (
    <>
      <PortfolioForm
        busy={request.state.status === 'loading'}
        fieldErrors={fieldErrorsOf(request)}
        onSubmit={(body) => request.run((signal) => client.call('portfolioBacktest', body, { signal }))}
      />
      <RequestOutcome request={request} progressLabel="Running portfolio backtest">
        {(report) => <PortfolioBacktestResults report={report} />}
      </RequestOutcome>
    </>
  );
}

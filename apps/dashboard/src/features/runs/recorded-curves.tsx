import { useMemo } from 'react';
import { type TradeView } from '../../api/types';
import { type ChartMarker } from '../../components/chart-engine';
import { useRequest } from '../../api/use-request';
import { useSession } from '../../app/session';
import { benchmarkPhrase } from '../../components/benchmark';
import { PriceChart } from '../../components/price-chart';
import { RunWarnings } from '../../components/provider-note';
import { RequestOutcome } from '../../components/request-outcome';
import { tradeMarks } from '../../components/trade-marks';
import { TradesTable } from '../../components/trades-table';
import { EquityAndDrawdown } from '../backtest/run-charts';
import { loadRunCurves, loadRunTrades, type RunCurves } from './run-curves';

interface Loaded {
  curves: RunCurves;
  trades: TradeView[] | undefined;
}

export interface RecordedCurvesProps {
  runId: string;
  /** The traded symbol when the run has one: its prices are drawn with the trades. */
  symbol: string | undefined;
  benchmark: string;
  /** The run's trades are listed too, and marked on its prices (a backtest's). */
  withTrades: boolean;
  /** Marks on its prices when it lists no trades (a paper trade's recorded orders). */
  marks?: readonly ChartMarker[];
  /** What the button says ("Show curves and trades"). */
  action: string;
}

/**
 * A recorded run's curves (and trades), which the run does not store: read on request from its report's CSV
 * tables, which the server makes by rerunning the run's spec on the same data (for a long walk-forward that
 * is a long computation, hence a button). Kept for the session once read.
 */
export function RecordedCurves(props: RecordedCurvesProps) {
  const { runId, withTrades, action } = props;
  const { client } = useSession();
  const request = useRequest<Loaded>(`runs.curves.${runId}.${withTrades ? 'trades' : 'equity'}`);
  const load = () =>
    request.run(async (signal) => {
      const [curves, trades] = await Promise.all([
        loadRunCurves(client, runId, signal),
        withTrades ? loadRunTrades(client, runId, signal) : undefined,
      ]);
      return { curves, trades };
    });
  return (
    <section aria-label="Curves and trades" className="recorded-curves">
      {request.state.status === 'idle' && (
        <>
          <p className="muted">
            A run keeps its figures, not its curves: the server recomputes them from the run's spec, on the
            same data.
          </p>
          <button type="button" className="button button--secondary" onClick={load}>
            {action}
          </button>
        </>
      )}
      <RequestOutcome request={request} progressLabel="Recomputing the run's curves">
        {(loaded) => <LoadedCurves loaded={loaded} {...props} />}
      </RequestOutcome>
    </section>
  );
}

const NO_MARKS: readonly ChartMarker[] = [];

function LoadedCurves({
  loaded,
  symbol,
  benchmark,
  marks: given = NO_MARKS,
}: RecordedCurvesProps & { loaded: Loaded }) {
  const { curves, trades } = loaded;
  const marks = useMemo(() => (trades ? tradeMarks(trades) : given), [trades, given]);
  const { prices } = curves;
  return (
    <>
      <RunWarnings warnings={curves.warnings} />
      <EquityAndDrawdown
        chart={curves.chart}
        benchmark={benchmark}
        equityLabel={`Equity of the run against ${benchmarkPhrase(benchmark)}`}
      >
        {(group) =>
          symbol !== undefined &&
          prices &&
          (trades !== undefined || marks.length > 0) && (
            <>
              <h4>{symbol} and the trades</h4>
              <PriceChart symbol={symbol} prices={prices} marks={marks} group={group} />
            </>
          )
        }
      </EquityAndDrawdown>
      {trades && (
        <>
          <h4>Trades</h4>
          <TradesTable trades={trades} />
        </>
      )}
    </>
  );
}

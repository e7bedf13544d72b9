import { DATA_PROVIDERS } from '@aetherquant/core';
import { useEffect } from 'react';
import { type BarsReport } from '../../api/types';
import { useRequest } from '../../api/use-request';
import { useSession } from '../../app/session';
import { type ChartMarker } from '../../components/chart-engine';
import { type ChartGroup } from '../../components/chart-group';
import { PriceChart } from '../../components/price-chart';
import { RequestError } from '../../components/request-error';
import { Progress } from '../../components/submit-button';

export interface PriceFromBarsProps {
  /** The run's symbol, provider and window (its first and last bar). */
  symbol: string;
  provider: string;
  first: string;
  last: string;
  marks: readonly ChartMarker[];
  group?: ChartGroup;
}

/**
 * The price chart of a run answered with its trades but without its prices (a backtest's or a paper trade's
 * report): the bars of its window read from `GET /api/bars` (the provider the run read, its daily bars), the
 * marks put on them. The chart is left out when those bars do not hold the run's trades (an intraday run:
 * the report does not name its interval), rather than drawn with marks beside their bars.
 */
export function PriceFromBars({ symbol, provider, first, last, marks, group }: PriceFromBarsProps) {
  const { client } = useSession();
  const request = useRequest<BarsReport>();
  const { run, state } = request;
  const daily = /^\d{4}-\d{2}-\d{2}$/.test(first);
  const source = DATA_PROVIDERS.find((name) => name === provider);
  useEffect(() => {
    if (!daily || source === undefined) return;
    run((signal) => client.call('bars', { symbol, start: first, end: last, provider: source }, { signal }));
  }, [run, client, symbol, source, first, last, daily]);

  const heading = <h4>{symbol} and the trades</h4>;
  if (!daily || source === undefined)
    return (
      <>
        {heading}
        <p className="muted">
          {daily
            ? `The prices of ${symbol} cannot be read again from ${provider}.`
            : "The price chart shows daily runs; this run's bars are intraday."}
        </p>
      </>
    );
  switch (state.status) {
    case 'success': {
      const times = new Set(state.data.time);
      const unmatched = marks.filter((mark) => !times.has(mark.time));
      return (
        <>
          {heading}
          {unmatched.length > 0 ? (
            <p className="muted">
              The bars read for {symbol} do not hold this run's trades (its bars were not daily), so its
              prices are not drawn.
            </p>
          ) : (
            <PriceChart symbol={symbol} prices={state.data} marks={marks} group={group} />
          )}
        </>
      );
    }
    case 'error':
      return (
        <>
          {heading}
          <RequestError error={state.error} onRetry={request.retry} />
        </>
      );
    default:
      return (
        <>
          {heading}
          <Progress label={`Loading the prices of ${symbol}`} />
        </>
      );
  }
}

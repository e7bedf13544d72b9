// Types only: the JSON shapes of a paper-trading run's report.

import { type ChartSeries } from './chart-series';
import { type RecordingFields } from './recording-fields';

/** One order of a paper-trading run as its report lists it. */
export interface PaperOrderView {
  client_order_id: string;
  time: string;
  side: string;
  quantity: number;
  status: string;
  fill_price?: number;
  commission?: number;
  reason?: string;
}

export interface PapertradeReport extends RecordingFields {
  symbol: string;
  broker: 'paper';
  provider: string;
  strategy: string;
  params: Record<string, number>;
  first: string;
  last: string;
  orders_placed: number;
  start_equity: number;
  final_equity: number;
  cash: number;
  /** Shares held at the end. */
  position: number;
  orders: PaperOrderView[];
  /**
   * Present when the caller asked for charts (`chartPoints`): the engine's equity at each close against
   * buy-and-hold of the starting equity; never recorded.
   */
  chart?: ChartSeries;
}

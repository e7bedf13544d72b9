import { act, screen, within } from '@testing-library/react';
import { type PapertradeReport } from '../../api/types';
import { fakeApi } from '../../testing/fake-api';
import { createdCharts } from '../../testing/fake-lightweight-charts';
import { renderSignedIn } from '../../testing/render-signed-in';
import { BARS_REPORT, PAPERTRADE_REPORT } from '../../testing/sample-reports';
import { PapertradeResults } from './papertrade-results';

jest.mock('lightweight-charts', () => jest.requireActual('../../testing/fake-lightweight-charts'), {
  virtual: true,
});

/** A paper account that bought at the close of 2024-11-22 (1.7126 after slippage) and had a sale refused. */
const REPORT = {
  ...PAPERTRADE_REPORT,
  benchmark: 'QQQ',
  last: '2024-11-26',
  orders: [
    { ...PAPERTRADE_REPORT.orders[0], time: '2024-11-22' },
    {
      client_order_id: 'ma-cross-SPY-2',
      time: '2024-11-25',
      side: 'sell',
      quantity: 58382,
      status: 'rejected',
      reason: 'no position',
    },
  ],
} as unknown as PapertradeReport;

describe("a paper trade's results", () => {
  it('marks each filled order on the prices at its fill, in one chart group with the equity', async () => {
    createdCharts.length = 0;
    const api = fakeApi({ 'GET /api/bars': { body: BARS_REPORT } });
    renderSignedIn(<PapertradeResults report={REPORT} />, { fetch: api.fetch });
    const price = await screen.findByTestId('price-chart');
    const drawn = createdCharts.find((chart) => chart.element === price);
    // The refused sale is not a trade: one mark.
    expect(drawn?.series[0]?.markers).toEqual([
      expect.objectContaining({ time: '2024-11-22', shape: 'arrowUp', price: 1.7126 }),
    ]);
    act(() => drawn?.moveCrosshair(2));
    expect(screen.getByTestId('papertrade-equity-chart')).toHaveAttribute(
      'data-crosshair-time',
      '2024-11-25',
    );
    expect(screen.getByText(/Benchmark:/)).toHaveTextContent('Benchmark: buy-and-hold of QQQ');
    expect(
      within(screen.getByRole('group', { name: 'Final equity' })).getByText(/vs QQQ/),
    ).toBeInTheDocument();
  });
});

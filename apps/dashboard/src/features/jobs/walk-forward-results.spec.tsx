import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type WalkForwardReport } from '../../api/types';
import { fakeApi } from '../../testing/fake-api';
import { renderSignedIn } from '../../testing/render-signed-in';
import { WALK_FORWARD_REPORT } from '../../testing/sample-reports';
import { WalkForwardResults } from './walk-forward-results';

jest.mock('lightweight-charts', () => jest.requireActual('../../testing/fake-lightweight-charts'), {
  virtual: true,
});

const REPORT = WALK_FORWARD_REPORT as unknown as WalkForwardReport;
const EQUITY_CSV = [
  'time,equity,drawdown,benchmark,close',
  '2023-01-03,99985,0,100000,380.82',
  '2023-01-04,101020.5,0,100870.1,384.1',
  '2023-01-05,100010.25,-0.01,99800,380.02',
  '',
].join('\n');

describe("a walk-forward's out-of-sample equity", () => {
  it("is read on request from its run's equity table, against its benchmark", async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      [`GET /api/runs/${REPORT.run_id}/report`]: {
        text: EQUITY_CSV,
        headers: { 'Content-Type': 'text/csv; charset=utf-8', 'X-Report-Warnings': '["Synthetic data."]' },
      },
    });
    renderSignedIn(<WalkForwardResults report={REPORT} />, { fetch: api.fetch, role: 'admin' });
    expect(api.requests).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Show the out-of-sample equity' }));
    const chart = await screen.findByTestId('equity-chart');
    expect(chart).toHaveAttribute('data-points', '3');
    expect(chart.closest('figure')).toHaveTextContent('2023-01-05Strategy $100,010.25SPY $99,800.00');
    expect(Object.fromEntries(api.requests[0]?.query ?? [])).toEqual({ format: 'csv', table: 'equity' });
    expect(screen.getByText('Synthetic data.')).toBeInTheDocument();
    // The stitched windows list no trades, so no price chart either.
    expect(screen.queryByTestId('price-chart')).not.toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: 'Results' })).getAllByRole('heading', { name: 'Equity' }),
    ).toHaveLength(1);
  });

  it('says a trader cannot read it, rather than offering what the key may not do', () => {
    renderSignedIn(<WalkForwardResults report={REPORT} />, { fetch: fakeApi({}).fetch, role: 'trader' });
    expect(screen.queryByRole('button', { name: 'Show the out-of-sample equity' })).not.toBeInTheDocument();
    expect(screen.getByText(/an admin key can read/)).toBeInTheDocument();
  });
});

import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../../testing/fake-api';
import { renderSignedIn } from '../../testing/render-signed-in';
import { OPTIMIZE_REPORT } from '../../testing/sample-reports';
import { OptimizeScreen } from './optimize-screen';

function chips() {
  return within(screen.getByRole('list', { name: 'Symbols chosen' }))
    .getAllByRole('listitem')
    .map((chip) => chip.firstChild?.textContent);
}

describe('the optimise screen', () => {
  it('edits the symbols as chips: Enter or a comma adds, the chip button removes', async () => {
    const user = userEvent.setup();
    renderSignedIn(<OptimizeScreen />, { fetch: fakeApi({}).fetch });
    expect(chips()).toEqual(['SPY', 'TLT', 'GLD', 'QQQ']);

    await user.type(screen.getByLabelText('Symbols'), 'iwm{Enter}');
    await user.type(screen.getByLabelText('Symbols'), 'efa,');
    await user.click(screen.getByRole('button', { name: 'Remove TLT' }));
    expect(chips()).toEqual(['SPY', 'GLD', 'QQQ', 'IWM', 'EFA']);
    expect(screen.getByLabelText('Symbols')).toHaveValue('');
    // The focus moves to the chip that took the removed one's place, else the one before, else the input.
    expect(screen.getByRole('button', { name: 'Remove GLD' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Remove EFA' }));
    expect(screen.getByRole('button', { name: 'Remove IWM' })).toHaveFocus();
    for (const symbol of ['IWM', 'QQQ', 'GLD', 'SPY']) {
      await user.click(screen.getByRole('button', { name: `Remove ${symbol}` }));
    }
    expect(screen.getByLabelText('Symbols')).toHaveFocus();
  });

  it("sends the method's options and shows the weights and risk contributions", async () => {
    const user = userEvent.setup();
    const api = fakeApi({ 'POST /api/optimize': { body: { ...OPTIMIZE_REPORT, method: 'mean-variance' } } });
    renderSignedIn(<OptimizeScreen />, { fetch: api.fetch });
    await user.selectOptions(screen.getByLabelText('Method'), 'mean-variance');
    await user.clear(screen.getByLabelText('Risk aversion'));
    await user.type(screen.getByLabelText('Risk aversion'), '5');
    await user.click(screen.getByRole('button', { name: 'Optimise' }));

    const results = await screen.findByRole('region', { name: 'Results' });
    expect(api.requests[0]?.body).toEqual({
      symbols: ['SPY', 'TLT', 'GLD', 'QQQ'],
      period: '2y',
      method: 'mean-variance',
      risk_aversion: 5,
      max_weight: 1,
      covariance: 'sample',
      allow_short: false,
    });
    expect(within(results).getByRole('img', { name: 'Weights' })).toHaveTextContent('GLD38.5%');
    expect(within(results).getByRole('img', { name: 'Risk contributions' })).toBeInTheDocument();
    expect(within(results).getByRole('row', { name: /GLD 38\.54% 25\.00%/ })).toBeInTheDocument();
    expect(within(results).getByRole('group', { name: 'Expected return' })).toHaveTextContent('-1.3%');
    expect(within(results).getByRole('group', { name: 'Volatility' })).toHaveTextContent('14.6%');
  });
});

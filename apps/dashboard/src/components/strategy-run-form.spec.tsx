import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { DEFAULT_STRATEGY, type StrategyDescription } from '@aetherquant/core';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BacktestScreen } from '../features/backtest/backtest-screen';
import { fakeApi } from '../testing/fake-api';
import { renderSignedIn } from '../testing/render-signed-in';
import { BACKTEST_REPORT, STRATEGIES } from '../testing/sample-reports';

jest.mock('lightweight-charts', () => jest.requireActual('../testing/fake-lightweight-charts'), {
  virtual: true,
});

/**
 * The strategies' test strategy module (`test-constant`). An API started with it lists it as the module
 * declares it (apps/api/test/strategy-modules.e2e-spec.ts), so that is the answer the form is given here.
 */
const TEST_STRATEGY_MODULE = resolve(
  __dirname,
  '../../../../libs/strategies/src/testing/test-constant.strategy.js',
);
const declared = createRequire(__filename)(TEST_STRATEGY_MODULE) as StrategyDescription;
const testConstant: StrategyDescription = {
  name: declared.name,
  description: declared.description,
  parameters: declared.parameters,
};

function backtestApi() {
  return fakeApi({
    'GET /api/strategies': { body: { strategies: [...STRATEGIES.strategies, testConstant] } },
    'POST /api/backtest': { body: BACKTEST_REPORT },
  });
}

describe('the strategy form, given the strategies the API lists', () => {
  it('offers every listed strategy, the default chosen', async () => {
    renderSignedIn(<BacktestScreen />, { fetch: backtestApi().fetch });
    const select = await screen.findByLabelText('Strategy');
    await screen.findByRole('option', { name: testConstant.name });
    const offered = screen.getAllByRole('option').map((option) => option.textContent);
    expect(offered).toEqual([...STRATEGIES.strategies, testConstant].map((strategy) => strategy.name));
    expect(select).toHaveValue(DEFAULT_STRATEGY);
  });

  it('shows a strategy added to the API with its description and its parameters at their defaults', async () => {
    const user = userEvent.setup();
    renderSignedIn(<BacktestScreen />, { fetch: backtestApi().fetch });
    await user.selectOptions(await screen.findByLabelText('Strategy'), testConstant.name);
    expect(screen.getByLabelText('Strategy')).toHaveAccessibleDescription(testConstant.description);
    for (const parameter of testConstant.parameters) {
      const field = screen.getByLabelText(parameter.name);
      expect(field).toHaveValue(String(parameter.default));
      expect(field).toHaveAccessibleDescription(expect.stringContaining(parameter.description));
    }
  });

  it('sends its name and every parameter, typed or default', async () => {
    const user = userEvent.setup();
    const api = backtestApi();
    renderSignedIn(<BacktestScreen />, { fetch: api.fetch });
    await user.selectOptions(await screen.findByLabelText('Strategy'), testConstant.name);
    await user.clear(screen.getByLabelText('level'));
    await user.type(screen.getByLabelText('level'), '-0.25');
    await user.click(screen.getByRole('button', { name: 'Run backtest' }));

    await screen.findByRole('region', { name: 'Results' });
    const defaults = Object.fromEntries(testConstant.parameters.map((p) => [p.name, p.default]));
    expect(api.requests.find((request) => request.path === '/api/backtest')?.body).toMatchObject({
      strategy: testConstant.name,
      params: { ...defaults, level: -0.25 },
    });
  });
});

import { parseSettings } from '@aetherquant/core';
import { runWorkflow } from '../workflow/workflow';
import { strategiesWorkflow } from './strategies.workflow';

const settings = parseSettings({ AETHERQ_DATABASE_URL: 'none', AETHERQ_CACHE_DIR: 'none' }).settings;

describe('strategiesWorkflow', () => {
  it('needs the strategies permission', () => {
    expect(strategiesWorkflow.useCase.permission).toBe('strategies');
  });

  it('lists every strategy with its parameters’ bounds and defaults, the baseline first', async () => {
    const { strategies } = await runWorkflow(strategiesWorkflow, {}, { context: { settings } });
    expect(strategies.map((strategy) => strategy.name)).toEqual([
      'ma-cross',
      'buy-and-hold',
      'rsi-reversion',
      'donchian-breakout',
      'momentum',
    ]);
    const maCross = strategies[0];
    expect(maCross?.parameters.map((parameter) => parameter.name)).toEqual(['fast', 'slow']);
    expect(maCross?.parameters[0]).toMatchObject({ kind: 'integer', default: 20 });
    // Plain JSON: what the API sends is what it returns.
    expect(JSON.parse(JSON.stringify(strategies))).toEqual(strategies);
  });

  it('takes no input', async () => {
    await expect(
      runWorkflow(strategiesWorkflow, { verbose: true }, { context: { settings } }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('verbose') });
  });
});

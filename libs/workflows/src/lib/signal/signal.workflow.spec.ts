import { AetherError } from '@aetherquant/core';
import { parseSettings } from '@aetherquant/core';
import { runWorkflow } from '../workflow/workflow';
import { signalWorkflow } from './signal.workflow';

describe('signalWorkflow', () => {
  const context = { settings: parseSettings({}).settings };

  it('needs the signal permission', () => {
    expect(signalWorkflow.useCase.permission).toBe('signal');
  });

  it('applies the default threshold of 0.01', async () => {
    await expect(runWorkflow(signalWorkflow, { latest_return: 0.015 }, { context })).resolves.toEqual({
      signal: 'buy',
      latest_return: 0.015,
      threshold: 0.01,
    });
  });

  it('rejects a negative threshold, naming the field as the caller spells it', async () => {
    const run = runWorkflow(
      signalWorkflow,
      { latest_return: 0.1, threshold: -1 },
      { context, fieldName: (f) => `--${f}` },
    );
    await expect(run).rejects.toBeInstanceOf(AetherError);
    await expect(run).rejects.toThrow('signal request: --threshold must be at least 0 (got -1)');
  });

  it('rejects text where a number is needed', async () => {
    await expect(runWorkflow(signalWorkflow, { latest_return: 'abc' }, { context })).rejects.toThrow(
      'latest_return must be a number (got "abc")',
    );
  });
});

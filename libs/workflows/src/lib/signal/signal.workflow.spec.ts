import { AetherError } from '@aetherquant/core';
import { parseSettings } from '@aetherquant/core';
import { runWorkflow } from '../workflow/workflow';
import { classifySignal, signalWorkflow } from './signal.workflow';

describe('classifySignal', () => {
  it.each([
    [0.015, 0.01, 'buy'],
    [0.0100001, 0.01, 'buy'],
    [0.01, 0.01, 'hold'], // the band's edge is inside: strictly greater is needed to buy
    [0, 0.01, 'hold'],
    [-0.01, 0.01, 'hold'],
    [-0.0100001, 0.01, 'sell'],
    [-0.5, 0.01, 'sell'],
    [0, 0, 'hold'],
    [1e-12, 0, 'buy'],
    [-1e-12, 0, 'sell'],
  ] as const)('return %p with threshold %p is %s', (latestReturn, threshold, expected) => {
    expect(classifySignal(latestReturn, threshold)).toBe(expected);
  });
});

describe('signalWorkflow', () => {
  const context = { settings: parseSettings({}).settings };

  it('needs the signal permission', () => {
    expect(signalWorkflow.permission).toBe('signal');
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

import { type CommandShape } from './command-shape';
import { usageErrorMessage } from './usage-errors';

const BACKTEST: CommandShape = {
  id: 'backtest',
  args: { symbol: {} },
  flags: { symbol: {}, symbols: {}, 'long-only': { type: 'boolean', allowNo: true }, fast: {} },
  enableJsonFlag: true,
};

describe('usageErrorMessage', () => {
  it('names the flag a typo meant', () => {
    expect(usageErrorMessage({ flags: ['--symbl'] }, 'Nonexistent flag: --symbl', BACKTEST)).toBe(
      'Nonexistent flag: --symbl — did you mean --symbol?',
    );
    expect(usageErrorMessage({ flags: ['--jsn'] }, 'Nonexistent flag: --jsn', BACKTEST)).toBe(
      'Nonexistent flag: --jsn — did you mean --json?',
    );
    expect(
      usageErrorMessage({ flags: ['--no-longonly=1'] }, 'Nonexistent flag: --no-longonly=1', BACKTEST),
    ).toBe('Nonexistent flag: --no-longonly — did you mean --no-long-only?');
  });

  it('points to the help when no flag is close, and lists each of several', () => {
    expect(usageErrorMessage({ flags: ['--portfolio'] }, 'Nonexistent flag: --portfolio', BACKTEST)).toBe(
      'Nonexistent flag: --portfolio — see `aetherquant backtest --help`',
    );
    expect(
      usageErrorMessage({ flags: ['--symbl', '--zzz'] }, 'Nonexistent flags: --symbl, --zzz', BACKTEST),
    ).toBe('Nonexistent flags: --symbl (did you mean --symbol?), --zzz — see `aetherquant backtest --help`');
  });

  it('says what the command takes as arguments, and which option a bad value meant', () => {
    expect(usageErrorMessage({}, 'Unexpected argument: QQQ', BACKTEST)).toBe(
      'Unexpected argument: QQQ — backtest takes the symbol as --symbol SPY or as its first argument (several as --symbols SPY,QQQ or SPY,QQQ)',
    );
    expect(usageErrorMessage({}, 'Expected --broker=pape to be one of: paper, live', BACKTEST)).toBe(
      'Expected --broker=pape to be one of: paper, live — did you mean paper?',
    );
    expect(usageErrorMessage({}, 'Expected --broker=x to be one of: paper, live', BACKTEST)).toBe(
      'Expected --broker=x to be one of: paper, live',
    );
  });

  it('names a missing argument with its description, and points anything else to the help', () => {
    expect(
      usageErrorMessage(
        { args: [{ name: 'path', description: 'The strategy file.' }] },
        'Missing 1 required arg: path The strategy file.',
        { id: 'strategy:check', args: { path: {} } },
      ),
    ).toBe('Missing required argument PATH, the strategy file — see `aetherquant strategy check --help`');
    expect(usageErrorMessage({}, 'Missing required flag latest-return', { id: 'signal' })).toBe(
      'Missing required flag latest-return — see `aetherquant signal --help`',
    );
  });
});

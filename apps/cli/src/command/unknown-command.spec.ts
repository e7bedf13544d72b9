import { type ListedCommand, unknownCommandMessage } from './unknown-command';

const COMMANDS: ListedCommand[] = [
  { id: 'backtest', args: { symbol: {} }, flags: { symbol: {}, symbols: {} } },
  { id: 'sweep', args: { symbol: {} }, flags: { symbol: {} } },
  { id: 'signal', flags: { 'latest-return': {} } },
  { id: 'db:runs', flags: { symbol: {}, limit: {} }, aliases: ['db-runs'] },
  { id: 'db:init', flags: {} },
  { id: 'jobs:list', flags: {} },
  { id: 'worker', hidden: true, flags: {} },
];
const TOPICS = ['db', 'jobs'];

describe('unknownCommandMessage', () => {
  it('names the command a typo meant', () => {
    expect(unknownCommandMessage('bactest', COMMANDS, TOPICS)).toBe(
      'command "bactest" not found — did you mean "backtest"?',
    );
    expect(unknownCommandMessage('sweeep', COMMANDS, TOPICS)).toBe(
      'command "sweeep" not found — did you mean "sweep"?',
    );
  });

  it('matches the most words it can: `db run` is `db runs`, `jobz list` is `jobs list`', () => {
    expect(unknownCommandMessage('db:run', COMMANDS, TOPICS)).toBe(
      'command "db run" not found — did you mean "db runs"?',
    );
    expect(unknownCommandMessage('jobz:list', COMMANDS, TOPICS)).toBe(
      'command "jobz list" not found — did you mean "jobs list"?',
    );
  });

  it('reads the words after a typo as its arguments: `bactest SPY` meant `backtest`', () => {
    expect(unknownCommandMessage('bactest:SPY', COMMANDS, TOPICS)).toBe(
      'command "bactest" not found — did you mean "backtest"?',
    );
  });

  it('says what a real command takes when it was given an argument it does not take', () => {
    expect(unknownCommandMessage('signal:SPY', COMMANDS, TOPICS)).toBe(
      'Unexpected argument: SPY — signal takes no arguments, only flags (see `aetherquant signal --help`)',
    );
    expect(unknownCommandMessage('db:runs:SPY', COMMANDS, TOPICS)).toBe(
      'Unexpected argument: SPY — db runs takes the symbol as --symbol SPY, not as an argument',
    );
    expect(unknownCommandMessage('db-runs:SPY:QQQ', COMMANDS, TOPICS)).toBe(
      'Unexpected arguments: SPY, QQQ — db runs takes the symbol as --symbol SPY, not as an argument',
    );
  });

  it('points to the list of commands when nothing is close, and never suggests a hidden one', () => {
    expect(unknownCommandMessage('portfolio', COMMANDS, TOPICS)).toBe(
      'command "portfolio" not found — see `aetherquant --help` for the commands',
    );
    expect(unknownCommandMessage('workr', COMMANDS, TOPICS)).toBe(
      'command "workr" not found — see `aetherquant --help` for the commands',
    );
  });
});

import { AetherError } from '@aetherquant/core';
import { type CommandShape } from './command-shape';
import { argumentHint, symbolArgumentKind, symbolArgumentToken } from './symbol-argument';

const BACKTEST: CommandShape = { id: 'backtest', args: { symbol: {} }, flags: { symbol: {}, symbols: {} } };
const SWEEP: CommandShape = { id: 'sweep', args: { symbol: {} }, flags: { symbol: {} } };
const OPTIMIZE: CommandShape = { id: 'optimize', args: { symbol: {} }, flags: { symbols: {} } };
const DB_RUNS: CommandShape = { id: 'db:runs', flags: { symbol: {} } };

/** The message of what `run` throws. */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AetherError);
    expect((error as AetherError).code).toBe('INVALID_ARGUMENT');
    return (error as AetherError).message;
  }
  throw new Error('not refused');
}

describe('the symbol as first argument', () => {
  it('stands for --symbol, or --symbols where the command takes several', () => {
    expect(symbolArgumentKind(BACKTEST)).toBe('symbol-or-symbols');
    expect(symbolArgumentKind(SWEEP)).toBe('symbol');
    expect(symbolArgumentKind(OPTIMIZE)).toBe('symbols');
    expect(symbolArgumentKind(DB_RUNS)).toBeUndefined();
  });

  it('becomes the flag it stands for', () => {
    expect(symbolArgumentToken(BACKTEST, 'SPY', {})).toBe('--symbol=SPY');
    expect(symbolArgumentToken(BACKTEST, 'SPY,QQQ', {})).toBe('--symbols=SPY,QQQ');
    expect(symbolArgumentToken(OPTIMIZE, 'SPY,QQQ,TLT', {})).toBe('--symbols=SPY,QQQ,TLT');
    expect(symbolArgumentToken(SWEEP, undefined, {})).toBeUndefined();
  });

  it('needs nothing more when the flag says the same, in any case or spacing', () => {
    expect(symbolArgumentToken(BACKTEST, 'spy', { symbol: 'SPY' })).toBeUndefined();
    expect(symbolArgumentToken(BACKTEST, 'SPY,QQQ', { symbols: 'spy, qqq' })).toBeUndefined();
  });

  it('is refused, naming both, when it contradicts a flag', () => {
    expect(refusal(() => symbolArgumentToken(BACKTEST, 'SPY', { symbol: 'QQQ' }))).toBe(
      'SYMBOL SPY conflicts with --symbol QQQ — give the symbol once: as the first argument or as --symbol',
    );
    expect(refusal(() => symbolArgumentToken(BACKTEST, 'SPY', { symbols: 'SPY,QQQ' }))).toBe(
      'SYMBOL SPY conflicts with --symbols SPY,QQQ — give the symbol once: as the first argument or as --symbol',
    );
    expect(refusal(() => symbolArgumentToken(BACKTEST, 'SPY,QQQ', { symbol: 'SPY' }))).toBe(
      'SYMBOL SPY,QQQ conflicts with --symbol SPY — give the symbols once: as the first argument or as --symbols',
    );
  });

  it('is refused when it lists several symbols for a command that runs on one', () => {
    expect(refusal(() => symbolArgumentToken(SWEEP, 'SPY,QQQ', {}))).toBe(
      'SYMBOL must be one symbol for sweep (got SPY,QQQ) — sweep takes the symbol as --symbol SPY or as its first argument',
    );
  });

  it('is explained where a command takes none', () => {
    expect(argumentHint(BACKTEST)).toBe(
      'backtest takes the symbol as --symbol SPY or as its first argument (several as --symbols SPY,QQQ or SPY,QQQ)',
    );
    expect(argumentHint(OPTIMIZE)).toBe(
      'optimize takes the symbols as --symbols SPY,QQQ,TLT or as its first argument',
    );
    expect(argumentHint(DB_RUNS)).toBe('db runs takes the symbol as --symbol SPY, not as an argument');
    expect(argumentHint({ id: 'jobs:wait', args: { id: {} } })).toBe(
      'jobs wait takes ID as arguments (see `aetherquant jobs wait --help`)',
    );
    expect(argumentHint({ id: 'settings', flags: {} })).toBe(
      'settings takes no arguments, only flags (see `aetherquant settings --help`)',
    );
  });
});

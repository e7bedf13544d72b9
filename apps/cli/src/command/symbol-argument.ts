// `aetherquant backtest SPY`: the symbol as the first argument of the commands that take one, the same as
// `--symbol SPY` (`SPY,QQQ` as `--symbols` where the command takes a portfolio).

import { AetherError } from '@aetherquant/core';
import type * as Interfaces from '@oclif/core/interfaces';
import { type CommandShape, commandName, helpHint } from './command-shape';

/** The positional's name: the key of a command's `args`, and what its help calls it (SYMBOL). */
export const SYMBOL_ARGUMENT = 'symbol';

/**
 * The optional first argument of a command that takes a symbol. Written out rather than made with oclif's
 * `Args` (not in the start-up bundle), as `requiredArg` is. Never read from standard input: oclif would
 * otherwise take a piped key or request (`--api-key-file -`) for the missing argument.
 */
export function symbolArgument(description: string): Interfaces.Arg<string | undefined> {
  return {
    name: SYMBOL_ARGUMENT,
    description,
    required: false,
    ignoreStdin: true,
    input: [],
    parse: async (input: string) => input,
  };
}

/**
 * What the first argument stands for: `--symbol`, `--symbols`, or either by whether it lists several (comma);
 * undefined for a command without the argument.
 */
export type SymbolArgumentKind = 'symbol' | 'symbols' | 'symbol-or-symbols';

export function symbolArgumentKind(command: CommandShape): SymbolArgumentKind | undefined {
  if (!Object.hasOwn(command.args ?? {}, SYMBOL_ARGUMENT)) return undefined;
  const flags = command.flags ?? {};
  const single = Object.hasOwn(flags, 'symbol');
  const several = Object.hasOwn(flags, 'symbols');
  return single && several ? 'symbol-or-symbols' : several ? 'symbols' : 'symbol';
}

/** `spy, QQQ` and `SPY,QQQ` name the same symbols. */
function sameSymbols(a: string, b: string): boolean {
  const normal = (text: string) =>
    text
      .split(',')
      .map((symbol) => symbol.trim().toUpperCase())
      .filter((symbol) => symbol !== '')
      .join(',');
  return normal(a) === normal(b);
}

/**
 * The flag the first argument `value` stands for, as a token to add to the command line (`--symbol=SPY`),
 * given the flags the command line names itself; undefined when it needs none (no argument, or the same
 * symbols given both ways). An argument that contradicts `--symbol` or `--symbols`, or lists several symbols
 * for a command that takes one, is refused naming both.
 */
export function symbolArgumentToken(
  command: CommandShape,
  value: string | undefined,
  commandLine: { symbol?: unknown; symbols?: unknown },
): string | undefined {
  const kind = symbolArgumentKind(command);
  if (kind === undefined || value === undefined) return undefined;
  const several = value.includes(',');
  if (several && kind === 'symbol') {
    throw AetherError.invalid([
      {
        field: 'SYMBOL',
        rule: `must be one symbol for ${commandName(command.id)} (got ${value}) — ${argumentHint(command)}`,
      },
    ]);
  }
  const flag = kind === 'symbols' || (kind === 'symbol-or-symbols' && several) ? 'symbols' : 'symbol';
  for (const given of ['symbol', 'symbols'] as const) {
    const other = commandLine[given];
    if (typeof other !== 'string') continue;
    if (given === flag && sameSymbols(other, value)) return undefined;
    throw AetherError.invalid([
      {
        field: 'SYMBOL',
        rule: `${value} conflicts with --${given} ${other} — give the ${flag === 'symbols' ? 'symbols' : 'symbol'} once: as the first argument or as --${flag}`,
      },
    ]);
  }
  return `--${flag}=${value}`;
}

/**
 * What a command takes as arguments, for a user who gave one it does not: `backtest takes the symbol as
 * --symbol SPY or as its first argument`.
 */
export function argumentHint(command: CommandShape): string {
  const name = commandName(command.id);
  switch (symbolArgumentKind(command)) {
    case 'symbol-or-symbols':
      return `${name} takes the symbol as --symbol SPY or as its first argument (several as --symbols SPY,QQQ or SPY,QQQ)`;
    case 'symbols':
      return `${name} takes the symbols as --symbols SPY,QQQ,TLT or as its first argument`;
    case 'symbol':
      return `${name} takes the symbol as --symbol SPY or as its first argument`;
    case undefined:
      break;
  }
  const args = Object.keys(command.args ?? {});
  if (args.length > 0) {
    return `${name} takes ${args.map((arg) => arg.toUpperCase()).join(' ')} as arguments (${helpHint(command.id)})`;
  }
  if (Object.hasOwn(command.flags ?? {}, 'symbol')) {
    return `${name} takes the symbol as --symbol SPY, not as an argument`;
  }
  return `${name} takes no arguments, only flags (${helpHint(command.id)})`;
}

import {
  AetherError,
  DEFAULT_STRATEGY,
  type FieldViolation,
  parseDecimal,
  RANK_METRICS,
} from '@aetherquant/core';
import { BUILT_IN_STRATEGIES } from '@aetherquant/workflows/strategies';
import * as Flags from '@oclif/core/flags';

/**
 * The `--strategy` flag's summary, `<lead>: <names> [default: <name>]`: the strategies in the registry's
 * order and the one a request falls back to. Generated from the registry, so the help lists a strategy as
 * soon as the registry has it.
 */
export function strategyFlagSummary(strategies: readonly { name: string }[], lead = 'Strategy'): string {
  return `${lead}: ${strategies.map((strategy) => strategy.name).join(', ')} [default: ${DEFAULT_STRATEGY}].`;
}

/** `--strategy-file`: a strategy of one's own, loaded (TypeScript compiled) by this process for this run. */
const strategyFileFlag = Flags.string({
  summary:
    'Run a strategy of your own: a .ts, .mts, .cts, .js, .mjs or .cjs file whose default export is made with defineStrategy (docs/strategies.md). Its parameters come from --param.',
});

/** Flags that name strategy parameters: the two common ones, and any other as `--param name=value`. */
export const strategyFlags = {
  strategy: Flags.string({ summary: strategyFlagSummary(BUILT_IN_STRATEGIES.strategies) }),
  'strategy-file': strategyFileFlag,
  fast: Flags.string({ summary: 'ma-cross fast window (same as --param fast=N).' }),
  slow: Flags.string({ summary: 'ma-cross slow window (same as --param slow=N).' }),
  param: Flags.string({ summary: 'A strategy parameter, name=value; repeat for several.', multiple: true }),
};

/**
 * The strategy parameters from `--fast`, `--slow` and each `--param name=value`, as numbers. A value that is
 * not a number, a malformed pair, or a name given twice fails naming the flag.
 */
export function strategyParams(flags: {
  fast?: string;
  slow?: string;
  param?: string[];
}): Record<string, number> {
  const params: Record<string, number> = {};
  const violations: FieldViolation[] = [];
  const add = (flag: string, name: string, text: string) => {
    const value = parseDecimal(text);
    if (value === undefined)
      violations.push({ field: flag, rule: `must give a number for ${name} (got ${JSON.stringify(text)})` });
    else if (Object.hasOwn(params, name))
      violations.push({ field: flag, rule: `gives ${name} a second time` });
    else params[name] = value;
  };
  if (flags.fast !== undefined) add('--fast', 'fast', flags.fast);
  if (flags.slow !== undefined) add('--slow', 'slow', flags.slow);
  for (const pair of flags.param ?? []) {
    const match = /^\s*([A-Za-z][\w-]*)\s*=\s*(.*)$/.exec(pair);
    if (match) add('--param', match[1] as string, match[2] as string);
    else violations.push({ field: '--param', rule: `must be name=value (got ${JSON.stringify(pair)})` });
  }
  if (violations.length > 0) throw AetherError.invalid(violations, 'strategy parameters');
  return params;
}

/**
 * A sweep grid from the same flags, each value kept as text for the request: `--fast 5:50:5`,
 * `--slow 20,50,100`, `--param lookback=5:60:5`. A malformed pair or a name given twice fails naming the flag.
 */
export function strategyGrid(flags: {
  fast?: string;
  slow?: string;
  param?: string[];
}): Record<string, string> {
  const grid: Record<string, string> = {};
  const violations: FieldViolation[] = [];
  const add = (flag: string, name: string, text: string) => {
    if (Object.hasOwn(grid, name)) violations.push({ field: flag, rule: `gives ${name} a second time` });
    else grid[name] = text.trim();
  };
  if (flags.fast !== undefined) add('--fast', 'fast', flags.fast);
  if (flags.slow !== undefined) add('--slow', 'slow', flags.slow);
  for (const pair of flags.param ?? []) {
    const match = /^\s*([A-Za-z][\w-]*)\s*=\s*(.+)$/.exec(pair);
    if (match) add('--param', match[1] as string, match[2] as string);
    else violations.push({ field: '--param', rule: `must be name=values (got ${JSON.stringify(pair)})` });
  }
  if (violations.length > 0) throw AetherError.invalid(violations, 'strategy grid');
  return grid;
}

/** The flags of a grid search (sweep, walk-forward): the strategy, its parameters' values, the ranking metric. */
export const gridSearchFlags = {
  strategy: Flags.string({
    summary: strategyFlagSummary(BUILT_IN_STRATEGIES.strategies, 'Strategy whose parameters to search'),
  }),
  'strategy-file': strategyFileFlag,
  fast: Flags.string({ summary: 'ma-cross fast windows: a number, a list (5,10,20) or a range (5:50:5).' }),
  slow: Flags.string({ summary: 'ma-cross slow windows, e.g. 20:200:10.' }),
  param: Flags.string({
    summary: "Another parameter's values, name=values (e.g. lookback=5:60:5); repeat for several.",
    multiple: true,
  }),
  'rank-by': Flags.string({ summary: `Metric to rank by: ${RANK_METRICS.join(', ')} [default: sharpe].` }),
};

export function gridSearchRequest(flags: {
  strategy?: string;
  fast?: string;
  slow?: string;
  param?: string[];
  'rank-by'?: string;
}) {
  return { strategy: flags.strategy, grid: strategyGrid(flags), rank_by: flags['rank-by'] };
}

import { type StrategyDescription } from '@aetherquant/core';
import type { CheckedStrategyModule } from '@aetherquant/workflows/strategies';
import { type ReportRenderer } from '../report-renderer';
import { renderTable } from '../table';
import { PLAIN_STYLE, type Style } from '../terminal';

/** A strategy as `strategy list` lists it: its description, its kind and where it comes from. */
export interface ListedStrategy extends StrategyDescription {
  /** `single-asset` (one symbol's targets), or `universe` (every symbol's at once, for `--symbols`). */
  kind: 'single-asset' | 'universe';
  /** `built-in`, or the file it comes from. */
  source: string;
}

/** `fast=20 [1..10000] slow=50 [2..10000]`. */
function parameterList(strategy: ListedStrategy): string {
  return strategy.parameters.map((p) => `${p.name}=${p.default} [${p.min}..${p.max}]`).join(' ');
}

/** `strategy list`: a name, kind, source and parameters a line, the description under it; a table for a person. */
export const strategiesRenderer: ReportRenderer<{ strategies: ListedStrategy[] }> = {
  script({ strategies }) {
    const width = Math.max(...strategies.map((strategy) => strategy.name.length));
    return strategies
      .flatMap((strategy) => [
        `${strategy.name.padEnd(width)}  ${strategy.kind === 'universe' ? 'universe, ' : ''}${strategy.source}  ${parameterList(strategy) || '(no parameters)'}`,
        `${' '.repeat(width)}  ${strategy.description}`,
      ])
      .join('\n');
  },
  human: ({ strategies }, terminal) =>
    renderTable<ListedStrategy>(
      [
        { header: 'Strategy', cell: (strategy) => strategy.name },
        { header: 'Kind', cell: (strategy) => strategy.kind, drop: 1 },
        { header: 'Source', cell: (strategy) => strategy.source, overflow: 'truncate', drop: 2 },
        {
          header: 'Parameters: default [range]',
          cell: (strategy) => parameterList(strategy) || '—',
          overflow: 'wrap',
          minWidth: 20,
        },
        { header: 'Description', cell: (strategy) => strategy.description, overflow: 'wrap', minWidth: 30 },
      ],
      strategies,
      terminal,
    ),
};

/** `name (path): passed`, then a line per property: ✓ or ✗, the property, its rule or its counter-example. */
function verdictLines({ path, checks }: CheckedStrategyModule, style: Style): string {
  const width = Math.max(
    ...checks.flatMap((check) => check.verdicts.map((verdict) => verdict.property.length)),
  );
  return checks
    .flatMap((check) => [
      `${check.strategy} (${path}): ${check.passed ? style.positive('passed') : style.negative('FAILED')} — ${check.parameterSets} parameter sets, ${check.seriesPerSet} ${check.kind === 'universe' ? 'universes' : 'series'} each`,
      ...check.verdicts.map(
        (verdict) =>
          `  ${verdict.passed ? style.positive('✓') : style.negative('✗')} ${verdict.property.padEnd(width)}  ${verdict.passed ? verdict.rule : verdict.problem}`,
      ),
    ])
    .join('\n');
}

/** `strategy check`: a verdict per property of each strategy in the file (✓ and ✗ in colour for a person). */
export const strategyCheckRenderer: ReportRenderer<CheckedStrategyModule> = {
  script: (checked) => verdictLines(checked, PLAIN_STYLE),
  human: (checked, terminal) => verdictLines(checked, terminal.style),
};

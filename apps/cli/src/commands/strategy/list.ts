import { fileStrategyNames, resolveStrategyPaths } from '@aetherquant/workflows/strategies';
import { AetherCommand, workflowRunOptions } from '../../command/aether-command';
import { strategyFlags } from '../../flags/strategy-flags';
import { type ListedStrategy } from '../../output/renderers/strategies.renderer';

export default class StrategyListCommand extends AetherCommand {
  static override useCases = ['strategies'] as const;
  static override summary = 'List the strategies a run may name: built-in, and loaded from files.';
  static override description =
    'The built-ins, then the strategies of AETHERQ_STRATEGY_PATHS and of --strategy-file, each with its ' +
    'parameters (default and bounds) and where it comes from. With --json, {"strategies":[…]} as ' +
    'GET /api/strategies gives them, each with its source.';
  static override examples = [
    '<%= config.bin %> strategy list',
    '<%= config.bin %> strategy list --strategy-file strategies/rising.strategy.ts --json',
  ];
  static override flags = {
    'strategy-file': strategyFlags['strategy-file'],
    dotenv: AetherCommand.dotenvFlag,
  };

  async run(): Promise<{ strategies: ListedStrategy[] }> {
    const { flags } = await this.parse(StrategyListCommand);
    const listedBy = await this.runUseCase('strategies', {}, workflowRunOptions(flags));
    const sources = await this.sourcesByName(flags);
    const listed = [
      ...listedBy.strategies.map((strategy) => ({ ...strategy, kind: 'single-asset' as const })),
      ...listedBy.universe_strategies.map((strategy) => ({ ...strategy, kind: 'universe' as const })),
    ].map((strategy) => ({ ...strategy, source: sources.get(strategy.name) ?? 'built-in' }));
    this.present('strategies', { strategies: listed });
    return { strategies: listed };
  }

  /** The file each loaded strategy comes from, by name: the files of this run, as `runUseCase` gives them. */
  private async sourcesByName(flags: {
    'strategy-file'?: string;
    dotenv?: string;
  }): Promise<Map<string, string>> {
    const file = flags['strategy-file'];
    const files = file === undefined ? [] : resolveStrategyPaths([file], process.cwd(), '--strategy-file');
    const sources = new Map<string, string>();
    for (const path of new Set([...files, ...this.loadSettings(flags.dotenv).strategyPaths])) {
      for (const name of await fileStrategyNames(path)) sources.set(name, path);
    }
    return sources;
  }
}

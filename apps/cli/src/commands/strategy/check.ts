import { AetherError } from '@aetherquant/core';
import {
  checkStrategyModules,
  type CheckedStrategyModule,
  resolveStrategyPaths,
} from '@aetherquant/workflows/strategies';
import { AetherCommand } from '../../command/aether-command';
import { requiredArg } from '../../jobs/job-args';
import { consoleToStandardError, refuseEarlyExit } from '../../command/early-exit';

export default class StrategyCheckCommand extends AetherCommand {
  static override summary = 'Run the strategy contract on a strategy file and print a verdict per property.';
  static override description =
    'Loads the file as backtest --strategy-file does (TypeScript compiled as it loads) and checks each strategy ' +
    'it defines, with its defaults and its own edge cases (contractParameterSets), over deterministic random ' +
    'series: parameters, bounds (one finite target in [-1, 1] per bar), warm-up (flat before warmupBars), ' +
    'determinism, and no look-ahead (the target at t is the same with the bars after t removed). A failed ' +
    'property shows its first counter-example and the command exits with 2. The API and workers run the same ' +
    'check on AETHERQ_STRATEGY_PATHS before they start.';
  static override examples = [
    '<%= config.bin %> strategy check strategies/rising.strategy.ts',
    '<%= config.bin %> strategy check strategies/rising.strategy.ts --json',
  ];
  static override args = {
    path: requiredArg('path', 'The strategy file (.ts, .mts, .cts, .js, .mjs or .cjs).'),
  };

  async run(): Promise<CheckedStrategyModule> {
    const { args } = await this.parse(StrategyCheckCommand);
    const [path] = resolveStrategyPaths([args.path], process.cwd(), 'PATH') as [string];
    const allowExit = refuseEarlyExit('strategy check');
    const restoreConsole = consoleToStandardError();
    const [checked] = (await checkStrategyModules([path], { field: 'PATH' }).finally(() => {
      restoreConsole();
      allowExit();
    })) as [CheckedStrategyModule];
    this.present('strategyCheck', checked);
    const failed = checked.checks.filter((check) => !check.passed);
    if (failed.length > 0) {
      const broken = failed.map(
        (check) =>
          `${check.strategy} breaks ${check.verdicts
            .filter((verdict) => !verdict.passed)
            .map((verdict) => verdict.property)
            .join(', ')}`,
      );
      // With --json the verdicts are the error's details, so a script reads them from one object.
      throw AetherError.invalid(
        [{ field: path, rule: `must pass the strategy contract: ${broken.join('; ')}` }],
        'strategy check',
        {
          checks: checked.checks,
        },
      );
    }
    return checked;
  }
}

import { AetherError, type RunSpecView } from '@aetherquant/core';
import * as Flags from '@oclif/core/flags';
import { stringify as toYaml } from 'yaml';
import { AetherCommand, workflowRunOptions } from '../../command/aether-command';
import { requiredArg } from '../../jobs/job-args';

/** The command that runs each recording use case: a spec file names it (`command:`) for --config to check. */
const COMMANDS: Readonly<Record<string, string>> = {
  backtest: 'backtest',
  portfolioBacktest: 'backtest',
  papertrade: 'papertrade',
  optimize: 'optimize',
  sweep: 'sweep',
  walkForward: 'walk-forward',
};

export default class RunsSpecCommand extends AetherCommand {
  static override useCases = ['run'] as const;
  static override summary =
    'Print the spec of a recorded run: a --config file that reruns it to the same figures.';
  static override description =
    'Every recorded run keeps its full spec: its request with everything it resolved pinned (the window as ' +
    'dates, interval, provider, costs, cash, every strategy parameter, the csv folder, the strategy file). ' +
    'This prints it as YAML (or JSON with --format json) with the command it is for, ready for ' +
    '`aetherquant <command> --config FILE`; flags given there override the file.';
  static override examples = [
    '<%= config.bin %> runs spec 0193a1c4-7f05-7000-a77d-a206176fe912 > run.yaml && <%= config.bin %> backtest --config run.yaml',
    '<%= config.bin %> runs spec 0193a1c4-7f05-7000-a77d-a206176fe912 --format json',
  ];
  static override args = { id: requiredArg('id', 'The run id (as `db runs` lists it).') };
  static override flags = {
    format: Flags.string({ summary: 'yaml or json [default: yaml].' }),
    ...AetherCommand.databaseUrlFlags,
    dotenv: AetherCommand.dotenvFlag,
    ...AetherCommand.remoteFlags,
  };

  async run(): Promise<Record<string, unknown>> {
    const { args, flags } = await this.parse(RunsSpecCommand);
    const format = flags.format ?? 'yaml';
    if (format !== 'yaml' && format !== 'json') {
      throw AetherError.invalid([
        { field: '--format', rule: `must be yaml or json (got ${JSON.stringify(format)})` },
      ]);
    }
    const run = await this.runUseCase('run', { id: args.id }, workflowRunOptions(flags));
    if (run.spec === null) {
      throw new AetherError(
        'NOT_FOUND',
        `run ${args.id} was recorded before runs kept their spec: it has none`,
      );
    }
    const config = configOf(run.spec);
    const text =
      format === 'json' ? JSON.stringify(config, null, 2) : toYaml(config, { lineWidth: 0 }).trimEnd();
    this.present('runSpec', { text });
    return config;
  }
}

/** The spec as a --config file: the command, then the request's fields (snake_case, as --config reads them). */
function configOf(spec: RunSpecView): Record<string, unknown> {
  const command = COMMANDS[spec.use_case];
  if (command === undefined) {
    throw new AetherError('INVALID_ARGUMENT', `runs of ${spec.use_case} cannot be rerun from the CLI`);
  }
  return {
    command,
    ...(spec.strategy_file === undefined ? {} : { strategy_file: spec.strategy_file }),
    ...spec.request,
  };
}

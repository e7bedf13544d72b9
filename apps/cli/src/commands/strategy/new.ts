import { existsSync, mkdirSync } from 'node:fs';
import { appendFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AetherError } from '@aetherquant/core';
import * as Flags from '@oclif/core/flags';
import { AetherCommand } from '../../command/aether-command';
import { requiredArg } from '../../jobs/job-args';
import { scaffoldFiles } from '../../strategy-files/scaffold';

/** As @aetherquant/strategies names strategies (kept here so this command loads no strategy code). */
const STRATEGY_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

interface Scaffolded {
  strategy: string;
  files: string[];
}

export default class StrategyNewCommand extends AetherCommand {
  static override summary = 'Write a new strategy file, its spec and a README line, ready to run.';
  static override description =
    'Writes NAME.strategy.ts (a trend strategy with an RSI filter, on @aetherquant/indicators: edit it to make ' +
    'it yours), NAME.strategy.spec.ts (the contract check and hand-computed cases, run with npx jiti) and a ' +
    'line in README.md, in --dir. Existing files are never overwritten. Then: strategy check, and ' +
    'backtest/sweep/walk-forward/papertrade --strategy-file NAME.strategy.ts.';
  static override examples = [
    '<%= config.bin %> strategy new trend-rsi',
    '<%= config.bin %> strategy new trend-rsi --dir strategies && <%= config.bin %> strategy check strategies/trend-rsi.strategy.ts',
  ];
  static override args = {
    name: requiredArg('name', 'Lower-case words joined by hyphens, such as trend-rsi.'),
  };
  static override flags = {
    dir: Flags.string({
      summary: 'The folder to write into (created if missing) [default: the working directory].',
    }),
  };

  async run(): Promise<Scaffolded> {
    const { args, flags } = await this.parse(StrategyNewCommand);
    const name = args.name.trim();
    if (!STRATEGY_NAME.test(name)) {
      throw AetherError.invalid([
        {
          field: 'NAME',
          rule: `must be lower-case words joined by hyphens, such as trend-rsi (got ${JSON.stringify(name)})`,
        },
      ]);
    }
    const dir = resolve(process.cwd(), flags.dir ?? '.');
    const files = scaffoldFiles(name);
    const strategyPath = join(dir, `${name}.strategy.ts`);
    const specPath = join(dir, `${name}.strategy.spec.ts`);
    const taken = [strategyPath, specPath].filter((path) => existsSync(path));
    if (taken.length > 0) {
      throw new AetherError(
        'CONFLICT',
        `${taken.join(' and ')} already exist${taken.length === 1 ? 's' : ''}: choose another name or --dir`,
      );
    }
    mkdirSync(dir, { recursive: true });
    // `wx`: written only if still absent, so a file created meanwhile is never overwritten either.
    await writeFile(strategyPath, files.strategy, { flag: 'wx' });
    await writeFile(specPath, files.spec, { flag: 'wx' });
    const readme = join(dir, 'README.md');
    await appendFile(readme, existsSync(readme) ? files.readmeLine : `# Strategies\n\n${files.readmeLine}`);
    if (!this.jsonEnabled()) {
      this.log(`wrote ${strategyPath}\nwrote ${specPath}\nadded ${name} to ${readme}`);
      this.log(`next: aetherquant strategy check ${strategyPath}`);
    }
    return { strategy: name, files: [strategyPath, specPath, readme] };
  }
}

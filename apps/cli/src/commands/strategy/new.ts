import { existsSync, mkdirSync } from 'node:fs';
import { appendFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AetherError } from '@aetherquant/core';
import { BUILT_IN_STRATEGIES, universeRegistryOf } from '@aetherquant/workflows/strategies';
import * as Flags from '@oclif/core/flags';
import { AetherCommand } from '../../command/aether-command';
import { requiredArg } from '../../jobs/job-args';
import { scaffoldFiles } from '../../strategy-files/scaffold';

/** As @aetherquant/strategies names strategies. */
const STRATEGY_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/** The longest name: it names two files, and a run lists it. */
const MAX_NAME_LENGTH = 64;

/** Why the file system refused `--dir`, by error code: each is the folder's fault, so exit 2 naming it. */
const DIR_FAILURES: Readonly<Record<string, string>> = {
  EEXIST: 'is a file, not a folder',
  ENOTDIR: 'is inside a file, not a folder',
  ENOENT: 'cannot be made: a part of it does not exist',
  EACCES: 'cannot be written: permission denied',
  EPERM: 'cannot be written: permission denied',
  EROFS: 'cannot be written: the file system is read-only',
  ENAMETOOLONG: 'is too long a path',
  ENOSPC: 'cannot be written: no space left on the device',
  EISDIR: 'holds a folder where a file goes',
};

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
    if (name.length > MAX_NAME_LENGTH) {
      throw AetherError.invalid([
        { field: 'NAME', rule: `must be at most ${MAX_NAME_LENGTH} characters (got ${name.length})` },
      ]);
    }
    const builtIn = [...BUILT_IN_STRATEGIES.names(), ...(await universeRegistryOf({})).names()];
    if (builtIn.includes(name)) {
      throw AetherError.invalid([
        {
          field: 'NAME',
          rule: `is taken by a built-in strategy (${name}): a run could not name yours; choose another, such as my-${name}`,
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
    const readme = join(dir, 'README.md');
    await inDir(dir, async () => {
      mkdirSync(dir, { recursive: true });
      // `wx`: written only if still absent, so a file created meanwhile is never overwritten either.
      await writeFile(strategyPath, files.strategy, { flag: 'wx' });
      await writeFile(specPath, files.spec, { flag: 'wx' });
      await appendFile(readme, existsSync(readme) ? files.readmeLine : `# Strategies\n\n${files.readmeLine}`);
    });
    const scaffolded = { strategy: name, files: [strategyPath, specPath, readme] };
    this.present('scaffolded', scaffolded);
    return scaffolded;
  }
}

/**
 * Runs `write` into folder `dir`, failing as INVALID_ARGUMENT (exit 2) naming `--dir` when the file system
 * refuses it (a file in its place, no permission, too long a name, …); a file that appeared meanwhile is a
 * CONFLICT (exit 10), as one found before.
 */
async function inDir(dir: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    const { code, path } = error as NodeJS.ErrnoException;
    if (code === 'EEXIST' && path !== undefined && path !== dir && path.endsWith('.ts')) {
      throw new AetherError('CONFLICT', `${path} already exists: choose another name or --dir`);
    }
    const reason = code === undefined ? undefined : DIR_FAILURES[code];
    if (reason === undefined) throw error;
    const where = path !== undefined && path !== dir ? ` (${path})` : '';
    throw AetherError.invalid([{ field: '--dir', rule: `${reason}: ${dir}${where} (${code})` }]);
  }
}

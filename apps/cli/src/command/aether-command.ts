import { AetherError, DATABASE_DISABLED, type Settings, type UseCaseOutput } from '@aetherquant/core';
import { type JobEngine, loadSettings, runUseCase, type WorkflowName } from '@aetherquant/workflows';
import { Command } from '@oclif/core/command';
import type { Input, ParserOutput } from '@oclif/core/interfaces';
import type { FlagShape } from './config-file';
import * as Errors from '@oclif/core/errors';
import * as Flags from '@oclif/core/flags';
import { describeFailure } from './describe-failure';
import { consoleToStandardError, refuseEarlyExit } from './early-exit';
import { flagNamer } from '../flags/flag-input';
import { progressBar } from './progress-bar';
import { SECRET_FLAGS, type SecretValue } from '../flags/secret-flags';
import { type CommandShape } from './command-shape';
import { reportFailure } from './report-failure';
import { symbolArgumentKind, symbolArgumentToken } from './symbol-argument';
import { outputMode, rendererOf, renderedText } from '../output/output-mode';
import { type JsonLayout, jsonLayoutOf, jsonText } from '../output/report-renderer';
import { type ReportKind, type ReportViews } from '../output/report-renderers';
/** Why `--strategy-file` runs here only: code never travels to a server or a worker. */
const STRATEGY_FILE_STAYS_LOCAL = {
  remote:
    'runs in this process only: an API server never takes code from a client, it runs the strategies it was started with (AETHERQ_STRATEGY_PATHS)',
  job: 'cannot be submitted as a job: workers run the strategies they were started with (AETHERQ_STRATEGY_PATHS); run it here without --detach',
} as const;

/** How a command runs its workflow: the settings file, and the database or the API server to use. */
export interface WorkflowRunOptions {
  dotenv?: string;
  databaseUrl?: string;
  /** `--database-url-file`: a file (or `-`, standard input) holding the URL. */
  databaseUrlFile?: string;
  /** Run on this API server instead of locally [default: the `apiUrl` setting, for commands with `--api-url`]. */
  apiUrl?: string;
  apiKey?: string;
  /** `--api-key-file`: a file (or `-`, standard input) holding the key. */
  apiKeyFile?: string;
  /** `--strategy-file`: a strategy file this run may name (and names, when the request names none). */
  strategyFile?: string;
}

/**
 * Gives a local run of a job use case (`submitJob`, `job`, `jobs`, `cancelJob`) its job engine, made from the
 * settings; undefined leaves it without one (the workflow then says what to set). Never called for a remote run.
 */
export type JobEngineSource = (settings: Settings) => Promise<JobEngine | undefined>;

/** The {@link WorkflowRunOptions} of the shared flags, as a command parsed them. */
export function workflowRunOptions(flags: {
  dotenv?: string;
  'database-url'?: string;
  'database-url-file'?: string;
  'api-url'?: string;
  'api-key'?: string;
  'api-key-file'?: string;
  'strategy-file'?: string;
}): WorkflowRunOptions {
  return {
    strategyFile: flags['strategy-file'],
    dotenv: flags.dotenv,
    databaseUrl: flags['database-url'],
    databaseUrlFile: flags['database-url-file'],
    apiUrl: flags['api-url'],
    apiKey: flags['api-key'],
    apiKeyFile: flags['api-key-file'],
  };
}

/**
 * What every AetherQuant command shares: its result printed for where it goes ({@link present}: a table on a
 * terminal, what scripts have always read in a pipe, the value `run()` returns as JSON with `--json`), a symbol
 * as its first argument where it takes one, and failures reported as one line on stderr (or a JSON error with
 * `--json`) with the exit code of their error code.
 */
export abstract class AetherCommand extends Command {
  static override enableJsonFlag = true;

  /** How `--json` lays out the value `run()` returns: as the command's report prints in a pipe. */
  #jsonLayout: JsonLayout = 'indented';

  /**
   * For commands that read settings: an explicit env file instead of `./.env`. Not named `--env-file`:
   * Node 20 claims that option even after the script name and exits before the CLI starts.
   */
  static readonly dotenvFlag = Flags.string({
    summary: 'Read settings from this env file instead of ./.env (the environment still wins).',
    helpGroup: 'SETTINGS',
  });

  /**
   * Loads and validates the settings once (environment over `.env`); warnings such as a misspelt
   * variable go to stderr, and bad values fail with every problem listed.
   */
  protected loadSettings(envFile?: string, env: NodeJS.ProcessEnv = process.env): Settings {
    try {
      const { settings, warnings } = loadSettings({ env, cwd: process.cwd(), envFile });
      this.printWarnings(warnings);
      return settings;
    } catch (error) {
      // A misspelt variable often explains the failure, so its warning comes first.
      if (error instanceof AetherError) this.printWarnings(error.details?.warnings);
      throw error;
    }
  }

  /**
   * `--config run.yaml`: the command's flags from a JSON or YAML file (as `aetherquant runs spec` writes one);
   * flags on the command line override it. Commands that take it declare it; {@link parse} expands it.
   */
  static readonly configFlag = Flags.string({
    summary:
      "Read this command's flags from a JSON or YAML file (such as `aetherquant runs spec RUN_ID` writes); flags given on the command line win.",
    helpGroup: 'SETTINGS',
  });

  /**
   * Parses as oclif does, after two expansions: a symbol given as the first argument (`backtest SPY`, for a
   * command that declares the argument) becomes the flag it stands for, then `--config FILE` (for a command
   * that declares it) becomes the flags the file gives, the command line winning. The file is read only when
   * the command line names one.
   */
  protected override async parse<
    F extends Record<string, unknown>,
    B extends Record<string, unknown>,
    A extends Record<string, unknown>,
  >(options?: Input<F, B, A>, argv: string[] = this.argv): Promise<ParserOutput<F, B, A>> {
    const withSymbol = options === undefined ? argv : await this.#symbolArgumentAsFlag(options, argv);
    const named = withSymbol.some((token) => token === '--config' || token.startsWith('--config='));
    if (!named || options?.flags?.['config'] === undefined) return super.parse(options, withSymbol);
    const { expandConfigFile } = await import('./config-file');
    const shapes = options.flags as unknown as Record<string, FlagShape>;
    return super.parse(options, expandConfigFile(withSymbol, this.id ?? '', shapes));
  }

  /**
   * `argv` with the flag its symbol argument stands for added (`backtest SPY` → `… --symbol=SPY`), so a config
   * file's symbols give way to it as to the flag. Found by a first parse of the command line alone, with no
   * flag required (a config file may give one), which refuses an argument that contradicts the flags.
   */
  async #symbolArgumentAsFlag<
    F extends Record<string, unknown>,
    B extends Record<string, unknown>,
    A extends Record<string, unknown>,
  >(options: Input<F, B, A>, argv: string[]): Promise<string[]> {
    const command = this.#shape(options);
    if (symbolArgumentKind(command) === undefined) return argv;
    const optional = Object.fromEntries(
      Object.entries(options.flags ?? {}).map(([name, flag]) => [
        name,
        { ...(flag as object), required: false },
      ]),
    );
    // Named one by one: `options` is usually the command's class, whose inherited statics a spread would drop.
    const commandLine = await super.parse(
      {
        args: options.args,
        strict: options.strict,
        baseFlags: options.baseFlags,
        enableJsonFlag: options.enableJsonFlag,
        '--': options['--'],
        flags: optional as typeof options.flags,
      },
      argv,
    );
    const symbol = (commandLine.args as { symbol?: string }).symbol;
    const token = symbolArgumentToken(
      command,
      symbol,
      commandLine.flags as { symbol?: unknown; symbols?: unknown },
    );
    return token === undefined ? argv : [...argv, token];
  }

  /** This command as the usage errors and the symbol argument read it. */
  #shape(
    options: { flags?: object; args?: object } = this.constructor as typeof AetherCommand,
  ): CommandShape {
    const ctor = this.constructor as typeof AetherCommand;
    return {
      id: this.id ?? '',
      flags: options.flags as CommandShape['flags'],
      args: options.args as CommandShape['args'],
      enableJsonFlag: ctor.enableJsonFlag,
    };
  }

  /**
   * Prints what the command did, by its kind of report (one renderer per kind, output/report-renderers.ts): on a
   * terminal as tables and summaries, in a pipe exactly as scripts have always read it; with `--json` nothing
   * here, the value `run()` returns is printed as JSON, laid out as the report prints in a pipe.
   */
  protected present<Kind extends ReportKind>(kind: Kind, view: ReportViews[Kind]): void {
    this.#jsonLayout = jsonLayoutOf(rendererOf(kind));
    const text = renderedText(kind, view, outputMode(this.jsonEnabled()));
    if (text !== undefined && text !== '') this.log(text);
  }

  /** `--json`: the value as JSON, on one line where the command's report prints on one line in a pipe. */
  override logJson(json: unknown): void {
    process.stdout.write(`${jsonText(json, this.#jsonLayout)}\n`);
  }

  /**
   * For commands that use the database: `--database-url` instead of `AETHERQ_DATABASE_URL`, and its twin
   * `--database-url-file` for a URL with a password (which `ps` would show). Spread into the flags.
   */
  static readonly databaseUrlFlags = SECRET_FLAGS.databaseUrl.flags;

  /**
   * For commands that can run on an API server (remote mode): its URL and key. Given a URL (or the
   * `AETHERQ_API_URL` setting), {@link runUseCase} calls the server instead of running locally.
   */
  static readonly remoteFlags = {
    'api-url': Flags.string({
      summary: 'Run on this AetherQuant API server instead of locally [default: AETHERQ_API_URL].',
      helpGroup: 'REMOTE',
    }),
    ...SECRET_FLAGS.apiKey.flags,
  };

  /**
   * The use cases of the catalog this command runs: its help, its remote mode and the consistency test
   * read them, and {@link runUseCase} refuses any other.
   */
  static readonly useCases: readonly WorkflowName[] = [];

  /**
   * Secrets and settings already read by this command, so one that runs use cases again and again (`jobs
   * wait` polls) reads a key file once, warns about a secret flag once and loads `.env` once.
   */
  readonly #secrets = new Map<string, Promise<SecretValue | undefined>>();
  readonly #settings = new Map<string, Settings>();

  #readSecretOnce(
    secret: typeof SECRET_FLAGS.databaseUrl | typeof SECRET_FLAGS.apiKey,
    parsed: Record<string, string | undefined>,
  ): Promise<SecretValue | undefined> {
    const key = JSON.stringify(parsed);
    let read = this.#secrets.get(key);
    if (read === undefined) {
      read = secret.read(parsed);
      this.#secrets.set(key, read);
    }
    return read;
  }

  /**
   * Runs use case `name` with the request built from flags: fields are named as flags in every error, and the
   * settings are loaded only if the workflow reads them (so `signal` works even beside a broken `.env`).
   * Only the use case's own module is loaded (see `WORKFLOW_MODULES`), and the HTTP client only for a remote
   * run. A command with `--api-url` runs it on the API server when a URL is given or set; this is the one place
   * that decides between local and remote.
   */
  protected async runUseCase<Name extends WorkflowName>(
    name: Name,
    input: unknown,
    options: WorkflowRunOptions & {
      progress?: (done: number, total: number) => void;
      /** For the job use cases: the engine a local run gets. */
      jobs?: JobEngineSource;
    } = {},
  ): Promise<UseCaseOutput<Name>> {
    const declared = (this.constructor as typeof AetherCommand).useCases;
    if (!declared.includes(name)) {
      throw new AetherError('INTERNAL', `${this.id ?? 'this command'} does not declare the use case ${name}`);
    }
    // Secrets given as flags are warned about; those in files (or on standard input) are read here.
    const databaseUrl = await this.#readSecretOnce(SECRET_FLAGS.databaseUrl, {
      'database-url': options.databaseUrl,
      'database-url-file': options.databaseUrlFile,
    });
    const apiKey = await this.#readSecretOnce(SECRET_FLAGS.apiKey, {
      'api-key': options.apiKey,
      'api-key-file': options.apiKeyFile,
    });
    const load = (): Settings => {
      const url = databaseUrl?.value.trim();
      const key = JSON.stringify([options.dotenv, url]);
      const known = this.#settings.get(key);
      if (known) return known;
      const loaded = this.loadSettings(options.dotenv);
      const settings = url ? { ...loaded, databaseUrl: url === DATABASE_DISABLED ? null : url } : loaded;
      this.#settings.set(key, settings);
      return settings;
    };
    const flags = new Set(Object.keys((this.constructor as { flags?: object }).flags ?? {}));
    const flagName = flagNamer(flags);
    // The strategy files a local run loads besides --strategy-file (which names its own errors) are the setting's.
    const fieldName = (field: string) =>
      field === 'strategy_modules' ? 'AETHERQ_STRATEGY_PATHS' : flagName(field);
    const { strategyFile } = options;
    if (strategyFile !== undefined && name === 'submitJob') {
      throw AetherError.invalid([{ field: '--strategy-file', rule: STRATEGY_FILE_STAYS_LOCAL.job }]);
    }
    if (flags.has('api-url')) {
      const urlFlag = options.apiUrl?.trim() || undefined;
      const apiUrl = urlFlag ?? load().apiUrl;
      if (apiUrl) {
        if (strategyFile !== undefined) {
          throw AetherError.invalid([{ field: '--strategy-file', rule: STRATEGY_FILE_STAYS_LOCAL.remote }]);
        }
        const target = {
          apiUrl,
          apiKey: apiKey?.value ?? load().apiKey,
          apiUrlFrom: urlFlag === undefined ? 'AETHERQ_API_URL' : '--api-url',
          apiKeyFrom: apiKey?.from ?? 'AETHERQ_API_KEY',
          databaseUrl: databaseUrl?.value,
        } as const;
        // Loaded here only: a local run has no use for the HTTP client (see the start-up test).
        const { runRemotely } = await import('./remote-workflow');
        return runRemotely(name, input, target, fieldName);
      }
      // A key with nowhere to go is a mistake worth saying, not a flag to ignore.
      if (apiKey !== undefined) {
        throw AetherError.invalid([{ field: apiKey.from, rule: 'needs --api-url or AETHERQ_API_URL' }]);
      }
    }
    const allowExit = refuseEarlyExit(this.id ?? 'the command');
    const restoreConsole = consoleToStandardError();
    try {
      return await this.runLocally(
        name,
        input,
        fieldName,
        load,
        strategyFile,
        options.progress,
        options.jobs,
      );
    } finally {
      restoreConsole();
      allowExit();
    }
  }

  /** {@link runUseCase} in this process: the job engine, the strategy file and the settings it asks for. */
  private async runLocally<Name extends WorkflowName>(
    name: Name,
    input: unknown,
    fieldName: (field: string) => string,
    load: () => Settings,
    strategyFile: string | undefined,
    progress: ((done: number, total: number) => void) | undefined,
    jobSource: JobEngineSource | undefined,
  ): Promise<UseCaseOutput<Name>> {
    const jobs = jobSource === undefined ? undefined : await jobSource(load());
    // The strategies this run may name: the file given, then the settings' (AETHERQ_STRATEGY_PATHS). A
    // request that names none runs the file's. The file loader is loaded here only: a run without a strategy file has no use for it.
    const files = strategyFile === undefined ? undefined : await import('../flags/strategy-file');
    const file = strategyFile === undefined ? undefined : await files?.strategyFileOf(strategyFile);
    return runUseCase(name, file === undefined ? input : files?.withFileStrategy(name, input, file), {
      fieldName,
      context: {
        get settings() {
          return load();
        },
        get strategyModules() {
          return [...new Set([...(file === undefined ? [] : [file.path]), ...load().strategyPaths])];
        },
        progress,
        jobs,
      },
    });
  }

  /** {@link runUseCase} with a progress bar labelled `label` on standard error (drawn only on a terminal). */
  protected async runWithProgress<Name extends WorkflowName>(
    label: string,
    name: Name,
    input: unknown,
    options: WorkflowRunOptions = {},
  ): Promise<UseCaseOutput<Name>> {
    const bar = progressBar(label);
    try {
      return await this.runUseCase(name, input, { ...options, progress: bar.update });
    } finally {
      bar.finish();
    }
  }

  protected printWarnings(warnings: unknown): void {
    if (!Array.isArray(warnings)) return;
    for (const warning of warnings) process.stderr.write(`warning: ${String(warning)}\n`);
  }

  protected override async catch(error: Error): Promise<never> {
    if (error instanceof Errors.ExitError) throw error;
    const failure = describeFailure(error, this.#shape());
    reportFailure(failure, this.jsonEnabled());
    this.exit(failure.exitCode);
  }
}

import { AetherError, DATABASE_DISABLED, type Settings } from '@aetherquant/core';
import { loadSettings, runWorkflow, type Workflow } from '@aetherquant/workflows';
import { Command, Errors, Flags } from '@oclif/core';
import { type z } from 'zod';
import { describeFailure } from './describe-failure';
import { flagNamer } from './flag-input';
import { progressBar } from './progress-bar';
import { runRemotely } from './remote-workflow';

/** How a command runs its workflow: the settings file, and the database or the API server to use. */
export interface WorkflowRunOptions {
  dotenv?: string;
  databaseUrl?: string;
  /** Run on this API server instead of locally [default: the `apiUrl` setting, for commands with `--api-url`]. */
  apiUrl?: string;
  apiKey?: string;
}

/** The {@link WorkflowRunOptions} of the shared flags, as a command parsed them. */
export function workflowRunOptions(flags: {
  dotenv?: string;
  'database-url'?: string;
  'api-url'?: string;
  'api-key'?: string;
}): WorkflowRunOptions {
  return {
    dotenv: flags.dotenv,
    databaseUrl: flags['database-url'],
    apiUrl: flags['api-url'],
    apiKey: flags['api-key'],
  };
}

/**
 * What every AetherQuant command shares: `--json` output of the value `run()` returns, and failures
 * reported as one line on stderr (or a JSON error with `--json`) with the exit code of their error code.
 */
export abstract class AetherCommand extends Command {
  static override enableJsonFlag = true;

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

  /** For commands that use the database: a URL instead of `AETHERQ_DATABASE_URL`. */
  static readonly databaseUrlFlag = Flags.string({
    summary:
      'Database URL: sqlite:///path.sqlite, sqlite::memory:, postgresql://… [default: AETHERQ_DATABASE_URL].',
    helpGroup: 'SETTINGS',
  });

  /**
   * For commands that can run on an API server (remote mode): its URL and key. Given a URL (or the
   * `AETHERQ_API_URL` setting), {@link runWorkflow} calls the server instead of running locally.
   */
  static readonly remoteFlags = {
    'api-url': Flags.string({
      summary: 'Run on this AetherQuant API server instead of locally [default: AETHERQ_API_URL].',
      helpGroup: 'REMOTE',
    }),
    'api-key': Flags.string({
      summary: 'The API key for --api-url, sent as X-API-Key [default: AETHERQ_API_KEY].',
      helpGroup: 'REMOTE',
    }),
  };

  /**
   * Runs a workflow with the request built from flags: fields are named as flags in every error, and the
   * settings are loaded only if the workflow reads them (so `signal` works even beside a broken `.env`).
   * A command with `--api-url` runs it on the API server when a URL is given or set; this is the one place
   * that decides between local and remote.
   */
  protected async runWorkflow<Schema extends z.ZodType, Output>(
    workflow: Workflow<Schema, Output>,
    input: unknown,
    options: WorkflowRunOptions & { progress?: (done: number, total: number) => void } = {},
  ): Promise<Output> {
    let settings: Settings | undefined;
    const load = (): Settings => {
      if (settings) return settings;
      const loaded = this.loadSettings(options.dotenv);
      const url = options.databaseUrl?.trim();
      settings = url ? { ...loaded, databaseUrl: url === DATABASE_DISABLED ? null : url } : loaded;
      return settings;
    };
    const flags = new Set(Object.keys((this.constructor as { flags?: object }).flags ?? {}));
    const fieldName = flagNamer(flags);
    if (flags.has('api-url')) {
      const urlFlag = options.apiUrl?.trim() || undefined;
      const apiUrl = urlFlag ?? load().apiUrl;
      if (apiUrl) {
        const target = {
          apiUrl,
          apiKey: options.apiKey ?? load().apiKey,
          apiUrlFrom: urlFlag === undefined ? 'AETHERQ_API_URL' : '--api-url',
          apiKeyFrom: options.apiKey === undefined ? 'AETHERQ_API_KEY' : '--api-key',
          databaseUrl: options.databaseUrl,
        } as const;
        return runRemotely(workflow, input, target, fieldName);
      }
      // A key with nowhere to go is a mistake worth saying, not a flag to ignore.
      if (options.apiKey !== undefined) {
        throw AetherError.invalid([{ field: '--api-key', rule: 'needs --api-url or AETHERQ_API_URL' }]);
      }
    }
    return runWorkflow(workflow, input, {
      fieldName,
      context: {
        get settings() {
          return load();
        },
        progress: options.progress,
      },
    });
  }

  /** {@link runWorkflow} with a progress bar labelled `label` on standard error (drawn only on a terminal). */
  protected async runWithProgress<Schema extends z.ZodType, Output>(
    label: string,
    workflow: Workflow<Schema, Output>,
    input: unknown,
    options: WorkflowRunOptions = {},
  ): Promise<Output> {
    const bar = progressBar(label);
    try {
      return await this.runWorkflow(workflow, input, { ...options, progress: bar.update });
    } finally {
      bar.finish();
    }
  }

  private printWarnings(warnings: unknown): void {
    if (!Array.isArray(warnings)) return;
    for (const warning of warnings) process.stderr.write(`warning: ${String(warning)}\n`);
  }

  protected override async catch(error: Error): Promise<never> {
    if (error instanceof Errors.ExitError) throw error;
    const failure = describeFailure(error);
    if (this.jsonEnabled()) {
      this.logJson({ error: { code: failure.code, message: failure.message, details: failure.details } });
    } else {
      process.stderr.write(`error: ${failure.message}\n`);
    }
    this.exit(failure.exitCode);
  }
}

import { AetherError, DATABASE_DISABLED, type Settings } from '@aetherquant/core';
import { loadSettings, runWorkflow, type Workflow } from '@aetherquant/workflows';
import { Command, Errors, Flags } from '@oclif/core';
import { type z } from 'zod';
import { describeFailure } from './describe-failure';
import { flagNamer } from './flag-input';
import { progressBar } from './progress-bar';

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
  protected loadSettings(envFile?: string): Settings {
    try {
      const { settings, warnings } = loadSettings({ env: process.env, cwd: process.cwd(), envFile });
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
   * Runs a workflow with the request built from flags: fields are named as flags in every error, and the
   * settings are loaded only if the workflow reads them (so `signal` works even beside a broken `.env`).
   */
  protected runWorkflow<Schema extends z.ZodType, Output>(
    workflow: Workflow<Schema, Output>,
    input: unknown,
    options: { dotenv?: string; databaseUrl?: string; progress?: (done: number, total: number) => void } = {},
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
    return runWorkflow(workflow, input, {
      fieldName: flagNamer(flags),
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
    options: { dotenv?: string; databaseUrl?: string } = {},
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

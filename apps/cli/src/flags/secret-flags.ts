import { readFile } from 'node:fs/promises';
import { AetherError, urlCredentials } from '@aetherquant/core';
import * as Flags from '@oclif/core/flags';
import type * as Interfaces from '@oclif/core/interfaces';

/** A secret as a command received it, and from where: named in messages, never the value. */
export interface SecretValue {
  value: string;
  /** `--api-key`, `--api-key-file` or `AETHERQ_API_KEY`. */
  from: string;
}

export interface SecretFlagDefinition<Name extends string> {
  /** The flag, e.g. `api-key`; its twin is `<name>-file`. */
  name: Name;
  /** The environment variable that holds the same secret, offered instead of the flag (if there is one). */
  env?: string;
  /** What the secret is for, shown in `--help` ending with where it defaults from. */
  summary: string;
  helpGroup?: string;
  /**
   * Whether a value given as the flag is a secret worth a warning; default: always. A database URL is
   * one only when it holds a password or a token.
   */
  isSecret?: (value: string) => boolean;
}

/** A secret flag, its `-file` twin, and how to read them. */
export interface SecretFlag<Name extends string> {
  /** `--<name>` and `--<name>-file`, to spread into a command's flags. */
  readonly flags: Record<Name | `${Name}-file`, Interfaces.OptionFlag<string | undefined>>;
  /**
   * The secret given as `--<name>` (with a warning on stderr: other users see it in `ps`) or read from
   * `--<name>-file` (a path, or `-` for standard input); undefined when neither is given.
   */
  read(parsed: Readonly<Record<string, unknown>>): Promise<SecretValue | undefined>;
  /** The fallback: the {@link SecretFlagDefinition.env} variable of the environment, if set and not blank. */
  fromEnvironment(env?: NodeJS.ProcessEnv): SecretValue | undefined;
}

/**
 * Declares a secret command-line option the safe way. A value on the command line is visible to every user
 * of the machine (`ps`, `/proc/<pid>/cmdline`) and kept in shell history, so each secret flag has a twin
 * that reads it from a file or standard input (`--api-key-file -`), an environment variable to use
 * instead, and a warning when the flag itself is used (the value is never echoed).
 */
export function defineSecretFlag<Name extends string>(
  definition: SecretFlagDefinition<Name>,
): SecretFlag<Name> {
  const { name, env, helpGroup } = definition;
  const fileFlag = `${name}-file` as const;
  const instead = env === undefined ? `--${fileFlag}` : `${env} or --${fileFlag}`;
  const flags = {
    [name]: Flags.string({
      summary: `${definition.summary} On the command line it is visible to others (ps): prefer ${instead}.`,
      helpGroup,
    }),
    [fileFlag]: Flags.string({
      summary: `Read --${name} from this file (one trailing newline dropped), or from standard input with -.`,
      helpGroup,
    }),
  } as Record<Name | `${Name}-file`, Interfaces.OptionFlag<string | undefined>>;

  return {
    flags,
    async read(parsed) {
      const given = parsed[name];
      const file = parsed[fileFlag];
      if (typeof given === 'string' && typeof file === 'string') {
        throw AetherError.invalid([{ field: `--${fileFlag}`, rule: `cannot be combined with --${name}` }]);
      }
      if (typeof file === 'string')
        return { value: await readSecretFile(`--${fileFlag}`, file), from: `--${fileFlag}` };
      if (typeof given !== 'string') return undefined;
      if (definition.isSecret?.(given) ?? true) {
        process.stderr.write(
          `warning: --${name} on the command line is visible to other users (ps) and kept in shell history; ` +
            `use ${instead} instead\n`,
        );
      }
      return { value: given, from: `--${name}` };
    },
    fromEnvironment(environment = process.env) {
      const value = env === undefined ? undefined : environment[env]?.trim();
      return value && env ? { value, from: env } : undefined;
    },
  };
}

/** A URL is a secret on the command line when it holds a credential (`postgresql://aq:pw@…`, `?password=`). */
const holdsCredentials = (url: string): boolean => urlCredentials(url).length > 0;

/** Every secret flag of the CLI, declared once. */
export const SECRET_FLAGS = {
  apiKey: defineSecretFlag({
    name: 'api-key',
    env: 'AETHERQ_API_KEY',
    summary: 'The API key for --api-url, sent as X-API-Key [default: AETHERQ_API_KEY].',
    helpGroup: 'REMOTE',
  }),
  databaseUrl: defineSecretFlag({
    name: 'database-url',
    env: 'AETHERQ_DATABASE_URL',
    summary:
      'Database URL: sqlite:///path.sqlite, sqlite::memory:, postgresql://… [default: AETHERQ_DATABASE_URL].',
    helpGroup: 'SETTINGS',
    isSecret: holdsCredentials,
  }),
  brokerToken: defineSecretFlag({
    name: 'broker-token',
    env: 'AETHERQ_LIVE_BROKER_TOKEN',
    summary: 'Live: the token or secret key [default: AETHERQ_LIVE_BROKER_TOKEN].',
  }),
  traderKey: defineSecretFlag({
    name: 'trader-key',
    env: 'AETHERQ_API_KEY',
    summary: 'The trader key: at least 32 characters; needs --admin-key [default: AETHERQ_API_KEY].',
  }),
  adminKey: defineSecretFlag({
    name: 'admin-key',
    env: 'AETHERQ_ADMIN_API_KEY',
    summary: 'The admin key: at least 32 characters, not the trader key [default: AETHERQ_ADMIN_API_KEY].',
  }),
  // Not from AETHERQ_DATABASE_URL: the shell that writes a production file often holds a development URL.
  productionDatabaseUrl: defineSecretFlag({
    name: 'database-url',
    summary:
      "AETHERQ_DATABASE_URL to write, e.g. postgresql://user:pass@host:5432/db [default: the template's].",
    isSecret: holdsCredentials,
  }),
} as const;

/** Which flag has read standard input already: it has one end, so a second reader would get nothing. */
let standardInputReader: string | undefined;

/**
 * The secret in `path` (`-`: standard input, read to its end), without one trailing newline, as `echo` and
 * editors leave it. Fails with INVALID_ARGUMENT (exit 2) naming `flag` when it cannot be read or is empty.
 */
export async function readSecretFile(flag: string, path: string): Promise<string> {
  let text: string;
  if (path === '-') {
    if (standardInputReader !== undefined) {
      throw AetherError.invalid([
        { field: flag, rule: `cannot read standard input: ${standardInputReader} reads it already` },
      ]);
    }
    standardInputReader = flag;
    if (process.stdin.isTTY) process.stderr.write(`${flag}: type the secret, then Ctrl-D\n`);
    text = await readStandardInput();
  } else {
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw AetherError.invalid([{ field: flag, rule: `cannot read ${path}: ${describeFileError(error)}` }]);
    }
  }
  const secret = text.replace(/\r?\n$/, '');
  if (secret === '') {
    throw AetherError.invalid([
      { field: flag, rule: `found nothing in ${path === '-' ? 'standard input' : path}` },
    ]);
  }
  return secret;
}

async function readStandardInput(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

const FILE_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
};

function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== undefined && Object.hasOwn(FILE_ERRORS, code)) return `${FILE_ERRORS[code]} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

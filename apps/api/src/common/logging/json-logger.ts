import { type LoggerService } from '@nestjs/common';
import { LOG_LEVELS, type LogLevel, redactUrlCredentials } from '@aetherquant/core';

/** Where log lines go: standard output by default, a test's array when it wants to read them. */
export type LogSink = (line: string) => void;

export type LogFields = Record<string, unknown>;

const SEVERITY: Record<LogLevel, number> = Object.fromEntries(
  LOG_LEVELS.map((level, index) => [level, index]),
) as Record<LogLevel, number>;

/**
 * Structured logs: one JSON object per line with `time`, `level`, `msg` and fields such as `request_id`.
 * Every configured secret is replaced by `[REDACTED]` wherever it appears, as a last line of defence: no
 * code path logs a header or a body, and query parameters named like secrets are masked too.
 */
export class JsonLogger implements LoggerService {
  readonly #threshold: number;
  readonly #secrets: string[];

  constructor(
    level: LogLevel,
    secrets: readonly (string | undefined)[],
    private readonly sink: LogSink = (line) => process.stdout.write(`${line}\n`),
  ) {
    // `silent` is last in the list but means nothing passes.
    this.#threshold = level === 'silent' ? -1 : SEVERITY[level];
    // Each as written and as JSON escapes it (a quote or backslash in a key), longest first, so a secret
    // containing another is masked whole.
    this.#secrets = secrets
      .filter((secret): secret is string => typeof secret === 'string' && secret.length >= 4)
      .flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)])
      .sort((a, b) => b.length - a.length);
  }

  write(level: Exclude<LogLevel, 'silent'>, msg: string, fields: LogFields = {}): void {
    if (SEVERITY[level] > this.#threshold) return;
    let line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
    for (const secret of this.#secrets) line = line.split(secret).join('[REDACTED]');
    this.sink(line);
  }

  // Nest's LoggerService, for the framework's own messages (`context` is the Nest class that logs).
  log(message: unknown, context?: string): void {
    this.write('info', describe(message), context ? { context } : {});
  }
  error(message: unknown, trace?: string, context?: string): void {
    // A stack goes to the log, never to a response; at debug level only, as it rarely helps an operator.
    this.write('error', describe(message), { ...(context ? { context } : {}) });
    if (trace) this.write('debug', 'stack', { stack: trace });
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', describe(message), context ? { context } : {});
  }
  debug(message: unknown, context?: string): void {
    this.write('debug', describe(message), context ? { context } : {});
  }
  verbose(message: unknown, context?: string): void {
    this.write('trace', describe(message), context ? { context } : {});
  }
}

function describe(message: unknown): string {
  if (typeof message === 'string') return message;
  if (message instanceof Error) return message.message;
  return JSON.stringify(message);
}

/**
 * `url` with the values of secret-looking query parameters (and any other URL credential) masked:
 * `/api/x?key=***`. The one rule of {@link redactUrlCredentials}, so logs and printed settings agree.
 */
export function maskQuery(url: string): string {
  return redactUrlCredentials(url);
}

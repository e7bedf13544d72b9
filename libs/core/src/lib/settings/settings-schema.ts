import { z } from 'zod';
import { normalizeSymbol } from '../symbols/symbol';
import { parseBoolean, parseDecimal, parseInteger } from '../validation/numeric-text';
import { AetherError, type FieldViolation } from '../errors/aether-error';
import { redactUrlCredentials } from '../redaction/url-credentials';
import { check } from '../validation/validate';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The live brokers' API shapes; @aetherquant/execution implements one broker per name (checked by its types). */
export const LIVE_BROKER_PROVIDERS = ['generic-rest', 'alpaca'] as const;

/** Where market data comes from: Yahoo Finance, a folder of CSV files, or the deterministic generator. */
export const DATA_PROVIDERS = ['yahoo', 'csv', 'synthetic'] as const;
export type DataProviderName = (typeof DATA_PROVIDERS)[number];
/** The value of `AETHERQ_CACHE_DIR` that turns the bar cache off. */
export const CACHE_DISABLED = 'none';
export type LiveBrokerProvider = (typeof LIVE_BROKER_PROVIDERS)[number];

/** The database used when `AETHERQ_DATABASE_URL` is unset: a SQLite file created on demand. */
export const DEFAULT_DATABASE_URL = 'sqlite:///data/aetherquant.sqlite';
/** The value of `AETHERQ_DATABASE_URL` that turns persistence off. */
export const DATABASE_DISABLED = 'none';
const DATABASE_URL_FORMS = /^(?:none|sqlite::memory:|sqlite:\/\/\/.+|postgres(?:ql)?:\/\/.+)$/;

// Text-to-value schemas: every setting arrives as text, trimmed and known not to be blank.
const decimal = z.string().transform((text, context) => {
  const value = parseDecimal(text);
  if (value === undefined) context.issues.push({ code: 'custom', message: 'must be a number', input: text });
  return value ?? z.NEVER;
});
const integer = z.string().transform((text, context) => {
  const value = parseInteger(text);
  if (value === undefined)
    context.issues.push({ code: 'custom', message: 'must be a whole number', input: text });
  return value ?? z.NEVER;
});
const boolean = z.string().transform((text, context) => {
  const value = parseBoolean(text);
  if (value === undefined) {
    context.issues.push({
      code: 'custom',
      message: 'must be true or false (or 1/0, yes/no, on/off)',
      input: text,
    });
  }
  return value ?? z.NEVER;
});
const symbol = z.string().transform((text, context) => {
  try {
    return normalizeSymbol(text);
  } catch {
    context.issues.push({
      code: 'custom',
      message: 'must be a ticker of 1 to 15 letters, digits or . - ^ = (e.g. SPY, BRK.B, EURUSD=X)',
      input: text,
    });
    return z.NEVER;
  }
});
const secret = z.string().min(1);

/** `a`, `b` or `c`: allowed values as the descriptions (and so the README table) spell them, from their list. */
function oneOf(values: readonly string[]): string {
  const quoted = values.map((value) => `\`${value}\``);
  return quoted.length < 2 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

interface SettingDefinition {
  /** What the variable is for, as the README table says it. */
  readonly description: string;
  /** Used when the variable is unset or blank; parsed by `schema` like any other value. */
  readonly default?: string;
  /** Never echoed back in an error, a log or any output. */
  readonly secret?: boolean;
  readonly schema: z.ZodType;
}

/**
 * Every `AETHERQ_*` variable: the single source for validation, defaults, secrecy and the README table
 * (a test checks the README and `.env.example` against it).
 */
export const SETTING_DEFINITIONS = {
  AETHERQ_LOG_LEVEL: {
    description: `Log verbosity: ${oneOf(LOG_LEVELS)}.`,
    default: 'info',
    schema: z.enum(LOG_LEVELS),
  },
  AETHERQ_DEFAULT_SYMBOL: {
    description: 'Symbol used when a command is given none.',
    default: 'SPY',
    schema: symbol,
  },
  AETHERQ_INITIAL_CASH: {
    description: 'Starting cash of backtests and paper trading; positive.',
    default: '100000',
    schema: decimal.pipe(z.number().positive()),
  },
  AETHERQ_COMMISSION_BPS: {
    description: 'Commission in basis points of traded notional; 0 to 1000.',
    default: '1.0',
    schema: decimal.pipe(z.number().min(0).max(1000)),
  },
  AETHERQ_SLIPPAGE_BPS: {
    description: 'Slippage in basis points of traded notional; 0 to 1000.',
    default: '0.5',
    schema: decimal.pipe(z.number().min(0).max(1000)),
  },
  AETHERQ_API_KEY: {
    description: 'API key of the `trader` role. With no key set at all, the API is open (and says so).',
    secret: true,
    schema: secret,
  },
  AETHERQ_ADMIN_API_KEY: {
    description:
      'API key of the `admin` role (everything a trader can, plus runs and audit); must differ from the trader key.',
    secret: true,
    schema: secret,
  },
  AETHERQ_DATABASE_URL: {
    description:
      '`sqlite:///path.sqlite` (relative to the working directory), `sqlite::memory:`, `postgresql://…`, or `none` to turn persistence off.',
    default: DEFAULT_DATABASE_URL,
    secret: true, // may hold a password
    schema: z.string().regex(DATABASE_URL_FORMS, {
      message: 'must be none, sqlite::memory:, sqlite:///<path>, postgres://… or postgresql://…',
    }),
  },
  AETHERQ_HOST: {
    description:
      'Address the API listens on. Anything but loopback needs API keys, or `AETHERQ_ALLOW_OPEN=true`.',
    default: '127.0.0.1',
    schema: z.string().regex(/^[A-Za-z0-9.:[\]-]+$/, { message: 'must be a host name or an IP address' }),
  },
  AETHERQ_PORT: {
    description: 'Port the API listens on; 0 picks a free one (it is logged).',
    default: '8000',
    schema: integer.pipe(z.number().min(0).max(65_535)),
  },
  AETHERQ_ALLOW_OPEN: {
    description:
      'Let an API without keys (every caller is admin) listen on a non-loopback address. Accepts true/false, 1/0, yes/no, on/off.',
    default: 'false',
    schema: boolean,
  },
  AETHERQ_CORS_ORIGINS: {
    description:
      'Origins allowed to call the API from a browser, comma-separated (`https://app.example.com,http://localhost:5173`) or `*`; unset allows none.',
    schema: z.string().transform((text, context) => {
      const origins = text
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean);
      for (const origin of origins) {
        if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
          context.issues.push({
            code: 'custom',
            message: 'must list origins such as https://app.example.com (scheme and host, no path) or be *',
            input: origin,
          });
        }
      }
      return origins;
    }),
  },
  AETHERQ_TRUST_PROXY: {
    description:
      'Reverse proxies in front of the API whose `X-Forwarded-For` is believed, 0 to 10; the client IP is then the one they saw.',
    default: '0',
    schema: integer.pipe(z.number().min(0).max(10)),
  },
  AETHERQ_API_URL: {
    description:
      'The CLI calls this API instead of running locally (`backtest`, `papertrade`, `optimize`, `sweep`, `db runs`, `db audit`), with `AETHERQ_API_KEY` as its key.',
    schema: z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }),
  },
  AETHERQ_REDIS_URL: {
    description:
      'Redis of the distributed job engine (`redis://[user:password@]host:port[/db]` or `rediss://…`): jobs queue there and `aetherquant worker` processes compute them. Unset: jobs run in the process that takes them (the embedded engine).',
    secret: true, // may hold a password
    schema: z.url({ protocol: /^rediss?$/, message: 'must be a redis:// or rediss:// URL' }),
  },
  AETHERQ_REDIS_PREFIX: {
    description:
      'Prefix of every Redis key the job engine writes, so deployments (or test runs) can share one Redis.',
    default: 'aetherquant',
    schema: z.string().regex(/^[A-Za-z0-9_.:-]+$/, { message: 'must be letters, digits, _ . : or -' }),
  },
  AETHERQ_JOB_MAX_SWEEP_CELLS: {
    description:
      "Combinations one sweep or walk-forward job may hold (each walk-forward window searches them all), at most 1000000 (the sweep engine's own cap); the endpoints that answer at once take at most 20000.",
    default: '1000000',
    schema: integer.pipe(z.number().min(1).max(1_000_000)),
  },
  AETHERQ_JOB_MAX_ACTIVE_PER_KEY: {
    description:
      'Jobs one API key may have queued or running at once; one more is refused (429) until one finishes.',
    default: '8',
    schema: integer.pipe(z.number().min(1).max(10_000)),
  },
  AETHERQ_JOB_MAX_CELLS_PER_KEY: {
    description:
      "Cells (a sweep's combinations; 1 for other jobs) one API key may have queued or running at once; a submission over it is refused (429).",
    default: '4000000',
    schema: integer.pipe(z.number().min(1).max(1_000_000_000)),
  },
  AETHERQ_STRATEGY_PATHS: {
    description:
      'Strategies of your own, comma-separated: files (`.ts`, `.mts`, `.cts`, `.js`, `.mjs`, `.cjs`; relative to the working directory) or installed npm packages, each exporting a strategy made with `defineStrategy`. The API and workers load and check them at start-up (a failing one stops the start, named); the CLI offers them besides `--strategy-file`.',
    schema: z.string().transform((text, context) => {
      const entries = text
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean);
      for (const entry of entries) {
        // eslint-disable-next-line no-control-regex
        if (/[\u0000-\u001f]/.test(entry)) {
          context.issues.push({
            code: 'custom',
            message: 'must list paths without control characters',
            input: entry,
          });
        }
      }
      return entries;
    }),
  },
  AETHERQ_API_KEYS_FILE: {
    description:
      'File of named API keys, one `name:role:sha256-hex-of-key` line each (role `trader` or `admin`; `#` starts a comment); each name gets its own rate limit and audit trail.',
    schema: z.string().min(1),
  },
  AETHERQ_COMPUTE_TIMEOUT_MS: {
    description:
      'Longest time one API request may compute (a backtest, a sweep) before it is stopped and answered 503; milliseconds, 1000 to 3600000.',
    default: '120000',
    schema: integer.pipe(z.number().min(1_000).max(3_600_000)),
  },
  AETHERQ_COMPUTE_THREADS: {
    description:
      'Worker threads the API computes on, off its event loop; 0 picks one per CPU core less one (at least 1).',
    default: '0',
    schema: integer.pipe(z.number().min(0).max(64)),
  },
  AETHERQ_MAX_CONNECTIONS_PER_IP: {
    description: 'Open connections one client address may hold to the API; more are closed at once.',
    default: '256',
    schema: integer.pipe(z.number().min(1).max(100_000)),
  },
  AETHERQ_AUDIT_RETENTION_DAYS: {
    description:
      'The API deletes audit events older than this many days (checked hourly); 0 keeps them forever.',
    default: '90',
    schema: integer.pipe(z.number().min(0).max(36_500)),
  },
  AETHERQ_AUDIT_MAX_ROWS: {
    description:
      'The API keeps at most this many audit events, deleting the oldest (checked hourly); 0 means no cap.',
    default: '1000000',
    schema: integer.pipe(z.number().min(0).max(1_000_000_000)),
  },
  AETHERQ_RATE_LIMIT_PER_MINUTE: {
    description: 'API requests allowed per client per minute; a whole number from 1 to 1000000.',
    default: '120',
    schema: integer.pipe(z.number().min(1).max(1_000_000)),
  },
  AETHERQ_DATA_PROVIDER: {
    description:
      'Market data source: `yahoo`, `csv` (files in `AETHERQ_DATA_DIR`) or `synthetic` (generated, offline).',
    default: 'yahoo',
    schema: z.enum(DATA_PROVIDERS),
  },
  AETHERQ_DATA_DIR: {
    description: 'Folder of `<SYMBOL>.csv` files for the `csv` provider.',
    schema: z.string().min(1),
  },
  AETHERQ_CACHE_DIR: {
    description: 'Folder of the bar cache for fetched market data, or `none` to turn the cache off.',
    default: './data/cache',
    schema: z.string().min(1),
  },
  AETHERQ_YAHOO_URL: {
    description: "Base URL of the Yahoo Finance API, for a mirror or a proxy; unset means Yahoo's own.",
    schema: z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }),
  },
  AETHERQ_MAX_ORDER_NOTIONAL: {
    description: 'Pre-trade check: the largest order, paper or live, in account currency (shares × price).',
    default: '100000',
    schema: decimal.pipe(z.number().positive()),
  },
  AETHERQ_MAX_POSITION_PCT: {
    description:
      'Pre-trade check: the largest position an order (paper or live) may leave, in percent of equity (0 to 100).',
    default: '100',
    schema: decimal.pipe(z.number().positive().max(100)),
  },
  AETHERQ_LIVE_BROKER_ENDPOINT: {
    description: 'Base URL of the live broker, `http://` or `https://`.',
    schema: z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }),
  },
  AETHERQ_LIVE_BROKER_KEY_ID: {
    description: 'Live broker key id (Alpaca `APCA-API-KEY-ID`).',
    secret: true,
    schema: secret,
  },
  AETHERQ_LIVE_BROKER_TOKEN: {
    description: 'Live broker token or secret key.',
    secret: true,
    schema: secret,
  },
  AETHERQ_LIVE_BROKER_PROVIDER: {
    description: `Live broker API shape: ${oneOf(LIVE_BROKER_PROVIDERS)}.`,
    default: 'generic-rest',
    schema: z.enum(LIVE_BROKER_PROVIDERS),
  },
  AETHERQ_LIVE_BROKER_ALLOW_INSECURE: {
    description:
      'Allow an `http://` live broker endpoint on a non-loopback host (the token then travels in clear). Accepts true/false, 1/0, yes/no, on/off.',
    default: 'false',
    schema: boolean,
  },
  AETHERQ_LIVE_BROKER_DRY_RUN: {
    description:
      'When true, live commands compute and show orders but never send them. Accepts true/false, 1/0, yes/no, on/off.',
    default: 'true',
    schema: boolean,
  },
} as const satisfies Record<`AETHERQ_${string}`, SettingDefinition>;

export type SettingName = keyof typeof SETTING_DEFINITIONS;
type Definitions = typeof SETTING_DEFINITIONS;
/** The validated value of each variable: its schema's output, or `undefined` where it has no default. */
type SettingValues = {
  [K in SettingName]:
    z.output<Definitions[K]['schema']> | (Definitions[K] extends { default: string } ? never : undefined);
};
export const SETTING_NAMES = Object.keys(SETTING_DEFINITIONS) as SettingName[];

export interface Settings {
  logLevel: LogLevel;
  defaultSymbol: string;
  initialCash: number;
  commissionBps: number;
  slippageBps: number;
  apiKey?: string;
  adminApiKey?: string;
  /** `null` when persistence is turned off (`AETHERQ_DATABASE_URL=none`). */
  databaseUrl: string | null;
  rateLimitPerMinute: number;
  /** Where and how the REST API listens (`aetherquant-web`). */
  api: {
    host: string;
    port: number;
    allowOpen: boolean;
    /** Empty: no cross-origin caller is allowed; `['*']`: any. */
    corsOrigins: string[];
    trustProxy: number;
    /** Named keys (`name:role:sha256`), in addition to the two key variables. */
    keysFile?: string;
    /** Longest compute of one request, in ms. */
    computeTimeoutMs: number;
    /** Worker threads for compute; 0 = one per core less one. */
    computeThreads: number;
    maxConnectionsPerIp: number;
  };
  /** How long the API keeps audit events: by age and by count (0 = no limit). */
  audit: {
    retentionDays: number;
    maxRows: number;
  };
  /** A deployed API the CLI calls instead of running locally. */
  apiUrl?: string;
  /**
   * `AETHERQ_STRATEGY_PATHS`: strategy files and packages offered besides the built-ins, as listed (apps
   * resolve them against their working directory: `loadSettings` of @aetherquant/workflows gives absolute paths).
   */
  strategyPaths: string[];
  /** Jobs: the distributed engine's Redis (without it, jobs run in the process that takes them), and limits. */
  jobs: {
    redisUrl?: string;
    redisPrefix: string;
    /** Combinations one sweep or walk-forward job may hold. */
    maxSweepCells: number;
    /** What one API key may have queued or running at once. */
    quota: { maxActive: number; maxCells: number };
  };
  data: {
    provider: DataProviderName;
    /** The `csv` provider's folder. */
    dir?: string;
    /** `null` when the cache is turned off (`AETHERQ_CACHE_DIR=none`). */
    cacheDir: string | null;
    /** A Yahoo Finance mirror; absent for Yahoo's own servers. */
    yahooUrl?: string;
  };
  /** Pre-trade risk checks applied to every live order. */
  limits: {
    maxOrderNotional: number;
    /** Percent of equity. */
    maxPositionPct: number;
  };
  liveBroker: {
    provider: LiveBrokerProvider;
    endpoint?: string;
    keyId?: string;
    token?: string;
    dryRun: boolean;
    /** Plain `http://` to a non-loopback broker host allowed. */
    allowInsecure: boolean;
  };
}

export interface ParsedSettings {
  settings: Settings;
  /** Problems that do not stop start-up, such as an `AETHERQ_*` variable nobody reads (a likely typo). */
  warnings: string[];
}

const settingsSchema = z.object(
  Object.fromEntries(
    SETTING_NAMES.map((name) => {
      const definition: SettingDefinition = SETTING_DEFINITIONS[name];
      return [name, definition.default === undefined ? definition.schema.optional() : definition.schema];
    }),
  ),
);

/** Rules that span variables, checked on the raw text so they are reported with every other problem. */
function crossVariableViolations(raw: Readonly<Record<string, string>>): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (raw['AETHERQ_API_KEY'] !== undefined && raw['AETHERQ_API_KEY'] === raw['AETHERQ_ADMIN_API_KEY']) {
    violations.push({
      field: 'AETHERQ_ADMIN_API_KEY',
      rule: 'must differ from AETHERQ_API_KEY (one key cannot hold two roles)',
    });
  }
  return violations;
}

/**
 * Validates the `AETHERQ_*` variables of `env` (other variables are ignored). Values are trimmed; blank
 * ones count as unset. Throws one INVALID_ARGUMENT listing every bad variable by name, without ever
 * quoting a secret's value; its `details.warnings` carries the warnings too (a typo often explains a
 * missing value).
 */
export function parseSettings(env: Readonly<Record<string, string | undefined>>): ParsedSettings {
  const raw: Record<string, string> = {};
  for (const name of SETTING_NAMES) {
    const value = env[name]?.trim();
    const fallback = (SETTING_DEFINITIONS[name] as SettingDefinition).default;
    if (value) raw[name] = value;
    else if (fallback !== undefined) raw[name] = fallback;
  }
  const checked = check(settingsSchema, raw, {
    mayEcho: (name) => !(SETTING_DEFINITIONS[name as SettingName] as SettingDefinition | undefined)?.secret,
  });
  const warnings = unknownVariableWarnings(env);
  const violations = [...(checked.success ? [] : checked.violations), ...crossVariableViolations(raw)];
  if (!checked.success || violations.length > 0) {
    throw AetherError.invalid(violations, 'invalid settings', { warnings });
  }
  const values = checked.data as SettingValues;

  const databaseUrl = values.AETHERQ_DATABASE_URL;
  return {
    settings: {
      logLevel: values.AETHERQ_LOG_LEVEL,
      defaultSymbol: values.AETHERQ_DEFAULT_SYMBOL,
      initialCash: values.AETHERQ_INITIAL_CASH,
      commissionBps: values.AETHERQ_COMMISSION_BPS,
      slippageBps: values.AETHERQ_SLIPPAGE_BPS,
      apiKey: values.AETHERQ_API_KEY,
      adminApiKey: values.AETHERQ_ADMIN_API_KEY,
      databaseUrl: databaseUrl === DATABASE_DISABLED ? null : databaseUrl,
      rateLimitPerMinute: values.AETHERQ_RATE_LIMIT_PER_MINUTE,
      api: {
        host: values.AETHERQ_HOST,
        port: values.AETHERQ_PORT,
        allowOpen: values.AETHERQ_ALLOW_OPEN,
        corsOrigins: values.AETHERQ_CORS_ORIGINS ?? [],
        trustProxy: values.AETHERQ_TRUST_PROXY,
        keysFile: values.AETHERQ_API_KEYS_FILE,
        computeTimeoutMs: values.AETHERQ_COMPUTE_TIMEOUT_MS,
        computeThreads: values.AETHERQ_COMPUTE_THREADS,
        maxConnectionsPerIp: values.AETHERQ_MAX_CONNECTIONS_PER_IP,
      },
      audit: {
        retentionDays: values.AETHERQ_AUDIT_RETENTION_DAYS,
        maxRows: values.AETHERQ_AUDIT_MAX_ROWS,
      },
      apiUrl: values.AETHERQ_API_URL,
      strategyPaths: values.AETHERQ_STRATEGY_PATHS ?? [],
      jobs: {
        redisUrl: values.AETHERQ_REDIS_URL,
        redisPrefix: values.AETHERQ_REDIS_PREFIX,
        maxSweepCells: values.AETHERQ_JOB_MAX_SWEEP_CELLS,
        quota: {
          maxActive: values.AETHERQ_JOB_MAX_ACTIVE_PER_KEY,
          maxCells: values.AETHERQ_JOB_MAX_CELLS_PER_KEY,
        },
      },
      data: {
        provider: values.AETHERQ_DATA_PROVIDER,
        dir: values.AETHERQ_DATA_DIR,
        cacheDir: values.AETHERQ_CACHE_DIR === CACHE_DISABLED ? null : values.AETHERQ_CACHE_DIR,
        yahooUrl: values.AETHERQ_YAHOO_URL,
      },
      limits: {
        maxOrderNotional: values.AETHERQ_MAX_ORDER_NOTIONAL,
        maxPositionPct: values.AETHERQ_MAX_POSITION_PCT,
      },
      liveBroker: {
        provider: values.AETHERQ_LIVE_BROKER_PROVIDER,
        endpoint: values.AETHERQ_LIVE_BROKER_ENDPOINT,
        keyId: values.AETHERQ_LIVE_BROKER_KEY_ID,
        token: values.AETHERQ_LIVE_BROKER_TOKEN,
        dryRun: values.AETHERQ_LIVE_BROKER_DRY_RUN,
        allowInsecure: values.AETHERQ_LIVE_BROKER_ALLOW_INSECURE,
      },
    },
    warnings,
  };
}

function unknownVariableWarnings(env: Readonly<Record<string, string | undefined>>): string[] {
  return Object.keys(env)
    .filter((name) => name.startsWith('AETHERQ_') && !Object.hasOwn(SETTING_DEFINITIONS, name))
    .sort()
    .map((name) => {
      const guess = closestName(name);
      return `${name} is not a setting AetherQuant reads${guess ? `; did you mean ${guess}?` : ''}`;
    });
}

/** The known name within edit distance 3 of `name`, if any: enough to catch a dropped or swapped letter. */
function closestName(name: string): SettingName | undefined {
  let best: SettingName | undefined;
  let bestDistance = 4;
  for (const candidate of SETTING_NAMES) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * A copy of `settings` safe to print: every secret replaced by `"***"` (unset ones stay unset), and the
 * credentials of every URL masked by {@link redactUrlCredentials} (any of them may carry a password or a token).
 */
export function redactSettings(settings: Settings): Settings {
  const mask = (value: string | undefined) => (value === undefined ? undefined : '***');
  const url = (value: string | undefined) => (value === undefined ? undefined : redactUrlCredentials(value));
  return {
    ...settings,
    apiKey: mask(settings.apiKey),
    adminApiKey: mask(settings.adminApiKey),
    databaseUrl: settings.databaseUrl === null ? null : redactUrlCredentials(settings.databaseUrl),
    apiUrl: url(settings.apiUrl),
    jobs: { ...settings.jobs, redisUrl: url(settings.jobs.redisUrl) },
    data: { ...settings.data, yahooUrl: url(settings.data.yahooUrl) },
    liveBroker: {
      ...settings.liveBroker,
      endpoint: url(settings.liveBroker.endpoint),
      keyId: mask(settings.liveBroker.keyId),
      token: mask(settings.liveBroker.token),
    },
  };
}

import { rejectionOf } from '../../testing/rejection-of';
import { AetherError } from '../errors/aether-error';
import {
  DEFAULT_DATABASE_URL,
  SETTING_DEFINITIONS,
  SETTING_NAMES,
  parseSettings,
  redactSettings,
  type Settings,
} from './settings-schema';

const rejection = (env: Record<string, string | undefined>): AetherError =>
  rejectionOf(() => parseSettings(env));

/** Everything the error shows anyone: its message and its details as the API would serialise them. */
const shown = (error: AetherError) =>
  `${error.message}\n${JSON.stringify(error.details)}\n${JSON.stringify(error)}`;

const DEFAULTS: Settings = {
  logLevel: 'info',
  defaultSymbol: 'SPY',
  initialCash: 100000,
  commissionBps: 1,
  slippageBps: 0.5,
  apiKey: undefined,
  adminApiKey: undefined,
  databaseUrl: 'sqlite:///data/aetherquant.sqlite',
  rateLimitPerMinute: 120,
  api: {
    host: '127.0.0.1',
    port: 8000,
    allowOpen: false,
    corsOrigins: [],
    trustProxy: 0,
    keysFile: undefined,
    computeTimeoutMs: 120_000,
    computeThreads: 0,
    maxConnectionsPerIp: 256,
  },
  audit: { retentionDays: 90, maxRows: 1_000_000 },
  strategyPaths: [],
  apiUrl: undefined,
  jobs: {
    redisUrl: undefined,
    redisPrefix: 'aetherquant',
    maxSweepCells: 1_000_000,
    quota: { maxActive: 8, maxCells: 4_000_000 },
  },
  data: { provider: 'yahoo', dir: undefined, cacheDir: './data/cache', yahooUrl: undefined },
  limits: { maxOrderNotional: 100000, maxPositionPct: 100 },
  liveBroker: {
    provider: 'generic-rest',
    endpoint: undefined,
    keyId: undefined,
    token: undefined,
    dryRun: true,
    allowInsecure: false,
  },
};

describe('parseSettings', () => {
  it('uses every default when no variable is set', () => {
    const { settings, warnings } = parseSettings({});
    expect(settings).toEqual(DEFAULTS);
    expect(settings.databaseUrl).toBe(DEFAULT_DATABASE_URL);
    expect(settings.apiKey).toBeUndefined();
    expect(settings.adminApiKey).toBeUndefined();
    expect(settings.liveBroker.keyId).toBeUndefined();
    expect(settings.liveBroker.token).toBeUndefined();
    expect(settings.liveBroker.endpoint).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('treats blank and whitespace-only values as unset', () => {
    const env = Object.fromEntries(SETTING_NAMES.map((name, i) => [name, i % 2 === 0 ? '' : ' \t ']));
    expect(parseSettings(env).settings).toEqual(DEFAULTS);
  });

  it('reads every variable, trimmed', () => {
    const { settings } = parseSettings({
      AETHERQ_LOG_LEVEL: ' debug ',
      AETHERQ_DEFAULT_SYMBOL: ' qqq ',
      AETHERQ_INITIAL_CASH: ' 25000.50 ',
      AETHERQ_COMMISSION_BPS: '2',
      AETHERQ_SLIPPAGE_BPS: '0',
      AETHERQ_API_KEY: ' trader-key ',
      AETHERQ_ADMIN_API_KEY: 'admin-key',
      AETHERQ_DATABASE_URL: 'postgresql://aq:pw@db:5432/aetherquant',
      AETHERQ_RATE_LIMIT_PER_MINUTE: '600',
      AETHERQ_DATA_PROVIDER: ' csv ',
      AETHERQ_DATA_DIR: '/srv/market ',
      AETHERQ_CACHE_DIR: 'none',
      AETHERQ_YAHOO_URL: 'http://127.0.0.1:9999',
      AETHERQ_MAX_ORDER_NOTIONAL: '5000',
      AETHERQ_MAX_POSITION_PCT: '25',
      AETHERQ_LIVE_BROKER_ENDPOINT: 'https://paper-api.alpaca.markets',
      AETHERQ_LIVE_BROKER_KEY_ID: 'key-id',
      AETHERQ_LIVE_BROKER_TOKEN: 'token',
      AETHERQ_LIVE_BROKER_PROVIDER: 'alpaca',
      AETHERQ_LIVE_BROKER_DRY_RUN: 'false',
      AETHERQ_HOST: '0.0.0.0',
      AETHERQ_PORT: '0',
      AETHERQ_ALLOW_OPEN: 'yes',
      AETHERQ_CORS_ORIGINS: 'https://app.example.com, http://localhost:5173',
      AETHERQ_TRUST_PROXY: '1',
      AETHERQ_API_URL: 'https://aq.example.com/',
      AETHERQ_REDIS_URL: 'redis://:redis-pw@cache:6379/2',
      AETHERQ_REDIS_PREFIX: 'aq-prod',
      AETHERQ_JOB_MAX_SWEEP_CELLS: '250000',
      AETHERQ_JOB_MAX_ACTIVE_PER_KEY: '2',
      AETHERQ_JOB_MAX_CELLS_PER_KEY: '500000',
      AETHERQ_API_KEYS_FILE: ' /etc/aetherquant/keys ',
      AETHERQ_COMPUTE_TIMEOUT_MS: '30000',
      AETHERQ_COMPUTE_THREADS: '3',
      AETHERQ_MAX_CONNECTIONS_PER_IP: '10',
      AETHERQ_AUDIT_RETENTION_DAYS: '0',
      AETHERQ_AUDIT_MAX_ROWS: '5000',
      AETHERQ_LIVE_BROKER_ALLOW_INSECURE: 'on',
      AETHERQ_STRATEGY_PATHS: ' strategies/mine.ts ',
    });
    expect(settings).toEqual({
      logLevel: 'debug',
      defaultSymbol: 'QQQ',
      initialCash: 25000.5,
      commissionBps: 2,
      slippageBps: 0,
      apiKey: 'trader-key',
      adminApiKey: 'admin-key',
      databaseUrl: 'postgresql://aq:pw@db:5432/aetherquant',
      rateLimitPerMinute: 600,
      api: {
        host: '0.0.0.0',
        port: 0,
        allowOpen: true,
        corsOrigins: ['https://app.example.com', 'http://localhost:5173'],
        trustProxy: 1,
        keysFile: '/etc/aetherquant/keys',
        computeTimeoutMs: 30_000,
        computeThreads: 3,
        maxConnectionsPerIp: 10,
      },
      audit: { retentionDays: 0, maxRows: 5000 },
      strategyPaths: ['strategies/mine.ts'],
      apiUrl: 'https://aq.example.com/',
      jobs: {
        redisUrl: 'redis://:redis-pw@cache:6379/2',
        redisPrefix: 'aq-prod',
        maxSweepCells: 250_000,
        quota: { maxActive: 2, maxCells: 500_000 },
      },
      data: { provider: 'csv', dir: '/srv/market', cacheDir: null, yahooUrl: 'http://127.0.0.1:9999' },
      limits: { maxOrderNotional: 5000, maxPositionPct: 25 },
      liveBroker: {
        provider: 'alpaca',
        endpoint: 'https://paper-api.alpaca.markets',
        keyId: 'key-id',
        token: 'token',
        dryRun: false,
        allowInsecure: true,
      },
    });
  });

  it('ignores variables that are not AETHERQ_ ones', () => {
    const { settings, warnings } = parseSettings({
      PATH: '/usr/bin',
      NODE_ENV: 'production',
      aetherq_log_level: 'debug', // names are case-sensitive
      MY_AETHERQ_LOG_LEVEL: 'debug',
      INITIAL_CASH: 'lots',
    });
    expect(settings).toEqual(DEFAULTS);
    expect(warnings).toEqual([]);
  });

  it('rejects an unknown data provider, listing the known ones', () => {
    expect(rejection({ AETHERQ_DATA_PROVIDER: 'bloomberg' }).message).toBe(
      'invalid settings: AETHERQ_DATA_PROVIDER must be one of "yahoo", "csv", "synthetic" (got "bloomberg")',
    );
  });

  describe('the API settings', () => {
    it('rejects a port out of range and a host with a path', () => {
      expect(rejection({ AETHERQ_PORT: '70000' }).message).toBe(
        'invalid settings: AETHERQ_PORT must be at most 65535 (got 70000)',
      );
      expect(rejection({ AETHERQ_HOST: 'example.com/api' }).message).toBe(
        'invalid settings: AETHERQ_HOST must be a host name or an IP address (got "example.com/api")',
      );
    });

    it('accepts * and IPv6 hosts', () => {
      const { settings } = parseSettings({ AETHERQ_CORS_ORIGINS: '*', AETHERQ_HOST: '::1' });
      expect(settings.api).toMatchObject({ corsOrigins: ['*'], host: '::1' });
    });

    it('rejects a CORS origin with a path, naming the origin', () => {
      expect(
        rejection({ AETHERQ_CORS_ORIGINS: 'https://ok.example.com,https://bad.example.com/app' }).message,
      ).toBe(
        'invalid settings: AETHERQ_CORS_ORIGINS must list origins such as https://app.example.com (scheme and host, no path) or be * (got "https://bad.example.com/app")',
      );
    });

    it('rejects an API URL that is not http(s)', () => {
      expect(rejection({ AETHERQ_API_URL: 'ftp://aq.example.com' }).message).toBe(
        'invalid settings: AETHERQ_API_URL must be an http:// or https:// URL (got "ftp://aq.example.com")',
      );
    });
  });

  describe('AETHERQ_DATABASE_URL', () => {
    it('turns persistence off with none', () => {
      expect(parseSettings({ AETHERQ_DATABASE_URL: 'none' }).settings.databaseUrl).toBeNull();
    });

    it.each([
      'postgres://aq:pw@localhost:5432/aetherquant',
      'postgresql://aq@localhost/aetherquant',
      'sqlite::memory:',
      'sqlite:///tmp/test.sqlite',
      'sqlite:///data/aetherquant.sqlite',
    ])('accepts %s', (url) => {
      expect(parseSettings({ AETHERQ_DATABASE_URL: url }).settings.databaseUrl).toBe(url);
    });

    it.each(['mysql://x', 'sqlite://relative.sqlite', 'sqlite:///', 'postgres://', 'NONE', 'data.sqlite'])(
      'rejects %s, naming the variable and the accepted forms',
      (url) => {
        const error = rejection({ AETHERQ_DATABASE_URL: url });
        expect(error.message).toBe(
          'invalid settings: AETHERQ_DATABASE_URL must be none, sqlite::memory:, sqlite:///<path>, postgres://… or postgresql://…',
        );
      },
    );
  });

  describe('AETHERQ_LIVE_BROKER_DRY_RUN', () => {
    it.each([
      ['true', true],
      ['TRUE', true],
      ['1', true],
      ['yes', true],
      ['Yes', true],
      ['on', true],
      ['ON', true],
      ['false', false],
      ['False', false],
      ['0', false],
      ['no', false],
      ['NO', false],
      ['off', false],
      ['Off', false],
    ])('reads %p as %p', (text, value) => {
      expect(parseSettings({ AETHERQ_LIVE_BROKER_DRY_RUN: text }).settings.liveBroker.dryRun).toBe(value);
    });

    it('rejects other words', () => {
      expect(rejection({ AETHERQ_LIVE_BROKER_DRY_RUN: 'maybe' }).message).toBe(
        'invalid settings: AETHERQ_LIVE_BROKER_DRY_RUN must be true or false (or 1/0, yes/no, on/off) (got "maybe")',
      );
    });
  });

  it.each([
    [
      'AETHERQ_LOG_LEVEL',
      'loud',
      'must be one of "fatal", "error", "warn", "info", "debug", "trace", "silent" (got "loud")',
    ],
    ['AETHERQ_DEFAULT_SYMBOL', 'SPY$', 'must be a ticker of 1 to 15 letters'],
    ['AETHERQ_INITIAL_CASH', 'abc', 'must be a number (got "abc")'],
    ['AETHERQ_INITIAL_CASH', '0', 'must be greater than 0 (got 0)'],
    ['AETHERQ_INITIAL_CASH', '1e999', 'must be a number (got "1e999")'],
    ['AETHERQ_COMMISSION_BPS', '-1', 'must be at least 0 (got -1)'],
    ['AETHERQ_COMMISSION_BPS', '1000.5', 'must be at most 1000 (got 1000.5)'],
    ['AETHERQ_SLIPPAGE_BPS', '0x10', 'must be a number (got "0x10")'],
    ['AETHERQ_RATE_LIMIT_PER_MINUTE', '0', 'must be at least 1 (got 0)'],
    ['AETHERQ_RATE_LIMIT_PER_MINUTE', '1.5', 'must be a whole number (got "1.5")'],
    ['AETHERQ_RATE_LIMIT_PER_MINUTE', '1000001', 'must be at most 1000000 (got 1000001)'],
    ['AETHERQ_LIVE_BROKER_ENDPOINT', 'ftp://broker.example', 'must be an http:// or https:// URL'],
    ['AETHERQ_LIVE_BROKER_ENDPOINT', 'not a url', 'must be an http:// or https:// URL'],
    ['AETHERQ_LIVE_BROKER_PROVIDER', 'ib', 'must be one of "generic-rest", "alpaca" (got "ib")'],
  ])('rejects %s=%p: %s', (name, value, rule) => {
    const error = rejection({ [name]: value });
    expect(error.message).toContain(`invalid settings: ${name} ${rule}`);
    expect(error.details?.violations).toHaveLength(1);
    expect(error.details?.violations?.[0]?.field).toBe(name);
  });

  it('accepts the bounds of the numeric settings', () => {
    const { settings } = parseSettings({
      AETHERQ_COMMISSION_BPS: '0',
      AETHERQ_SLIPPAGE_BPS: '1000',
      AETHERQ_RATE_LIMIT_PER_MINUTE: '1',
      AETHERQ_INITIAL_CASH: '0.01',
    });
    expect(settings).toMatchObject({
      commissionBps: 0,
      slippageBps: 1000,
      rateLimitPerMinute: 1,
      initialCash: 0.01,
    });
  });

  it('reports every problem at once, each naming its variable', () => {
    const error = rejection({
      AETHERQ_INITIAL_CASH: 'lots',
      AETHERQ_COMMISSION_BPS: '5000',
      AETHERQ_RATE_LIMIT_PER_MINUTE: 'fast',
      AETHERQ_LIVE_BROKER_PROVIDER: 'ib',
    });
    const names = [
      'AETHERQ_INITIAL_CASH',
      'AETHERQ_COMMISSION_BPS',
      'AETHERQ_RATE_LIMIT_PER_MINUTE',
      'AETHERQ_LIVE_BROKER_PROVIDER',
    ];
    expect(error.details?.violations).toHaveLength(4);
    expect(error.details?.violations?.map((violation) => violation.field).sort()).toEqual([...names].sort());
    for (const name of names) expect(error.message).toContain(name);
  });

  describe('secrets', () => {
    it('rejects one key for both roles, naming AETHERQ_ADMIN_API_KEY without showing the key', () => {
      const key = 'aq-7f3c9e21-SHARED-secret';
      const error = rejection({ AETHERQ_API_KEY: key, AETHERQ_ADMIN_API_KEY: key });
      expect(error.message).toBe(
        'invalid settings: AETHERQ_ADMIN_API_KEY must differ from AETHERQ_API_KEY (one key cannot hold two roles)',
      );
      expect(error.details?.violations?.map((violation) => violation.field)).toEqual([
        'AETHERQ_ADMIN_API_KEY',
      ]);
      expect(shown(error)).not.toContain(key);
    });

    it('reports equal keys together with every other problem', () => {
      const error = rejection({
        AETHERQ_API_KEY: 'aq-same-key-77',
        AETHERQ_ADMIN_API_KEY: 'aq-same-key-77',
        AETHERQ_LOG_LEVEL: 'loud',
      });
      expect(error.details?.violations?.map((violation) => violation.field).sort()).toEqual([
        'AETHERQ_ADMIN_API_KEY',
        'AETHERQ_LOG_LEVEL',
      ]);
      expect(shown(error)).not.toContain('aq-same-key-77');
    });

    it('compares the keys after trimming', () => {
      const error = rejection({
        AETHERQ_API_KEY: ' aq-twin-key-91 ',
        AETHERQ_ADMIN_API_KEY: 'aq-twin-key-91',
      });
      expect(error.details?.violations?.[0]?.field).toBe('AETHERQ_ADMIN_API_KEY');
      expect(shown(error)).not.toContain('aq-twin-key-91');
    });

    it('accepts an admin key alone, and distinct keys', () => {
      expect(parseSettings({ AETHERQ_ADMIN_API_KEY: 'only-admin' }).settings.adminApiKey).toBe('only-admin');
      expect(parseSettings({ AETHERQ_API_KEY: 'k1', AETHERQ_ADMIN_API_KEY: 'k2' }).settings).toMatchObject({
        apiKey: 'k1',
        adminApiKey: 'k2',
      });
    });

    it('never shows an invalid database URL, which may hold a password', () => {
      const error = rejection({ AETHERQ_DATABASE_URL: 'mysql://admin:Db-Pa55-q8Zr@db.internal/prod' });
      expect(error.details?.violations?.[0]?.field).toBe('AETHERQ_DATABASE_URL');
      expect(shown(error)).not.toContain('Db-Pa55-q8Zr');
      expect(shown(error)).not.toContain('db.internal');
    });

    it('never shows any secret when other variables are invalid', () => {
      const secrets = {
        AETHERQ_API_KEY: 'trader-K3y-5ecret-a1',
        AETHERQ_ADMIN_API_KEY: 'admin-K3y-5ecret-b2',
        AETHERQ_DATABASE_URL: 'postgres://aq:Pg-Pa55-c3@db/aq',
        AETHERQ_LIVE_BROKER_KEY_ID: 'broker-Key-Id-d4',
        AETHERQ_LIVE_BROKER_TOKEN: 'broker-T0ken-e5',
      };
      const error = rejection({
        ...secrets,
        AETHERQ_INITIAL_CASH: 'abc',
        AETHERQ_LIVE_BROKER_PROVIDER: 'ib',
      });
      expect(error.details?.violations).toHaveLength(2);
      for (const value of [...Object.values(secrets), 'Pg-Pa55-c3'])
        expect(shown(error)).not.toContain(value);
    });

    it('marks exactly the keys, the database and Redis URLs and the broker credentials as secret', () => {
      const secretNames = SETTING_NAMES.filter(
        (name) => (SETTING_DEFINITIONS[name] as { secret?: boolean }).secret,
      );
      expect(secretNames.sort()).toEqual(
        [
          'AETHERQ_API_KEY',
          'AETHERQ_ADMIN_API_KEY',
          'AETHERQ_DATABASE_URL',
          'AETHERQ_REDIS_URL',
          'AETHERQ_LIVE_BROKER_KEY_ID',
          'AETHERQ_LIVE_BROKER_TOKEN',
        ].sort(),
      );
    });
  });

  describe('warnings', () => {
    it('suggests the setting a near-typo meant, and does not read it', () => {
      const { settings, warnings } = parseSettings({ AETHERQ_INTIAL_CASH: '5000' });
      expect(warnings).toEqual([
        'AETHERQ_INTIAL_CASH is not a setting AetherQuant reads; did you mean AETHERQ_INITIAL_CASH?',
      ]);
      expect(settings.initialCash).toBe(100000);
    });

    it('catches a dropped underscore and swapped letters', () => {
      expect(parseSettings({ AETHERQ_LOGLEVEL: 'debug' }).warnings).toEqual([
        'AETHERQ_LOGLEVEL is not a setting AetherQuant reads; did you mean AETHERQ_LOG_LEVEL?',
      ]);
      expect(parseSettings({ AETHERQ_API_KYE: 'k' }).warnings).toEqual([
        'AETHERQ_API_KYE is not a setting AetherQuant reads; did you mean AETHERQ_API_KEY?',
      ]);
    });

    it('makes no suggestion for a name far from every setting', () => {
      expect(parseSettings({ AETHERQ_COLOR_THEME: 'dark' }).warnings).toEqual([
        'AETHERQ_COLOR_THEME is not a setting AetherQuant reads',
      ]);
    });

    it('lists unknown variables in name order and never stops start-up', () => {
      const { warnings } = parseSettings({
        AETHERQ_ZZZ: 'x',
        AETHERQ_COLOR_THEME: 'x',
        AETHERQ_INTIAL_CASH: 'not a number',
      });
      expect(warnings.map((warning) => warning.split(' ')[0])).toEqual([
        'AETHERQ_COLOR_THEME',
        'AETHERQ_INTIAL_CASH',
        'AETHERQ_ZZZ',
      ]);
    });

    it('carries the warnings in the error when settings are invalid, since a typo often explains a bad value', () => {
      const error = rejection({ AETHERQ_INTIAL_CASH: '5000', AETHERQ_INITIAL_CASH: '0' });
      expect(error.details?.violations?.map((violation) => violation.field)).toEqual([
        'AETHERQ_INITIAL_CASH',
      ]);
      expect(error.details?.['warnings']).toEqual([
        'AETHERQ_INTIAL_CASH is not a setting AetherQuant reads; did you mean AETHERQ_INITIAL_CASH?',
      ]);
    });

    it('does not quote the values of unknown variables', () => {
      const { warnings } = parseSettings({ AETHERQ_API_KYE: 'typo-Key-Value-f6' });
      expect(warnings.join('\n')).not.toContain('typo-Key-Value-f6');
    });
  });
});

describe('redactSettings', () => {
  const full: Settings = {
    ...DEFAULTS,
    apiKey: 'trader-key',
    adminApiKey: 'admin-key',
    databaseUrl: 'postgres://aq:pg-password@db:5432/aq',
    jobs: { ...DEFAULTS.jobs, redisUrl: 'redis://:redis-password@cache:6379' },
    liveBroker: {
      provider: 'alpaca',
      endpoint: 'https://paper-api.alpaca.markets',
      keyId: 'key-id',
      token: 'broker-token',
      dryRun: false,
      allowInsecure: false,
    },
  };

  it('masks every secret and keeps everything else', () => {
    expect(redactSettings(full)).toEqual({
      ...full,
      apiKey: '***',
      adminApiKey: '***',
      databaseUrl: 'postgres://aq:***@db:5432/aq',
      jobs: { ...DEFAULTS.jobs, redisUrl: 'redis://:***@cache:6379' },
      liveBroker: { ...full.liveBroker, keyId: '***', token: '***' },
    });
    const text = JSON.stringify(redactSettings(full));
    for (const secret of [
      'trader-key',
      'admin-key',
      'pg-password',
      'redis-password',
      'key-id',
      'broker-token',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('masks credentials in every URL setting, not only the database URL', () => {
    const redacted = redactSettings({
      ...full,
      databaseUrl: 'postgresql://aq@db:5432/aq?sslmode=require&password=query-pw',
      apiUrl: 'https://api-user:api-url-pw@aq.example.com/',
      data: { ...full.data, yahooUrl: 'https://mirror.example.com/?token=yahoo-token' },
      liveBroker: { ...full.liveBroker, endpoint: 'https://broker-token-user@broker.example.com/' },
    });
    // A database URL's user name alone is no secret (it says who connects); its password, wherever given, is.
    expect(redacted.databaseUrl).toBe('postgresql://aq@db:5432/aq?sslmode=require&password=***');
    expect(redacted.apiUrl).toBe('https://api-user:***@aq.example.com/');
    expect(redacted.data.yahooUrl).toBe('https://mirror.example.com/?token=***');
    expect(redacted.liveBroker.endpoint).toBe('https://***@broker.example.com/');
  });

  it('leaves unset secrets unset and a disabled database null', () => {
    const redacted = redactSettings({ ...DEFAULTS, databaseUrl: null });
    expect(redacted.apiKey).toBeUndefined();
    expect(redacted.adminApiKey).toBeUndefined();
    expect(redacted.liveBroker.keyId).toBeUndefined();
    expect(redacted.liveBroker.token).toBeUndefined();
    expect(redacted.databaseUrl).toBeNull();
    expect(redacted.jobs.redisUrl).toBeUndefined();
  });

  it('does not change the settings it is given', () => {
    const copy = structuredClone(full);
    redactSettings(full);
    expect(full).toEqual(copy);
  });
});

describe('AETHERQ_STRATEGY_PATHS', () => {
  it('is a comma-separated list, blanks dropped, as written (apps resolve it against their directory)', () => {
    const { settings } = parseSettings({ AETHERQ_STRATEGY_PATHS: ' strategies/a.ts, ,@acme/strategies ' });
    expect(settings.strategyPaths).toEqual(['strategies/a.ts', '@acme/strategies']);
    expect(parseSettings({}).settings.strategyPaths).toEqual([]);
  });
});

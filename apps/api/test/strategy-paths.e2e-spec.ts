import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import {
  EMA_TREND_STRATEGY,
  peekingStrategy,
  type ServerProcess,
  startServerProcess,
} from '@aetherquant/testing';

// The API as an operator starts it: the built `aetherquant-web` process, with AETHERQ_STRATEGY_PATHS naming a
// TypeScript strategy file (relative to its working directory, beside no node_modules). A client lists the
// strategy with its parameters and runs it over HTTP; a file that breaks the strategy
// contract stops the start, named.

const WEB_BIN = resolve(__dirname, '../bin/aetherquant-web.js');
const TRADER_KEY = 'trader-key-strategy-paths-0123';

const BASE_ENV = {
  AETHERQ_API_KEY: TRADER_KEY,
  AETHERQ_ADMIN_API_KEY: 'admin-key-strategy-paths-98765',
  AETHERQ_DATA_PROVIDER: 'synthetic',
  AETHERQ_CACHE_DIR: 'none',
  AETHERQ_DATABASE_URL: 'none',
};

describe('an API started with AETHERQ_STRATEGY_PATHS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aq-strategy-paths-'));
  writeFileSync(join(dir, 'ema-trend.ts'), EMA_TREND_STRATEGY);
  let server: ServerProcess;

  beforeAll(async () => {
    server = await startServerProcess(process.execPath, [WEB_BIN], {
      ...BASE_ENV,
      AETHERQ_STRATEGY_PATHS: join(dir, 'ema-trend.ts'),
    });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the strategy to a client: listed with its parameter schema, and run', async () => {
    const asTrader = (method: 'get' | 'post', path: string) =>
      request(server.url)[method](path).set('X-API-Key', TRADER_KEY);
    const { body: listed } = await asTrader('get', '/api/strategies').expect(200);
    expect(listed.strategies.at(-1)).toEqual({
      name: 'ema-trend',
      description: 'Long while the close is above its exponential average.',
      parameters: [
        { name: 'span', description: 'Bars of the average.', kind: 'integer', default: 30, min: 2, max: 300 },
      ],
    });
    const { body: report } = await asTrader('post', '/api/backtest')
      .send({ symbol: 'SPY', period: '1y', strategy: 'ema-trend', params: { span: 20 } })
      .expect(200);
    expect(report).toMatchObject({ strategy: 'ema-trend', params: { span: 20 }, warmup_bars: 19 });
    const { body } = await asTrader('post', '/api/backtest')
      .send({ symbol: 'SPY', strategy: 'ema-trend', params: { span: 1 } })
      .expect(400);
    expect(body.error.details).toEqual([{ field: 'params.span', rule: 'must be at least 2 (got 1)' }]);
  });
});

describe('an API given a strategy file that breaks the contract', () => {
  it('refuses to start, naming the file, the strategy and the property', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aq-strategy-paths-'));
    const peeking = join(dir, 'peeking.ts');
    writeFileSync(peeking, peekingStrategy());
    const started = spawnSync(process.execPath, [WEB_BIN], {
      cwd: dir,
      env: { ...process.env, ...BASE_ENV, AETHERQ_PORT: '0', AETHERQ_STRATEGY_PATHS: 'peeking.ts' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    rmSync(dir, { recursive: true, force: true });
    expect(started.status).not.toBe(0);
    expect(started.stdout + started.stderr).toMatch(
      new RegExp(
        `AETHERQ_STRATEGY_PATHS ${peeking.replace(/[.]/g, '\\.')}: peeking breaks the strategy contract \\(no-look-ahead: target\\[`,
      ),
    );
    expect(started.stdout + started.stderr).not.toMatch(/\n\s+at /);
  });
});

import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { parseSettings } from '@aetherquant/core';
import { runUseCase } from '@aetherquant/workflows';
import { startServerProcess } from '@aetherquant/testing';
import { TRADER_KEY } from './support/test-api';

/** The binary npm links for the workspace, as `npx aetherquant-web` finds it. */
const WEB_BIN = resolve(__dirname, '../../../node_modules/.bin/aetherquant-web');

const startBinary = (env: Record<string, string>) => startServerProcess(WEB_BIN, [], env);

describe('aetherquant-web (built binary)', () => {
  it('finishes in-flight requests on SIGTERM, flushes the audit log, and exits 0', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'aetherquant-shutdown-'));
    const databaseUrl = `sqlite:///${join(folder, 'aetherquant.sqlite')}`;
    const server = await startBinary({
      AETHERQ_DATABASE_URL: databaseUrl,
      AETHERQ_API_KEY: TRADER_KEY,
      AETHERQ_DATA_PROVIDER: 'synthetic',
      AETHERQ_CACHE_DIR: 'none',
    });
    // A sweep of thousands of backtests: long enough to be in flight when the signal comes.
    const inFlight = request(server.url)
      .post('/api/sweep')
      .set('X-API-Key', TRADER_KEY)
      .set('X-Request-ID', 'in-flight-sweep')
      .send({ symbol: 'SPY', period: '10y', grid: { fast: '2:100:1', slow: '20:260:2' } })
      .then((response) => response);
    await new Promise((done) => setTimeout(done, 300));
    server.child.kill('SIGTERM');

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(response.body.combinations).toBeGreaterThan(10_000);
    expect(await server.exited).toBe(0);
    await expect(request(server.url).get('/healthz')).rejects.toThrow(/ECONNREFUSED/);

    const messages = server.lines.map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(messages).toEqual(
      expect.arrayContaining(['shutting down: finishing in-flight requests', 'stopped']),
    );
    const { settings } = parseSettings({ AETHERQ_DATABASE_URL: databaseUrl });
    const { events } = await runUseCase('audit', { limit: 10 }, { context: { settings } });
    expect(events).toEqual([
      expect.objectContaining({
        request_id: 'in-flight-sweep',
        path: '/api/sweep',
        status_code: 200,
        actor_role: 'trader',
      }),
    ]);
  });

  it('shuts down gracefully on a repeated SIGINT (Ctrl-C reaches the whole process group)', async () => {
    const server = await startBinary({ AETHERQ_DATABASE_URL: 'none', AETHERQ_API_KEY: TRADER_KEY });
    server.child.kill('SIGINT');
    await new Promise((done) => setTimeout(done, 5));
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
    expect(server.lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toContain('stopped');
  });

  it('exits 2 with one line naming every bad setting', async () => {
    const child = spawn(WEB_BIN, [], {
      cwd: mkdtempSync(join(tmpdir(), 'aetherquant-web-')),
      env: { ...process.env, AETHERQ_PORT: 'eighty', AETHERQ_API_KEY: 'secret-that-must-not-show' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    const code = await new Promise((done) => child.once('exit', done));
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^error: invalid settings: AETHERQ_PORT must be a whole number \(got "eighty"\)\n$/,
    );
    expect(stderr).not.toContain('secret-that-must-not-show');
  });

  it('refuses an open API on a public address, exit 2', async () => {
    const cleanEnv = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !name.startsWith('AETHERQ_')),
    );
    const child = spawn(WEB_BIN, [], {
      cwd: mkdtempSync(join(tmpdir(), 'aetherquant-web-')),
      env: { ...cleanEnv, AETHERQ_HOST: '0.0.0.0', AETHERQ_PORT: '0', AETHERQ_DATABASE_URL: 'none' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    expect(await new Promise((done) => child.once('exit', done))).toBe(2);
    expect(stderr).toContain(
      'refusing to start: AETHERQ_HOST is 0.0.0.0, not loopback, and no API key is set',
    );
  });
});

import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { WORKSPACE_ROOT } from './workspace-root';

/**
 * A newcomer follows only the README's quick start: the main job, then the API and dashboard, a backtest
 * through the API, and the runs listed. The commands are read from the README's quick start block, so a change
 * there that breaks the path breaks this test. (`npm ci` is what built the binaries this runs.)
 */

const CLI_BIN = join(WORKSPACE_ROOT, 'node_modules/.bin/aetherquant');
const README = readFileSync(join(WORKSPACE_ROOT, 'README.md'), 'utf8');

interface ReadmeCommand {
  env: Record<string, string>;
  args: string[];
  line: string;
}

/** The `npx aetherquant …` lines of the quick start's first sh block, with their `NAME=value` prefixes. */
function quickStartCommands(): ReadmeCommand[] {
  const section = README.split(/^## Quick start$/m)[1] ?? '';
  const block = section.match(/```sh\n([\s\S]*?)```/)?.[1] ?? '';
  return block
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => /^(?:[A-Z_]+=\S+ )*npx aetherquant /.test(line))
    .map((line) => {
      const words = line.split(/\s+/);
      const env: Record<string, string> = {};
      while (/^[A-Z_]+=/.test(words[0] as string)) {
        const [name, ...value] = (words.shift() as string).split('=');
        env[name as string] = value.join('=');
      }
      return { env, args: words.slice(2), line };
    });
}

const commands = quickStartCommands();
const find = (first: string, second?: string) =>
  commands.find(
    (command) => command.args[0] === first && (second === undefined || command.args[1] === second),
  );

/** The caller's AETHERQ_* variables removed, so only the README's reach the binary. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AETHERQ_'))),
    OCLIF_SKIP_NEW_VERSION_CHECK: 'true',
    ...extra,
  };
}

describe('the README quick start, followed by a newcomer', () => {
  const folder = mkdtempSync(join(tmpdir(), 'aetherquant-newcomer-'));
  let server: ChildProcess | undefined;
  let url = '';

  afterAll(async () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((done) => server?.once('exit', done));
      server.kill('SIGTERM');
      await exited;
    }
  });

  it('names the install, the main job, serving, the dashboard address and listing runs', () => {
    expect(README).toContain('npm ci ');
    expect(find('backtest')?.line).toBe(
      'npx aetherquant backtest --symbol SPY --period 2y --provider synthetic',
    );
    expect(find('serve')?.line).toBe(
      'AETHERQ_API_KEY=trader-secret AETHERQ_DATA_PROVIDER=synthetic npx aetherquant serve',
    );
    expect(find('db', 'runs')?.line).toBe('npx aetherquant db runs');
    expect(README).toContain('open <http://127.0.0.1:8000/>, paste `trader-secret` as the key');
    // What `npm ci` built (its `prepare` script builds the CLI, and with it the API and the dashboard).
    expect(existsSync(CLI_BIN)).toBe(true);
  });

  let cliRunId = '';
  let apiRunId = '';

  it('runs the main job offline and records the run', () => {
    const { env, args } = find('backtest') as ReadmeCommand;
    const result = spawnSync(CLI_BIN, args, {
      cwd: folder,
      env: cleanEnv(env),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { symbol: string; provider: string; run_id: string };
    expect(report).toMatchObject({ symbol: 'SPY', provider: 'synthetic' });
    cliRunId = report.run_id;
    expect(cliRunId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the API and the dashboard', async () => {
    const { env, args } = find('serve') as ReadmeCommand;
    // The README's command, on a free port rather than 8000 (which may be taken where tests run).
    const child = spawn(CLI_BIN, [...args, '--port', '0'], {
      cwd: folder,
      env: cleanEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server = child;
    let stderr = '';
    child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
    url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg === 'listening' && entry.url) resolve(entry.url);
      });
      child.once('exit', (code) => reject(new Error(`serve exited ${code} before listening: ${stderr}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('<title>AetherQuant</title>');
    expect(html).toContain('<div id="root"></div>');
    const script = html.match(/<script[^>]+src="([^"]+)"/)?.[1] as string;
    expect((await fetch(`${url}${script}`)).status).toBe(200);
  });

  it('accepts the key from the README and runs a backtest as the dashboard does', async () => {
    const key = find('serve')?.env['AETHERQ_API_KEY'] as string;
    const check = await fetch(`${url}/api/keycheck`, { headers: { 'x-api-key': key } });
    expect(await check.json()).toEqual({ status: 'ok', role: 'trader' });
    const response = await fetch(`${url}/api/backtest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({ symbol: 'SPY', period: '1y' }),
    });
    expect(response.status).toBe(200);
    const report = (await response.json()) as { provider: string; run_id: string };
    expect(report.provider).toBe('synthetic');
    apiRunId = report.run_id;
    expect(apiRunId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lists both runs with `aetherquant db runs` in the same folder', async () => {
    const { env, args } = find('db', 'runs') as ReadmeCommand;
    // The API writes runs shortly after answering: give it a moment, as a person switching terminals would.
    let ids: string[] = [];
    for (let attempt = 0; attempt < 20 && !ids.includes(apiRunId); attempt++) {
      if (attempt > 0) await new Promise((done) => setTimeout(done, 250));
      const result = spawnSync(CLI_BIN, [...args, '--json'], {
        cwd: folder,
        env: cleanEnv(env),
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(result.status).toBe(0);
      ids = (JSON.parse(result.stdout) as { runs: { id: string }[] }).runs.map((run) => run.id);
    }
    expect(ids).toEqual(expect.arrayContaining([cliRunId, apiRunId]));
    expect(existsSync(join(folder, 'data/aetherquant.sqlite'))).toBe(true);
  });
});

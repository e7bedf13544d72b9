// The built API in a process of its own, for the benchmarks that load it over loopback.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BENCH_KEY = 'bench-trader-key-0123456789';

/** A loopback port nothing listens on now. */
export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * `aetherquant-web` (built) in its own process on `port`, synthetic data, a SQLite file (or
 * AETHERQ_BENCH_DATABASE_URL), no rate limit to speak of; `env` over those. Resolves once `/readyz` answers.
 */
export async function startServer(port, env = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'aetherquant-bench-api-'));
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('AETHERQ_')),
  );
  const child = spawn(
    process.execPath,
    [join(import.meta.dirname, '../../apps/api/bin/aetherquant-web.js')],
    {
      cwd: folder,
      env: {
        ...inherited,
        AETHERQ_PORT: String(port),
        AETHERQ_API_KEY: BENCH_KEY,
        AETHERQ_DATA_PROVIDER: 'synthetic',
        AETHERQ_CACHE_DIR: 'none',
        AETHERQ_DATABASE_URL:
          process.env.AETHERQ_BENCH_DATABASE_URL ?? `sqlite:///${join(folder, 'aetherquant.sqlite')}`,
        AETHERQ_RATE_LIMIT_PER_MINUTE: '1000000',
        AETHERQ_COMPUTE_THREADS: process.env.AETHERQ_BENCH_COMPUTE_THREADS ?? '0',
        ...env,
      },
      // The server logs a line per request, as in production; this process discards them.
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return { child, url };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill();
  throw new Error('aetherquant-web did not become ready');
}

// A sweep of 100,000 (fast, slow) cells over ~5,000 daily bars as a job on the machine's real Redis, computed
// by 1 and then 2 `aetherquant worker` processes (built CLI), from submission to the merged result: cells per
// second each, and the speed-up. Each worker computes a chunk on every core (the sweep's own threads), so on
// one 2-core machine a second worker has no core of its own: the ~2x of two workers is for two machines, and
// this figure says what one machine gives. Keys under a prefix of the run's own, removed afterwards.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BullMqJobEngine } from '@aetherquant/workflows/jobs';
import { Redis } from 'ioredis';

const REDIS_URL =
  process.env.AETHERQ_BENCH_REDIS_URL || process.env.AETHERQ_TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const CLI_BIN = join(import.meta.dirname, '../../apps/cli/bin/run.js');
const SWEEP = {
  use_case: 'sweep',
  request: {
    symbol: 'SPY',
    provider: 'synthetic',
    period: '20y',
    grid: { fast: '1:200:1', slow: '201:700:1' },
  },
};

function startWorker(prefix, folder) {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('AETHERQ_')),
  );
  const child = spawn(process.execPath, [CLI_BIN, 'worker'], {
    cwd: folder,
    env: {
      ...inherited,
      AETHERQ_REDIS_URL: REDIS_URL,
      AETHERQ_REDIS_PREFIX: prefix,
      AETHERQ_DATABASE_URL: `sqlite:///${join(folder, 'runs.sqlite')}`,
      AETHERQ_CACHE_DIR: 'none',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      if (String(chunk).includes('"worker started"')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`a worker exited ${code} before starting`)));
  });
}

async function clearRedisPrefix(prefix) {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

async function timedSweep(workers) {
  const prefix = `aq-bench:${process.pid}-${randomBytes(4).toString('hex')}`;
  const folder = mkdtempSync(join(tmpdir(), 'aetherquant-bench-workers-'));
  const children = await Promise.all(Array.from({ length: workers }, () => startWorker(prefix, folder)));
  const engine = new BullMqJobEngine({ redisUrl: REDIS_URL, prefix });
  try {
    const start = performance.now();
    const { job_id } = await engine.submit(SWEEP, 'bench');
    let status;
    do {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = await engine.get(job_id);
    } while (status.status === 'queued' || status.status === 'running');
    const seconds = (performance.now() - start) / 1000;
    if (status.status !== 'completed')
      throw new Error(`the sweep ended ${status.status}: ${JSON.stringify(status.error)}`);
    return { cells: status.result.combinations, bars: status.result.rows, seconds };
  } finally {
    await engine.close();
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => new Promise((resolve) => child.once('exit', resolve))));
    await clearRedisPrefix(prefix);
  }
}

const one = await timedSweep(1);
const two = await timedSweep(2);
const rate = (run) => Math.round(run.cells / run.seconds);
console.log(
  JSON.stringify({
    name: 'sweep-distributed',
    cells: one.cells,
    bars: one.bars,
    one_worker_s: Math.round(one.seconds * 10) / 10,
    two_workers_s: Math.round(two.seconds * 10) / 10,
    one_worker_cells_per_s: rate(one),
    two_workers_cells_per_s: rate(two),
    speed_up: Math.round((rate(two) / rate(one)) * 100) / 100,
  }),
);

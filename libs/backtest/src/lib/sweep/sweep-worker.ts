// The worker-thread entry of a sweep. It runs as plain JavaScript: the compiled
// dist/lib/sweep/sweep-worker.js, which `SweepWorkerPool` starts (also under Jest, hence the build first).
//
// On start it views the shared columns as a BarSeries (no copy), finds the strategy in the registry and
// allocates its scratch once; then, for each job, it claims chunks of combination indices from the shared
// counter until none are left, writing result rows straight into the shared results.
import { BarSeries, type IntervalName } from '@aetherquant/core';
import { getStrategy, type Strategy } from '@aetherquant/strategies';
import { parentPort, workerData } from 'node:worker_threads';
import { SweepEvaluator } from './sweep-evaluator';
import { type JobMessage, serializeError, type SweepWorkerData, type WorkerMessage } from './sweep-protocol';

const data = workerData as SweepWorkerData;
const port = parentPort;
if (port === null) throw new Error('sweep-worker.js runs as a worker thread only');

const n = data.length;
const column = (index: number) => new Float64Array(data.columns, index * n * 8, n);
const series = new BarSeries({
  symbol: data.symbol,
  interval: data.interval as IntervalName,
  time: column(0),
  open: column(1),
  high: column(2),
  low: column(3),
  close: column(4),
  volume: column(5),
});
// A built-in is found by name; a strategy from a file is loaded again by its loader (compiling it on this thread).
const evaluator: Promise<SweepEvaluator> =
  data.reload === undefined
    ? Promise.resolve(new SweepEvaluator(series, getStrategy(data.strategy)))
    : (require(data.reload.loader) as StrategyLoader)
        .strategyOfModule(data.reload.module, data.strategy)
        .then((strategy) => new SweepEvaluator(series, strategy));
// Nothing to report until a job asks: its failure message carries the loading error.
evaluator.catch(() => undefined);

interface StrategyLoader {
  strategyOfModule(module: string, name: string): Promise<Strategy>;
}

port.on('message', (message: JobMessage) => void run(message));

async function run(message: JobMessage): Promise<void> {
  const { id, job, chunk } = message;
  const counter = new Int32Array(message.counter);
  const results = new Float64Array(message.results);
  const post = (reply: WorkerMessage) => port?.postMessage(reply);
  try {
    const ready = await evaluator;
    for (;;) {
      const start = Atomics.add(counter, 0, chunk);
      if (start >= job.count) break;
      const end = Math.min(start + chunk, job.count);
      ready.evaluate(job, start, end, results);
      post({ type: 'progress', id, count: end - start });
    }
    post({ type: 'done', id });
  } catch (error) {
    // Stop the other workers too: push the counter past the end so their next claim finds nothing.
    Atomics.store(counter, 0, job.count);
    post({ type: 'failed', id, error: serializeError(error) });
  }
}

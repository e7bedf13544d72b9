// Start-up time of the built CLI: `aetherquant signal` end to end (process spawn to exit), against a bare
// `node -e 0` on the same machine, so the figure that matters is the difference (what our code adds).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { figures, sample } from './measure.mjs';

const bin = join(import.meta.dirname, '..', '..', 'apps', 'cli', 'bin', 'run.js');
const run = (args) => () => {
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
};

const baseline = sample(run(['-e', '0']));
const signal = sample(run([bin, 'signal', '--latest-return', '0.015']));
console.log(
  figures('cli-startup-signal', signal, {
    node_baseline_best_ms: Math.round(baseline[0] * 10) / 10,
    added_best_ms: Math.round((signal[0] - baseline[0]) * 10) / 10,
  }),
);

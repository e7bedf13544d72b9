// `npm run bench`: runs every tools/bench/*.bench.mjs in its own Node process, one after another (so
// they do not compete for the two cores), and passes through the JSON line each prints. Pass names to
// run a subset: `npm run bench -- cli-startup`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv.slice(2);
const benches = readdirSync(import.meta.dirname)
  .filter((name) => name.endsWith('.bench.mjs'))
  .filter((name) => only.length === 0 || only.some((wanted) => name.startsWith(wanted)))
  .sort();

let failed = false;
for (const bench of benches) {
  const run = spawnSync(process.execPath, [join(import.meta.dirname, bench)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stdout.write(run.stdout);
  if (run.status !== 0) {
    failed = true;
    console.error(`${bench} failed with exit code ${run.status}`);
  }
}
process.exit(failed ? 1 : 0);

// Prints the built JavaScript's size, raw and gzipped, and fails the build above the budget of the issue:
// a phone on a slow network downloads all of it before the first screen.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_GZIP_BYTES = 300 * 1024;
const assets = join(import.meta.dirname, '..', 'dist', 'assets');
const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
let raw = 0;
let gzip = 0;
for (const name of scripts) {
  const bytes = readFileSync(join(assets, name));
  raw += bytes.length;
  gzip += gzipSync(bytes, { level: 9 }).length;
}
const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;
console.log(
  JSON.stringify({
    name: 'dashboard-javascript',
    files: scripts.length,
    raw_kb: kb(raw),
    gzip_kb: kb(gzip),
    budget_gzip_kb: BUDGET_GZIP_BYTES / 1024,
  }),
);
if (gzip > BUDGET_GZIP_BYTES) {
  console.error(
    `dashboard JavaScript is ${kb(gzip)} KB gzipped, over the ${BUDGET_GZIP_BYTES / 1024} KB budget`,
  );
  process.exit(1);
}

// Loading a 1,000,000-row daily CSV file (Yahoo layout, adjusted) with the CSV provider: the target
// is "well under a second". Each run uses a fresh provider, so nothing is served from its in-memory copy.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CsvProvider } from '@aetherquant/data';
import { figures } from './measure.mjs';

const ROWS = 1_000_000;
const dir = mkdtempSync(join(tmpdir(), 'aetherquant-bench-'));
const lines = ['Date,Open,High,Low,Close,Adj Close,Volume'];
for (let i = 0, day = Date.UTC(1900, 0, 1); i < ROWS; day += 86_400_000) {
  const weekday = new Date(day).getUTCDay();
  if (weekday === 0 || weekday === 6) continue;
  const price = 100 * (1.5 + Math.sin(i / 97)) + (i % 13) * 0.01;
  const close = price.toFixed(6);
  lines.push(
    `${new Date(day).toISOString().slice(0, 10)},${(price * 0.999).toFixed(6)},${(price * 1.01).toFixed(6)},${(price * 0.99).toFixed(6)},${close},${(price * 0.98).toFixed(6)},${1_000_000 + i}`,
  );
  i++;
}
writeFileSync(join(dir, 'BIG.csv'), `${lines.join('\n')}\n`);

const durations = [];
for (let run = 0; run < 7; run++) {
  const start = performance.now();
  const series = await new CsvProvider({ dataDir: dir }).getBars({ symbol: 'BIG', period: 'max' });
  durations.push(performance.now() - start);
  if (series.length !== ROWS) throw new Error(`expected ${ROWS} bars, got ${series.length}`);
}
durations.sort((a, b) => a - b);
console.log(figures('csv-load-1m-rows', durations, { rows: ROWS }));

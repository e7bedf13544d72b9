// Prints the closing line of a full test run from the per-project files tools/jest/summary-reporter.cjs
// writes: "tests: N passed, N failed, N skipped". Exits 1 when a project failed or nothing ran at all.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const directory = join(import.meta.dirname, '..', '..', 'tmp', 'test-results');
let files = [];
try {
  files = readdirSync(directory).filter((name) => name.endsWith('.json'));
} catch {
  // no results at all: reported below
}
const total = { passed: 0, failed: 0, skipped: 0 };
for (const file of files) {
  const summary = JSON.parse(readFileSync(join(directory, file), 'utf8'));
  for (const key of Object.keys(total)) total[key] += summary[key];
  console.log(
    `  ${summary.project}: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`,
  );
}
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);

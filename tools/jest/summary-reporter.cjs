// Writes each Jest run's counts to tmp/test-results/<project>.json, so .ci/run can print one closing
// line for the whole workspace ("N passed, N failed, N skipped") after Nx has run every project.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class SummaryReporter {
  onRunComplete(testContexts, results) {
    const [context] = testContexts;
    const displayName = context?.config.displayName;
    const project = (typeof displayName === 'string' ? displayName : displayName?.name) ?? 'jest';
    const directory = join(__dirname, '..', '..', 'tmp', 'test-results');
    mkdirSync(directory, { recursive: true });
    const summary = {
      project,
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    writeFileSync(join(directory, `${project}.json`), `${JSON.stringify(summary)}\n`);
  }
}

module.exports = SummaryReporter;

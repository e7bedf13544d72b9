// Preloaded with `node --require` by the start-up test: when the process exits, writes to the file named by
// LOADED_MODULES_FILE every CommonJS module `require` holds (`cached`: loaded from disk or provided by the
// start-up bundle) and the files Node actually compiled (`compiled`), so the test can tell the two apart.
const Module = require('node:module');
const { writeFileSync } = require('node:fs');

const compiled = [];
const compile = Module.prototype._compile;
Module.prototype._compile = function (content, filename) {
  compiled.push(filename);
  return compile.call(this, content, filename);
};

process.on('exit', () => {
  writeFileSync(
    process.env.LOADED_MODULES_FILE,
    JSON.stringify({ cached: Object.keys(require.cache), compiled }),
  );
});

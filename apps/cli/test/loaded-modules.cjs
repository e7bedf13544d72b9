// Preloaded with `node --require` by the start-up test: when the process exits, writes the path of every
// CommonJS module it loaded to the file named by LOADED_MODULES_FILE.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  writeFileSync(process.env.LOADED_MODULES_FILE, JSON.stringify(Object.keys(require.cache)));
});

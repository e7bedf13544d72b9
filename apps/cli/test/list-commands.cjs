// Prints every command of the built CLI as JSON: its id, the use cases it declares and whether it takes
// --api-url. Run in a child process: oclif loads commands with dynamic import(), which Jest's VM refuses.
const { join } = require('node:path');
const { Config } = require('@oclif/core/config');

(async () => {
  const config = await Config.load(join(__dirname, '..'));
  const commands = [];
  for (const command of config.commands) {
    const loaded = await command.load();
    commands.push({
      id: command.id.replaceAll(':', ' '),
      useCases: loaded.useCases ?? [],
      remote: Object.hasOwn(loaded.flags ?? {}, 'api-url'),
    });
  }
  process.stdout.write(JSON.stringify(commands));
})();

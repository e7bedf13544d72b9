import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { AetherError } from '@aetherquant/core';
import * as Flags from '@oclif/core/flags';
import { AetherCommand } from '../command/aether-command';
import { numericFlag } from '../flags/flag-input';
import { followParent, STOP_SIGNALS } from '../command/follow-parent';

export default class ServeCommand extends AetherCommand {
  static override summary = 'Start the REST API (runs `aetherquant-web`).';
  static override description =
    'Serves the API on AETHERQ_HOST:AETHERQ_PORT (or --host/--port) with the settings of the environment ' +
    'and ./.env (or --dotenv), logging one JSON line per request on standard output. Stops gracefully on ' +
    'SIGTERM, SIGINT or SIGHUP: in-flight requests finish, the audit log is flushed, the database closed; ' +
    'the API also stops if this process ends any other way (even SIGKILL), and both stop when the process ' +
    'that started them ends (npx killed), unless started with setsid. Without ' +
    'API keys it serves an open API on loopback only (see docs/API.md).';
  static override examples = [
    '<%= config.bin %> serve',
    'AETHERQ_API_KEY=… AETHERQ_ADMIN_API_KEY=… <%= config.bin %> serve --host 0.0.0.0 --port 8080',
  ];
  static override enableJsonFlag = false;
  static override flags = {
    host: Flags.string({ summary: 'Address to listen on [default: AETHERQ_HOST, 127.0.0.1].' }),
    port: Flags.string({ summary: 'Port to listen on, 0 for any free one [default: AETHERQ_PORT, 8000].' }),
    dotenv: AetherCommand.dotenvFlag,
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(ServeCommand);
    // The flags are settings under other names: the same validation, the flag named in its message.
    const overrides: Record<string, string> = {};
    if (flags.host !== undefined) overrides['AETHERQ_HOST'] = flags.host;
    if (flags.port !== undefined) overrides['AETHERQ_PORT'] = String(numericFlag(flags.port));
    const env = { ...process.env, ...overrides };
    try {
      this.loadSettings(flags.dotenv, env);
    } catch (error) {
      if (!(error instanceof AetherError)) throw error;
      throw error.withFieldNames((field) =>
        Object.hasOwn(overrides, field) ? `--${field.slice(8).toLowerCase()}` : field,
      );
    }
    // The API is its own program (an app never imports another): run its binary in the foreground, with
    // the same working directory and environment, and pass the stop signals on so it shuts down gracefully.
    // The IPC channel ties it to this process: if this one ends without passing a signal on (SIGKILL, a
    // crash), the channel closes and the API stops too, rather than holding the port as an orphan.
    // eslint-disable-next-line @nx/enforce-module-boundaries -- locates the API's binary to run it; imports nothing of it
    const bin = join(dirname(require.resolve('aetherquant-web/package.json')), 'bin', 'aetherquant-web.js');
    const args = flags.dotenv === undefined ? [] : ['--dotenv', flags.dotenv];
    const child = spawn(process.execPath, [bin, ...args], {
      env,
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    });
    for (const signal of STOP_SIGNALS) process.on(signal, () => child.kill(signal));
    // Started through a shell that dies without passing the signal on (npx): stop as on SIGTERM.
    followParent(() => child.kill('SIGTERM'));
    const code = await new Promise<number>((resolve) => child.once('exit', (status) => resolve(status ?? 1)));
    if (code !== 0) this.exit(code);
  }
}

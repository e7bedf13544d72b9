import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { AetherError } from '@aetherquant/core';
import { loadSettings } from '@aetherquant/workflows';
import { installLastResortHandler } from './server/last-resort';
import { startApiServer } from './server/start-api-server';

/**
 * `aetherquant-web [--dotenv FILE]`: the REST API on AETHERQ_HOST:AETHERQ_PORT with the settings of the
 * environment over ./.env (or FILE). SIGTERM, SIGINT, SIGHUP or the end of the IPC channel of a parent
 * that spawned it with one (`aetherquant serve`) shut it down gracefully; bad settings exit 2
 * listing every problem.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { dotenv: { type: 'string' } } });
  const { settings, warnings } = loadSettings({
    env: process.env,
    cwd: process.cwd(),
    envFile: values.dotenv,
  });
  // Signals are heard from the start, so one that arrives while the server starts is not lost. A terminal's
  // Ctrl-C reaches every process of its group (`aetherquant serve` and this one), often twice: the first
  // signal starts the shutdown, the repeats must not cut it short.
  const started = startApiServer({ settings, warnings });
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      started
        .then((server) => server.close())
        .then(
          () => process.exit(0),
          (error: unknown) => {
            process.stderr.write(
              `error: shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`,
            );
            process.exit(1);
          },
        );
    });
  }
  // Under `aetherquant serve` the API is a child with an IPC channel to the CLI: when that parent ends in any
  // way (SIGKILL included), the channel closes, and the API stops as on SIGTERM instead of living on orphaned.
  if (process.send !== undefined) {
    const parentGone = () => process.kill(process.pid, 'SIGTERM');
    if (process.connected) process.once('disconnect', parentGone);
    else parentGone();
  }
  // Strategy files run while the API starts (AETHERQ_STRATEGY_PATHS): one that calls process.exit(0), or
  // awaits what never comes, must not end the start silently as if it had succeeded.
  const startEndedEarly = (code: number) => {
    if (code !== 0 || stopping) return;
    process.stderr.write(
      'error: the API ended while starting: code it loaded (a strategy file?) called process.exit, or waited on something that never came\n',
    );
    process.exitCode = 1;
  };
  process.on('exit', startEndedEarly);
  const { runtime } = await started;
  process.off('exit', startEndedEarly);
  // From here on no request can end the process: see lastResortHandler.
  installLastResortHandler({
    logger: runtime.logger,
    flush: async () => {
      await Promise.allSettled([runtime.runs?.flush(), runtime.audit?.flush()]);
    },
    exit: (code) => process.exit(code),
  });
}

main().catch((error: unknown) => {
  const invalid = error instanceof AetherError && error.code === 'INVALID_ARGUMENT';
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(invalid ? 2 : 1);
});

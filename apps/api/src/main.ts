import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { AetherError } from '@aetherquant/core';
import { loadSettings } from '@aetherquant/workflows';
import { startApiServer } from './server/start-api-server';

/**
 * `aetherquant-web [--dotenv FILE]`: the REST API on AETHERQ_HOST:AETHERQ_PORT with the settings of the
 * environment over ./.env (or FILE). SIGTERM or SIGINT shut it down gracefully; bad settings exit 2
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
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
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
  await started;
}

main().catch((error: unknown) => {
  const invalid = error instanceof AetherError && error.code === 'INVALID_ARGUMENT';
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(invalid ? 2 : 1);
});

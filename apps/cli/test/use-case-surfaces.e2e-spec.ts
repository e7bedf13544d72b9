import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  apiErrorBody,
  AetherError,
  type CliCommandSurface,
  findUseCase,
  routeOf,
  type HttpUseCaseName,
  surfaceProblems,
  USE_CASES,
} from '@aetherquant/core';
import { runCliAsync, scratchDir } from './run-cli';

/** Every command of the built CLI, as oclif loads it: the use cases it declares and whether it has --api-url. */
function cliCommands(): CliCommandSurface[] {
  const listed = spawnSync(process.execPath, [join(__dirname, 'list-commands.cjs')], { encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`listing the commands failed: ${listed.stderr}`);
  return JSON.parse(listed.stdout) as CliCommandSurface[];
}

/**
 * The smallest valid flags of each use case a command may run remotely: the request the CLI validates before
 * it calls the server. A remote use case without a line here fails the test below until one is added.
 */
const SAMPLE_JOB_ID = `job-${'0'.repeat(32)}`;
const SAMPLE_RUN_ID = '0193a1c4-7f05-7000-a77d-a206176fe912';

const REMOTE_SAMPLES: Readonly<Partial<Record<HttpUseCaseName, string[]>>> = {
  backtest: ['backtest', '--symbol', 'SPY'],
  portfolioBacktest: ['backtest', '--symbols', 'SPY,TLT'],
  papertrade: ['papertrade', '--symbol', 'SPY'],
  optimize: ['optimize', '--symbols', 'SPY,TLT'],
  sweep: ['sweep', '--symbol', 'SPY', '--fast', '5:20:5', '--slow', '10:30:10'],
  runs: ['db', 'runs'],
  run: ['runs', 'spec', SAMPLE_RUN_ID],
  runReport: ['report', SAMPLE_RUN_ID],
  audit: ['db', 'audit'],
  submitJob: ['jobs', 'submit', 'sweep', '--detach'],
  job: ['jobs', 'show', SAMPLE_JOB_ID],
  jobs: ['jobs', 'list'],
  cancelJob: ['jobs', 'cancel', SAMPLE_JOB_ID],
};

describe('the CLI agrees with the use-case catalog (built binary)', () => {
  let commands: CliCommandSurface[];
  beforeAll(() => {
    commands = cliCommands();
  });

  it('runs only use cases of the catalog, and offers --api-url only where each has a route or a reason to stay local', () => {
    const runners = commands.filter((command) => command.useCases.length > 0);
    expect(runners.map((command) => command.id)).toEqual(
      expect.arrayContaining(['signal', 'backtest', 'papertrade', 'db runs']),
    );
    expect(surfaceProblems(USE_CASES, { cliCommands: runners })).toEqual([]);
  });

  it('remote mode calls exactly the route of the use case the command runs', async () => {
    const received: string[] = [];
    const server = createServer((request, response) => {
      received.push(`${request.method} ${request.url}`);
      request.resume().on('end', () => {
        // A refusal the CLI reports (exit 2): only the request it sent matters here.
        response.writeHead(400, { 'Content-Type': 'application/json' });
        response.end(
          JSON.stringify(apiErrorBody(AetherError.invalid([{ field: 'symbol', rule: 'test' }]), 'r1')),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const remote = commands.filter((command) => command.remote);
      for (const command of remote) {
        for (const name of command.useCases) {
          const useCase = findUseCase(name);
          if (!useCase?.http) continue;
          const sample = REMOTE_SAMPLES[name as HttpUseCaseName];
          expect({ name, sample: sample !== undefined }).toEqual({ name, sample: true });
          received.length = 0;
          const run = await runCliAsync([...(sample as string[]), '--api-url', apiUrl], {
            cwd: scratchDir(),
          });
          const route = routeOf(name as HttpUseCaseName);
          expect({ name, status: run.status, sent: received.map((line) => line.split('?')[0]) }).toEqual({
            name,
            status: 2,
            // A path's id is the sample's last argument (a job's or a run's).
            sent: [`${route.method} ${route.path.replace(':id', (sample as string[]).at(-1) as string)}`],
          });
        }
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    // One binary start per use case with a route, one after another: minutes on a loaded machine.
  }, 180_000);

  it('a use case without a route says why it stays local, naming its flag, and sends nothing', async () => {
    const run = await runCliAsync(
      ['papertrade', '--symbol', 'SPY', '--broker', 'live', '--dry-run', '--api-url', 'http://127.0.0.1:9'],
      { cwd: scratchDir() },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`--broker ${USE_CASES.liveTrade.localOnly.rule}`);
  });
});

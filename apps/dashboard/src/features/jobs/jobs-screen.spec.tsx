import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, fakeApi, FakeEventStream, type FakeRoutes } from '../../testing/fake-api';
import { renderSignedIn } from '../../testing/render-signed-in';
import { sampleJob, STRATEGIES, SWEEP_REPORT, WALK_FORWARD_REPORT } from '../../testing/sample-reports';
import { JobsScreen } from './jobs-screen';

// The results of other use cases' jobs reuse their screens' views, which draw charts.
jest.mock('lightweight-charts', () => jest.requireActual('../../testing/fake-lightweight-charts'), {
  virtual: true,
});

const SWEEP_ID = 'job-3f9c2a7d41b04e55a1c8e2f6d09b7a13';
const QUEUED_ID = 'job-b2c4e6f8000000000000000000000002';
const DONE_ID = 'job-c3d5e7f9000000000000000000000003';
const FAILED_ID = 'job-d4e6f8a0000000000000000000000004';

/** The API with the strategies, a list of `jobs` and any other `routes`. */
function jobsApi(routes: FakeRoutes = {}, jobs: unknown[] = []) {
  return fakeApi({
    'GET /api/strategies': { body: STRATEGIES },
    'GET /api/jobs': { body: { jobs } },
    ...routes,
  });
}

function submitted(api: ReturnType<typeof fakeApi>) {
  return api.requests.find((request) => request.method === 'POST' && request.path === '/api/jobs')?.body;
}

describe('the job form', () => {
  it('submits a sweep: the grid as typed (empty parameters left out), the ranking and the costs', async () => {
    const user = userEvent.setup();
    const api = jobsApi({ 'POST /api/jobs': { status: 202, body: sampleJob({ status: 'queued' }) } });
    renderSignedIn(<JobsScreen />, { fetch: api.fetch });
    expect(screen.getByRole('radio', { name: 'Sweep' })).toBeChecked();
    await user.clear(screen.getByLabelText('Symbol'));
    await user.type(screen.getByLabelText('Symbol'), 'qqq');
    await user.clear(screen.getByLabelText('Period'));
    await user.type(screen.getByLabelText('Period'), '10y');
    expect(await screen.findByLabelText('fast')).toHaveAttribute('placeholder', '20');
    await user.type(screen.getByLabelText('fast'), ' 5:50:5 ');
    await user.selectOptions(screen.getByLabelText('Rank by'), 'calmar');
    await user.type(screen.getByLabelText('Top combinations'), '5');
    await user.type(screen.getByLabelText('Commission (bps)'), '1,5');
    await user.click(screen.getByRole('button', { name: 'Submit sweep' }));

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Sweep QQQ · ma-cross submitted: its progress shows below.',
    );
    expect(submitted(api)).toEqual({
      use_case: 'sweep',
      request: {
        symbol: 'QQQ',
        period: '10y',
        strategy: 'ma-cross',
        grid: { fast: '5:50:5' },
        rank_by: 'calmar',
        top: 5,
        commission_bps: 1.5,
      },
    });
  });

  it('submits a walk-forward with its train and test windows, and no top', async () => {
    const user = userEvent.setup();
    const api = jobsApi({
      'POST /api/jobs': { status: 202, body: sampleJob({ use_case: 'walkForward', status: 'queued' }) },
    });
    renderSignedIn(<JobsScreen />, { fetch: api.fetch });
    await user.click(screen.getByRole('radio', { name: 'Walk-forward' }));
    expect(screen.queryByLabelText('Top combinations')).not.toBeInTheDocument();
    await user.selectOptions(await screen.findByLabelText('Strategy'), 'rsi-reversion');
    await user.type(screen.getByLabelText('lower'), '20,25,30');
    await user.clear(screen.getByLabelText('Train'));
    await user.type(screen.getByLabelText('Train'), '2y');
    await user.type(screen.getByLabelText('Start date'), '2015-01-02');
    expect(screen.getByLabelText('Benchmark')).toHaveAttribute('placeholder', 'Buy-and-hold of SPY');
    await user.type(screen.getByLabelText('Benchmark'), 'QQQ');
    await user.click(screen.getByRole('button', { name: 'Submit walk-forward' }));

    await screen.findByText(/Walk-forward SPY · rsi-reversion submitted/);
    expect(submitted(api)).toEqual({
      use_case: 'walkForward',
      request: {
        symbol: 'SPY',
        start: '2015-01-02',
        strategy: 'rsi-reversion',
        grid: { lower: '20,25,30' },
        rank_by: 'sharpe',
        train: '2y',
        test: '1y',
        benchmark: 'QQQ',
      },
    });
  });

  it('asks a sweep for no benchmark: it ranks combinations and reports none', async () => {
    const user = userEvent.setup();
    const api = jobsApi({ 'POST /api/jobs': { status: 202, body: sampleJob({ status: 'queued' }) } });
    renderSignedIn(<JobsScreen />, { fetch: api.fetch });
    await user.click(screen.getByRole('radio', { name: 'Walk-forward' }));
    await user.type(screen.getByLabelText('Benchmark'), 'QQQ');
    await user.click(screen.getByRole('radio', { name: 'Sweep' }));
    expect(screen.queryByLabelText('Benchmark')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Submit sweep' }));
    await screen.findByText(/Sweep SPY · ma-cross submitted/);
    expect(submitted(api)).not.toHaveProperty('request.benchmark');
  });

  it("shows each of the API's request.<field> errors next to its field, and a summary", async () => {
    const user = userEvent.setup();
    const api = jobsApi({
      'POST /api/jobs': apiError(400, 'INVALID_ARGUMENT', 'sweep job request: …', [
        { field: 'request.params.fast', rule: 'must be start:stop:step, a list or a number (got "5-50")' },
        { field: 'request.symbol', rule: 'must be 1 to 15 letters' },
        { field: 'request.grid', rule: 'must have at most 1,000,000 combinations (got 1,001,000)' },
      ]),
    });
    renderSignedIn(<JobsScreen />, { fetch: api.fetch });
    await user.type(await screen.findByLabelText('fast'), '5-50');
    await user.click(screen.getByRole('button', { name: 'Submit sweep' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Some fields need fixing.');
    expect(alert).toHaveTextContent('request.symbol must be 1 to 15 letters');
    expect(screen.getByLabelText('fast')).toBeInvalid();
    expect(screen.getByLabelText('fast')).toHaveAccessibleDescription(/^Must be start:stop:step/);
    expect(screen.getByLabelText('Symbol')).toHaveAccessibleDescription('Must be 1 to 15 letters');
    expect(screen.getByRole('group', { name: 'Strategy and grid' })).toHaveAccessibleDescription(
      /^Must have at most 1,000,000 combinations/,
    );
    expect(screen.getByLabelText('slow')).toBeValid();
    expect(screen.getByLabelText('Period')).toBeValid();
  });

  it('refuses to send a top that is not a number, and says so next to it', async () => {
    const user = userEvent.setup();
    const api = jobsApi();
    renderSignedIn(<JobsScreen />, { fetch: api.fetch });
    await user.type(screen.getByLabelText('Top combinations'), 'ten');
    await user.click(screen.getByRole('button', { name: 'Submit sweep' }));
    expect(screen.getByLabelText('Top combinations')).toHaveAccessibleDescription(/^Must be a number/);
    expect(screen.getByLabelText('Top combinations')).toHaveFocus();
    expect(submitted(api)).toBeUndefined();
  });

  it('says what a quota refusal (429) means and what to do', async () => {
    const user = userEvent.setup();
    const api = jobsApi({
      'POST /api/jobs': apiError(
        429,
        'RATE_LIMITED',
        'trader has 8 jobs queued or running, the most one key may (AETHERQ_JOB_MAX_ACTIVE_PER_KEY=8); wait for one to finish or cancel one',
      ),
    });
    renderSignedIn(<JobsScreen />, { fetch: api.fetch });
    await user.click(screen.getByRole('button', { name: 'Submit sweep' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('You have 8 jobs queued or running, the most your key may.');
    expect(alert).toHaveTextContent('Wait for one to finish, or cancel one, then submit again.');
    expect(alert).not.toHaveTextContent(/AETHERQ_|Too many requests/);
  });

  it('says a 503 of an unreachable job queue is the queue, and offers Retry', async () => {
    const user = userEvent.setup();
    let answers = 0;
    const api = jobsApi({
      'POST /api/jobs': () =>
        ++answers === 1
          ? apiError(
              503,
              'UNAVAILABLE',
              'the job queue at redis://queue:6379 is not reachable; retry shortly',
            )
          : { status: 202, body: sampleJob({ status: 'queued' }) },
    });
    renderSignedIn(<JobsScreen />, { fetch: api.fetch });
    await user.click(screen.getByRole('button', { name: 'Submit sweep' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The job queue is not reachable right now.');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText(/submitted: its progress shows below/)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('the job list', () => {
  it("shows each job's status: progress and time left while running, the error of a failed one", async () => {
    const api = jobsApi({ [`GET /api/jobs/${SWEEP_ID}/events`]: { stream: new FakeEventStream() } }, [
      sampleJob(),
      sampleJob({ job_id: QUEUED_ID, status: 'queued', progress: { done: 0, total: 0, eta_seconds: null } }),
      sampleJob({ job_id: DONE_ID, status: 'completed', finished_at: '2026-12-03T09:31:00.000Z' }),
      sampleJob({
        job_id: FAILED_ID,
        use_case: 'walkForward',
        status: 'failed',
        error: { code: 'DATA_UNAVAILABLE', message: 'no bars for ZZZZ from synthetic' },
      }),
    ]);
    renderSignedIn(<JobsScreen />, { fetch: api.fetch });

    const running = await screen.findByRole('listitem', { name: 'Sweep 3f9c2a7d' });
    expect(within(running).getByText('Running')).toBeInTheDocument();
    const bar = within(running).getByRole('progressbar', { name: 'Progress of Sweep 3f9c2a7d' });
    expect(bar).toHaveAttribute('aria-valuenow', '1200');
    expect(bar).toHaveAttribute('aria-valuemax', '4800');
    expect(bar).toHaveAttribute('aria-valuetext', '1,200 of 4,800 (25%), about 42 s left');
    expect(within(running).getByRole('button', { name: 'Cancel Sweep 3f9c2a7d' })).toBeInTheDocument();

    const queued = screen.getByRole('listitem', { name: 'Sweep b2c4e6f8' });
    expect(queued).toHaveTextContent('QueuedSubmitted');
    expect(queued).toHaveTextContent('Waiting for a worker.');
    expect(within(queued).queryByRole('progressbar')).not.toBeInTheDocument();

    const completed = screen.getByRole('listitem', { name: 'Sweep c3d5e7f9' });
    expect(completed).toHaveTextContent('Completed');
    expect(within(completed).getByRole('button', { name: 'Open result of Sweep c3d5e7f9' })).toBeVisible();
    expect(within(completed).queryByRole('button', { name: /^Cancel/ })).not.toBeInTheDocument();
    const failed = screen.getByRole('listitem', { name: 'Walk-forward d4e6f8a0' });
    expect(failed).toHaveTextContent('Failed');
    expect(failed).toHaveTextContent('no bars for ZZZZ from synthetic');
    expect(within(failed).queryByRole('button')).not.toBeInTheDocument();
  });

  it('moves the progress bar as the event stream tells, and announces the end', async () => {
    const user = userEvent.setup();
    const stream = new FakeEventStream();
    const api = jobsApi(
      {
        'POST /api/jobs': {
          status: 202,
          body: sampleJob({ status: 'queued', progress: { done: 0, total: 0, eta_seconds: null } }),
        },
        [`GET /api/jobs/${SWEEP_ID}/events`]: { stream },
        [`GET /api/jobs/${SWEEP_ID}`]: {
          body: sampleJob({ status: 'completed', result: SWEEP_REPORT, run_id: SWEEP_REPORT.run_id }),
        },
      },
      [],
    );
    renderSignedIn(<JobsScreen />, { fetch: api.fetch });
    expect(await screen.findByText('No jobs yet: submit one above.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Submit sweep' }));
    const row = await screen.findByRole('listitem', { name: 'Sweep SPY · ma-cross' });
    expect(row).toHaveTextContent('Waiting for a worker.');

    stream.send('status', sampleJob({ progress: { done: 0, total: 4800, eta_seconds: null } }));
    const bar = await within(row).findByRole('progressbar', { name: 'Progress of Sweep SPY · ma-cross' });
    expect(bar).toHaveAttribute('aria-valuetext', '0 of 4,800 (0%), estimating the time left');
    stream.send('status', sampleJob({ progress: { done: 3600, total: 4800, eta_seconds: 150 } }));
    await within(row).findByText('3,600 of 4,800 (75%), about 3 min left');
    expect(bar).toHaveAttribute('aria-valuenow', '3600');
    stream.send(
      'status',
      sampleJob({ status: 'completed', progress: { done: 4800, total: 4800, eta_seconds: 0 } }),
    );

    expect(await within(row).findByText('Completed')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Sweep SPY · ma-cross completed.');
    expect(within(row).queryByRole('progressbar')).not.toBeInTheDocument();
    expect(stream.opened).toBe(1);

    // Its result: the ranking, best first.
    await user.click(within(row).getByRole('button', { name: 'Open result of Sweep SPY · ma-cross' }));
    const results = await screen.findByRole('region', { name: 'Results' });
    expect(within(results).getByRole('heading', { name: 'Best: fast 10, slow 100' })).toBeInTheDocument();
    expect(within(results).getByRole('group', { name: 'Sharpe' })).toHaveTextContent('1.19');
    const ranking = within(results).getByRole('region', { name: 'Ranking' });
    expect(
      within(ranking)
        .getAllByRole('row')
        .map((tr) => tr.textContent),
    ).toEqual([
      '#fastslowSharpeAnnual returnMax drawdownTotal returnSortinoCalmarFinal equityTrades',
      '1101001.1912.49%-8.41%12.49%1.661.49$112,493.441',
      '210500.838.97%-10.24%8.97%1.160.88$108,971.205',
    ]);
    expect(screen.getByRole('heading', { name: 'Sweep SPY · ma-cross' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Back to jobs' }));
    expect(screen.getByRole('button', { name: 'Open result of Sweep SPY · ma-cross' })).toHaveFocus();
  });

  it('cancels a running job and shows it cancelled', async () => {
    const user = userEvent.setup();
    const api = jobsApi(
      {
        [`GET /api/jobs/${SWEEP_ID}/events`]: { stream: new FakeEventStream() },
        [`DELETE /api/jobs/${SWEEP_ID}`]: {
          body: sampleJob({ status: 'cancelled', finished_at: '2026-12-03T09:31:00.000Z' }),
        },
      },
      [sampleJob()],
    );
    renderSignedIn(<JobsScreen />, { fetch: api.fetch });
    await user.click(await screen.findByRole('button', { name: 'Cancel Sweep 3f9c2a7d' }));

    const row = screen.getByRole('listitem', { name: 'Sweep 3f9c2a7d' });
    expect(await within(row).findByText('Cancelled')).toBeInTheDocument();
    expect(within(row).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Sweep 3f9c2a7d cancelled.');
    expect(api.requests.filter((request) => request.method === 'DELETE')).toHaveLength(1);
  });

  it("opens a completed walk-forward's windows", async () => {
    const user = userEvent.setup();
    const api = jobsApi(
      {
        [`GET /api/jobs/${DONE_ID}`]: {
          body: sampleJob({
            job_id: DONE_ID,
            use_case: 'walkForward',
            status: 'completed',
            result: WALK_FORWARD_REPORT,
          }),
        },
      },
      [sampleJob({ job_id: DONE_ID, use_case: 'walkForward', status: 'completed' })],
    );
    renderSignedIn(<JobsScreen />, { fetch: api.fetch });
    await user.click(await screen.findByRole('button', { name: 'Open result of Walk-forward c3d5e7f9' }));

    const results = await screen.findByRole('region', { name: 'Results' });
    expect(within(results).getByRole('group', { name: 'Annual return' })).toHaveTextContent(
      '1.5%SPY 25.9%vs SPY -24.4 pp',
    );
    const windows = within(results).getByRole('region', { name: 'Windows' });
    expect(within(windows).getAllByRole('row')).toHaveLength(3);
    expect(
      within(windows).getByRole('row', { name: /2024-01-03 – 2024-12-31 fast 20, slow 100/ }),
    ).toBeVisible();
  });
});

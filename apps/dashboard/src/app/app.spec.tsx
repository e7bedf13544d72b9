import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, fakeApi, type FakeRoutes } from '../testing/fake-api';
import { STRATEGIES } from '../testing/sample-reports';
import { App } from './app';

// lightweight-charts ships only ESM for `import` and draws on a canvas: jsdom gets a stand-in (virtual: the
// real package does not resolve under jest's require conditions).
jest.mock('lightweight-charts', () => jest.requireActual('../testing/fake-lightweight-charts'), {
  virtual: true,
});

const KEYS: Record<string, string> = { 't-key-123456': 'trader', 'a-key-654321': 'admin' };

/** The API as it answers keys: the two above are valid, any other is refused with 401. */
function keyApi(extra: FakeRoutes = {}) {
  return fakeApi({
    'GET /api/keycheck': (request) => {
      const role = KEYS[request.headers['x-api-key'] ?? ''];
      return role ? { body: { status: 'ok', role } } : apiError(401, 'UNAUTHORIZED', 'invalid API key');
    },
    'GET /api/strategies': { body: STRATEGIES },
    ...extra,
  });
}

const realFetch = globalThis.fetch;
function serve(api: ReturnType<typeof fakeApi>) {
  globalThis.fetch = api.fetch;
}

afterEach(() => {
  globalThis.fetch = realFetch;
  sessionStorage.clear();
  localStorage.clear();
});

async function signIn(pasted: string, options: { remember?: boolean } = {}) {
  const user = userEvent.setup();
  render(<App />);
  await user.type(screen.getByLabelText('API key'), pasted);
  if (options.remember) await user.click(screen.getByRole('checkbox', { name: 'Remember on this device' }));
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  return user;
}

describe('the key screen', () => {
  it('trims spaces and quotes before checking the key, and shows the role', async () => {
    const api = keyApi();
    serve(api);
    await signIn('  "t-key-123456" ');
    expect(await screen.findByText(/Signed in as/)).toHaveTextContent('Signed in as trader');
    expect(api.requests[0]?.headers['x-api-key']).toBe('t-key-123456');
    expect(screen.getByRole('button', { name: 'Backtest' })).toHaveAttribute('aria-current', 'page');
  });

  it('explains a refused key with the troubleshooting steps, never the raw answer', async () => {
    serve(keyApi());
    await signIn('t-key-12345');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^That key was not accepted/);
    expect(alert).toHaveTextContent(/spaces at either end/);
    expect(alert).toHaveTextContent(/Copy the key again in full/);
    expect(alert).toHaveTextContent(/ask your operator for a new key/i);
    expect(alert).not.toHaveTextContent(/UNAUTHORIZED|\{/);
    expect(screen.queryByText(/Signed in as/)).not.toBeInTheDocument();
  });

  it('keeps the key for the tab only unless asked to remember it', async () => {
    serve(keyApi());
    await signIn('t-key-123456');
    await screen.findByText(/Signed in as/);
    expect(Object.values({ ...sessionStorage })).toContain('t-key-123456');
    expect(Object.values({ ...localStorage })).not.toContain('t-key-123456');
  });

  it('remembers the key on the device when opted in, and forgets it on "Forget key"', async () => {
    serve(keyApi());
    const user = await signIn('t-key-123456', { remember: true });
    await screen.findByText(/Signed in as/);
    expect(Object.values({ ...localStorage })).toContain('t-key-123456');
    expect(Object.values({ ...sessionStorage })).not.toContain('t-key-123456');

    await user.click(screen.getByRole('button', { name: 'Forget key' }));
    expect(screen.getByLabelText('API key')).toBeInTheDocument();
    expect(Object.values({ ...localStorage })).not.toContain('t-key-123456');
  });

  it('offers "Forget key" while a remembered key is being checked', async () => {
    const user = userEvent.setup();
    // The check never answers (a connection that hangs).
    globalThis.fetch = (() => new Promise<Response>(() => undefined)) as typeof fetch;
    localStorage.setItem('aetherquant.apiKey', 'a-key-654321');
    render(<App />);
    expect(screen.getByRole('progressbar', { name: 'Checking your saved key' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Forget key' }));
    expect(screen.getByLabelText('API key')).toBeInTheDocument();
    expect(Object.values({ ...localStorage })).not.toContain('a-key-654321');
  });

  it('signs in again with a remembered key without asking for it', async () => {
    serve(keyApi());
    localStorage.setItem('aetherquant.apiKey', 'a-key-654321');
    render(<App />);
    expect(await screen.findByText(/Signed in as/)).toHaveTextContent('Signed in as admin');
  });
});

describe('navigation by role', () => {
  it('shows a trader the Jobs tab and hides Runs and Audit', async () => {
    serve(keyApi());
    await signIn('t-key-123456');
    const nav = await screen.findByRole('navigation');
    expect(
      within(nav)
        .getAllByRole('button')
        .map((tab) => tab.textContent),
    ).toEqual(['Backtest', 'Paper trade', 'Optimise', 'Jobs']);
    expect(screen.queryByRole('button', { name: 'Runs' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Audit' })).not.toBeInTheDocument();
  });

  it('shows Runs and Audit to an admin', async () => {
    serve(keyApi({ 'GET /api/runs': { body: { runs: [] } } }));
    const user = await signIn('a-key-654321');
    await user.click(await screen.findByRole('button', { name: 'Runs' }));
    expect(await screen.findByText('No runs recorded yet.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Audit' })).toBeInTheDocument();
  });
});

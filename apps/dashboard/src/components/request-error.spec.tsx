import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, fakeApi } from '../testing/fake-api';
import { renderSignedIn } from '../testing/render-signed-in';
import { AuditScreen } from '../features/audit/audit-screen';

// The error states as a person meets them, on a screen that loads on its own (the audit log).
describe('error states', () => {
  it('offers Retry when the server cannot be reached, and recovers', async () => {
    const user = userEvent.setup();
    let online = false;
    const api = fakeApi({
      'GET /api/audit': () =>
        online
          ? {
              body: {
                events: [
                  {
                    id: 7,
                    created_at: '2026-11-21T23:18:03.553Z',
                    method: 'GET',
                    path: '/api/runs',
                    status_code: 403,
                    request_id: 'r',
                    actor_role: 'trader',
                    duration_ms: 3,
                    client_ip: '127.0.0.1',
                  },
                ],
              },
            }
          : new TypeError('Failed to fetch'),
    });
    renderSignedIn(<AuditScreen />, { fetch: api.fetch, role: 'admin' });
    expect(await screen.findByRole('alert')).toHaveTextContent('The server cannot be reached right now.');
    online = true;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('cell', { name: 'GET /api/runs' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    // One event is less than a page: nothing more to load.
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('says a 403 is about the role', async () => {
    const api = fakeApi({
      'GET /api/audit': apiError(403, 'FORBIDDEN', 'the trader role does not hold the audit permission'),
    });
    renderSignedIn(<AuditScreen />, { fetch: api.fetch });
    expect(await screen.findByRole('alert')).toHaveTextContent('Your role cannot do this.');
  });

  it('gives the wait of a 429 in seconds, counting down outside the alert, then offers Retry', async () => {
    const api = fakeApi({
      'GET /api/audit': {
        ...apiError(429, 'RATE_LIMITED', 'too many requests'),
        headers: { 'Retry-After': '2' },
      },
    });
    renderSignedIn(<AuditScreen />, { fetch: api.fetch });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Too many requests.');
    const countdown = screen.getByText('Try again in 2 seconds.');
    // Announced once: the ticking seconds are not part of the alert, nor announced as they change.
    expect(alert).not.toContainElement(countdown);
    expect(countdown).toHaveAttribute('aria-live', 'off');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeDisabled();

    expect(await screen.findByText('You can try again now.', {}, { timeout: 3000 })).toBe(countdown);
    expect(alert).not.toHaveTextContent(/Try again in/);
    expect(screen.getByRole('button', { name: 'Retry' })).toBeEnabled();
  });

  it('leads back to the key screen on a 401', async () => {
    const user = userEvent.setup();
    const signOut = jest.fn();
    const api = fakeApi({ 'GET /api/audit': apiError(401, 'UNAUTHORIZED', 'invalid API key') });
    renderSignedIn(<AuditScreen />, { fetch: api.fetch, signOut });
    expect(await screen.findByRole('alert')).toHaveTextContent(/^That key was not accepted/);
    await user.click(screen.getByRole('button', { name: 'Enter a new key' }));
    expect(signOut).toHaveBeenCalled();
  });

  it('keeps "Load more", busy and focused, while the next page loads', async () => {
    const user = userEvent.setup();
    const event = (id: number) => ({
      id,
      created_at: '2026-11-21T23:18:03.553Z',
      method: 'GET',
      path: `/api/runs/${id}`,
      status_code: 200,
      request_id: `r${id}`,
      actor_role: 'admin',
      duration_ms: 1,
      client_ip: null,
    });
    const api = fakeApi({
      'GET /api/audit': { body: { events: Array.from({ length: 50 }, (_, i) => event(100 - i)) } },
    });
    const nextPage = fakeApi({ 'GET /api/audit': { body: { events: [event(50)] } } });
    let answer: () => void = () => undefined;
    const fetch = (input: RequestInfo | URL, init?: RequestInit) =>
      String(input).includes('before=')
        ? new Promise<Response>((resolve) => {
            answer = () => resolve(nextPage.fetch(input, init));
          })
        : api.fetch(input, init);
    renderSignedIn(<AuditScreen />, { fetch: fetch as typeof globalThis.fetch, role: 'admin' });
    const loadMore = await screen.findByRole('button', { name: 'Load more' });
    await user.click(loadMore);
    expect(loadMore).toBeInTheDocument();
    expect(loadMore).toHaveFocus();
    expect(loadMore).toHaveAttribute('aria-busy', 'true');
    answer();
    expect(await screen.findByRole('cell', { name: 'GET /api/runs/50' })).toBeInTheDocument();
  });

  it('pages with "Load more" while pages come back full', async () => {
    const user = userEvent.setup();
    const event = (id: number) => ({
      id,
      created_at: '2026-11-21T23:18:03.553Z',
      method: 'POST',
      path: `/api/backtest/${id}`,
      status_code: 200,
      request_id: `r${id}`,
      actor_role: 'trader',
      duration_ms: 5,
      client_ip: null,
    });
    const api = fakeApi({
      'GET /api/audit': (request) => {
        const before = Number(request.query.get('before') ?? 1000);
        return {
          body: {
            events:
              before === 1000
                ? Array.from({ length: 50 }, (_, i) => event(1000 - 1 - i))
                : [event(before - 1)],
          },
        };
      },
    });
    renderSignedIn(<AuditScreen />, { fetch: api.fetch, role: 'admin' });
    const loadMore = await screen.findByRole('button', { name: 'Load more' });
    await user.click(loadMore);
    expect(await screen.findByRole('cell', { name: 'POST /api/backtest/949' })).toBeInTheDocument();
    expect(api.requests[1]?.query.get('before')).toBe('950');
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });
});

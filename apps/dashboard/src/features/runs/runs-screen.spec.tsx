import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { fakeApi } from '../../testing/fake-api';
import { renderSignedIn } from '../../testing/render-signed-in';
import { RunsScreen } from './runs-screen';

function run(n: number) {
  return {
    id: `run-${n}`,
    type: 'backtest',
    symbols: [`S${n}`],
    created_at: '2026-11-21T23:18:03.553Z',
    final_equity: null,
  };
}

/** The runs screen and a button that leaves it and comes back, as switching tabs does. */
function LeavableRuns() {
  const [shown, setShown] = useState(true);
  return (
    <>
      <button type="button" onClick={() => setShown(!shown)}>
        {shown ? 'Leave' : 'Come back'}
      </button>
      {shown && <RunsScreen />}
    </>
  );
}

describe('the runs screen', () => {
  it('keeps the pages loaded so far when left and when a run is opened', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'GET /api/runs': (request) =>
        request.query.get('before') === null
          ? { body: { runs: Array.from({ length: 20 }, (_, i) => run(100 - i)) } }
          : { body: { runs: [run(1)] } },
      'GET /api/runs/run-1': {
        status: 404,
        body: { error: { code: 'NOT_FOUND', message: 'no', details: [] } },
      },
    });
    renderSignedIn(<LeavableRuns />, { fetch: api.fetch, role: 'admin' });
    await user.click(await screen.findByRole('button', { name: 'Load more' }));
    const last = await screen.findByRole('button', { name: /S1\b/ });

    await user.click(screen.getByRole('button', { name: 'Leave' }));
    await user.click(screen.getByRole('button', { name: 'Come back' }));
    expect(screen.getByRole('button', { name: /S1\b/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /S1\b/ }));
    await user.click(screen.getByRole('button', { name: 'Back to runs' }));
    expect(screen.getByRole('button', { name: /S1\b/ })).toHaveFocus();
    expect(last).not.toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(21);
  });
});

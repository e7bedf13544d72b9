import { type Role } from '@aetherquant/core';
import { render } from '@testing-library/react';
import { type ReactElement } from 'react';
import { createDashboardClient, createEventStreamOpener } from '../api/api-client';
import { ScreenMemoryProvider } from '../app/screen-memory';
import { SessionContext } from '../app/session';

/** Renders a screen as a signed-in person of `role` would see it, talking to `fetch`. */
export function renderSignedIn(
  screen: ReactElement,
  options: { fetch: typeof fetch; role?: Role; signOut?: () => void },
) {
  const session = {
    client: createDashboardClient('test-key', options.fetch),
    openEventStream: createEventStreamOpener('test-key', options.fetch),
    role: options.role ?? 'trader',
    signOut: options.signOut ?? (() => undefined),
  };
  return render(
    <SessionContext.Provider value={session}>
      <ScreenMemoryProvider>{screen}</ScreenMemoryProvider>
    </SessionContext.Provider>,
  );
}

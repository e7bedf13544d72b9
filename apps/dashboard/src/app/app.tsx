import { type Role } from '@aetherquant/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { createDashboardClient, createEventStreamOpener } from '../api/api-client';
import { describeError, type UiError } from '../api/error-message';
import { Progress } from '../components/submit-button';
import { RequestError } from '../components/request-error';
import { KeyScreen } from '../features/key/key-screen';
import { clearApiKey, loadApiKey, saveApiKey } from './key-storage';
import { ScreenMemoryProvider } from './screen-memory';
import { SessionContext, type Session } from './session';
import { Shell } from './shell';

/** A saved key is checked at start-up, before anything shows: a dead connection must not hang there for minutes. */
export const KEYCHECK_TIMEOUT_MS = 15_000;

type AppState =
  | { phase: 'signed-out'; notice?: UiError }
  /** A saved key is being checked again (it may have been revoked since). */
  | { phase: 'checking'; key: string }
  /** The saved key could not be checked (network down): keep it and offer to retry. */
  | { phase: 'check-failed'; key: string; error: UiError }
  | { phase: 'signed-in'; key: string; role: Role };

export function App() {
  const [state, setState] = useState<AppState>(() => {
    const saved = loadApiKey();
    return saved === undefined ? { phase: 'signed-out' } : { phase: 'checking', key: saved };
  });

  const signOut = useCallback(() => {
    clearApiKey();
    setState({ phase: 'signed-out' });
  }, []);

  const checkingKey = state.phase === 'checking' ? state.key : undefined;
  useEffect(() => {
    if (checkingKey === undefined) return undefined;
    const controller = new AbortController();
    createDashboardClient(checkingKey, undefined, { timeoutMs: KEYCHECK_TIMEOUT_MS })
      .call('keycheck', {}, { signal: controller.signal })
      .then(
        (answer) => setState({ phase: 'signed-in', key: checkingKey, role: answer.role }),
        (failure: unknown) => {
          if (controller.signal.aborted) return;
          const error = describeError(failure);
          if (error.kind === 'key') {
            // A saved key that no longer works is forgotten; the key screen says why.
            clearApiKey();
            setState({ phase: 'signed-out', notice: error });
          } else {
            setState({ phase: 'check-failed', key: checkingKey, error });
          }
        },
      );
    return () => controller.abort();
  }, [checkingKey]);

  const session = useMemo<Session | undefined>(
    () =>
      state.phase === 'signed-in'
        ? {
            client: createDashboardClient(state.key),
            openEventStream: createEventStreamOpener(state.key),
            role: state.role,
            signOut,
          }
        : undefined,
    [state, signOut],
  );

  switch (state.phase) {
    case 'signed-out':
      return (
        <KeyScreen
          notice={state.notice}
          onSignedIn={(key, role, remember) => {
            saveApiKey(key, remember);
            setState({ phase: 'signed-in', key, role });
          }}
        />
      );
    case 'checking':
      return (
        <main className="key-screen">
          <h1 className="brand brand--large">AetherQuant</h1>
          <Progress label="Checking your saved key" />
          <button type="button" className="button button--secondary" onClick={signOut}>
            Forget key
          </button>
        </main>
      );
    case 'check-failed':
      return (
        <main className="key-screen">
          <h1 className="brand brand--large">AetherQuant</h1>
          <RequestError error={state.error} onRetry={() => setState({ phase: 'checking', key: state.key })} />
          <button type="button" className="button button--secondary" onClick={signOut}>
            Forget key
          </button>
        </main>
      );
    default:
      return (
        <SessionContext.Provider value={session}>
          <ScreenMemoryProvider>
            <Shell />
          </ScreenMemoryProvider>
        </SessionContext.Provider>
      );
  }
}

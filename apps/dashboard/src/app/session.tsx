import { type ApiClient } from '@aetherquant/client';
import { type Role } from '@aetherquant/core';
import { createContext, useContext } from 'react';
import { type EventStreamOpener } from '../api/api-client';

/** The signed-in person: a client holding their key, the role the API gave it, and the way out. */
export interface Session {
  client: ApiClient;
  /** Opens an event stream with the same key (a job's progress): the client answers one JSON body per call. */
  openEventStream: EventStreamOpener;
  role: Role;
  /** Forgets the key (storage included) and returns to the key screen. */
  signOut: () => void;
}

export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is used outside a signed-in screen');
  return session;
}

/** The session when there is one: error messages offer "Enter a new key" only then. */
export function useOptionalSession(): Session | undefined {
  return useContext(SessionContext);
}

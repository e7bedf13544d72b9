import { useCallback, useSyncExternalStore } from 'react';

/**
 * State kept outside React, where it outlives the screen (in the screen memory), with the components that
 * show it: work still running when a screen goes away can leave its outcome there for when it comes back.
 */
export interface ListenedStore<S> {
  state: S;
  listeners: Set<() => void>;
}

/** Replaces the store's state and tells every component showing it. */
export function setStoreState<S>(store: ListenedStore<S>, state: S) {
  store.state = state;
  for (const listener of store.listeners) listener();
}

/** The store's state, the component rendering again whenever `setStoreState` changes it. */
export function useStoreState<S>(store: ListenedStore<S>): S {
  const subscribe = useCallback(
    (listener: () => void) => {
      store.listeners.add(listener);
      return () => {
        store.listeners.delete(listener);
      };
    },
    [store],
  );
  const getState = useCallback(() => store.state, [store]);
  return useSyncExternalStore(subscribe, getState, getState);
}

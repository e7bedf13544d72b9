import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';

// Only the active screen is mounted (one "Symbol" field in the page at a time, which is also what a
// screen reader expects); switching tabs must not lose what was typed or the last results, so screens keep
// that state here, for as long as the session lasts.
const ScreenMemoryContext = createContext<Map<string, unknown> | undefined>(undefined);

export function ScreenMemoryProvider({ children }: { children: ReactNode }) {
  const memory = useRef(new Map<string, unknown>());
  return <ScreenMemoryContext.Provider value={memory.current}>{children}</ScreenMemoryContext.Provider>;
}

/**
 * `useState` whose value outlives the screen's unmounting (within a ScreenMemoryProvider; plain state outside,
 * or without a key).
 */
export function useRememberedState<T>(key: string | undefined, initial: T): [T, (value: T) => void] {
  const memory = useContext(ScreenMemoryContext);
  const [value, setValue] = useState<T>(() =>
    key !== undefined && memory?.has(key) ? (memory.get(key) as T) : initial,
  );
  const remember = useCallback(
    (next: T) => {
      if (key !== undefined) memory?.set(key, next);
      setValue(next);
    },
    [memory, key],
  );
  return [value, remember];
}

/**
 * One object kept under `key` for as long as the session lasts (made by `create` the first time), so work
 * still running when a screen goes away can leave its outcome there for when the screen comes back. Without
 * a key (or outside a ScreenMemoryProvider) the object lives as long as the component.
 */
export function useRememberedObject<T>(key: string | undefined, create: () => T): T {
  const memory = useContext(ScreenMemoryContext);
  const [value] = useState<T>(() => {
    if (key === undefined || memory === undefined) return create();
    if (!memory.has(key)) memory.set(key, create());
    return memory.get(key) as T;
  });
  return value;
}

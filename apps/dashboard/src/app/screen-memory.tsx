import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';

// Only the active screen is mounted (one "Symbol" field in the page at a time, which is also what a
// screen reader expects); switching tabs must not lose what was typed or the last results, so screens keep
// that state here, for as long as the session lasts.
const ScreenMemoryContext = createContext<Map<string, unknown> | undefined>(undefined);

export function ScreenMemoryProvider({ children }: { children: ReactNode }) {
  const memory = useRef(new Map<string, unknown>());
  return <ScreenMemoryContext.Provider value={memory.current}>{children}</ScreenMemoryContext.Provider>;
}

/** `useState` whose value outlives the screen's unmounting (within a ScreenMemoryProvider; plain state outside). */
export function useRememberedState<T>(key: string, initial: T): [T, (value: T) => void] {
  const memory = useContext(ScreenMemoryContext);
  const [value, setValue] = useState<T>(() => (memory?.has(key) ? (memory.get(key) as T) : initial));
  const remember = useCallback(
    (next: T) => {
      memory?.set(key, next);
      setValue(next);
    },
    [memory, key],
  );
  return [value, remember];
}

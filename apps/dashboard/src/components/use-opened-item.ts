import { useCallback, useEffect, useRef, useState } from 'react';
import { useRememberedState } from '../app/screen-memory';

/**
 * A list whose items open in its place (a run's detail, a job's result): the one open, kept in the screen
 * memory under `memoryKey`, and the one last closed, whose button the list gives the focus back to.
 */
export function useOpenedItem(memoryKey: string) {
  const [opened, setOpened] = useRememberedState<string | undefined>(memoryKey, undefined);
  const [lastOpened, setLastOpened] = useState<string>();
  return {
    opened,
    open: (id: string) => setOpened(id),
    /** Back to the list, its button for the item closed taking the focus the Back button had. */
    close: () => {
      setLastOpened(opened);
      setOpened(undefined);
    },
    lastOpened,
  };
}

/**
 * The list's side of `useOpenedItem`: on mount only (back from an item), the button that opened `focusOn`
 * takes the focus. Each item's button takes `buttonRef(id)` as its ref.
 */
export function useFocusOnReturn(focusOn: string | undefined) {
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const focusOnMount = useRef(focusOn);
  useEffect(() => {
    if (focusOnMount.current !== undefined) buttons.current.get(focusOnMount.current)?.focus();
  }, []);
  return useCallback(
    (id: string) => (button: HTMLButtonElement | null) => {
      if (button) buttons.current.set(id, button);
      else buttons.current.delete(id);
    },
    [],
  );
}

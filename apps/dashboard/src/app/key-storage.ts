// Where the API key is kept. By default only for this tab (sessionStorage: gone when the tab closes);
// "remember on this device" is opt-in (localStorage). Storage can throw (private browsing, quota): the
// dashboard then simply forgets, it never fails because of it.

const STORAGE_KEY = 'aetherquant.apiKey';

export function loadApiKey(): string | undefined {
  return read(sessionStorage) ?? read(localStorage);
}

export function saveApiKey(key: string, rememberOnDevice: boolean): void {
  clearApiKey();
  attempt(() => (rememberOnDevice ? localStorage : sessionStorage).setItem(STORAGE_KEY, key));
}

export function clearApiKey(): void {
  attempt(() => sessionStorage.removeItem(STORAGE_KEY));
  attempt(() => localStorage.removeItem(STORAGE_KEY));
}

function read(storage: Storage): string | undefined {
  try {
    return storage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

function attempt(write: () => void): void {
  try {
    write();
  } catch {
    // Not kept: the person pastes the key again next time.
  }
}

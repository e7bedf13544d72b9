/**
 * Whether `path` (without its query) is an API path. Express matches routes regardless of case, so
 * `/API/keycheck` is one too; what the API serves there is limited, audited and never a dashboard file.
 */
export function isApiPath(path: string): boolean {
  const lowered = path.toLowerCase();
  return lowered === '/api' || lowered.startsWith('/api/');
}

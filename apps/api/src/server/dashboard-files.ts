import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The folder of the dashboard's built files: `dist/dashboard` beside the compiled server (the build copies
 * them there), also found from the sources when the API runs from them (tests). None when not built.
 */
export function dashboardFolder(): string | undefined {
  return [join(__dirname, '..', 'dashboard'), join(__dirname, '..', '..', 'dist', 'dashboard')].find(
    (folder) => existsSync(join(folder, 'index.html')),
  );
}

// Ships the dashboard inside aetherquant-web: its built files are copied to dist/dashboard, which the API
// serves at `/` (one origin for the app and its API, so no CORS). Run by the build after `vite build`.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const from = join(import.meta.dirname, '..', '..', 'dashboard', 'dist');
const to = join(import.meta.dirname, '..', 'dist', 'dashboard');
if (!existsSync(join(from, 'index.html'))) {
  console.error(`no dashboard build at ${from}: run nx run dashboard:build first`);
  process.exit(1);
}
rmSync(to, { recursive: true, force: true });
cpSync(from, to, { recursive: true });

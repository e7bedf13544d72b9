import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dashboard is served by the API at `/` (one origin: no CORS). `npm run dev` serves it on :5173 and
// proxies the API's routes to a local `aetherquant serve` (AETHERQ_API_URL to point elsewhere).
const api = process.env['AETHERQ_API_URL'] ?? 'http://127.0.0.1:8000';

export default defineConfig({
  plugins: [react()],
  // Workspace libraries resolve to their TypeScript sources, as in the rest of the workspace.
  resolve: { conditions: ['@aetherquant/source', 'browser', 'module', 'import', 'default'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    reportCompressedSize: true,
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': api, '/healthz': api, '/readyz': api },
  },
});

import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig } from 'vite';

/** The baseline for page speed: a bare Remix app rendering one static page, nothing else. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [remix({ future: { v3_singleFetch: true, v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true } })],
  logLevel: 'warn',
});

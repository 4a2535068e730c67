import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig } from 'vite';
import tsconfigPaths from 'vite-tsconfig-paths';

const here = path.dirname(fileURLToPath(import.meta.url));

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig(({ isSsrBuild }) => ({
  root: here,
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
    tsconfigPaths(),
  ],
  // Our own packages run from source on the server (under tsx), one copy shared with the server
  // entry; only the browser bundle includes them.
  build: {
    sourcemap: false,
    rollupOptions: isSsrBuild ? { external: (id) => id.startsWith('@complaints/') && !/\.s?css(\?|$)/.test(id) } : {},
  },
  css: {
    preprocessorOptions: {
      scss: {
        api: 'modern-compiler',
        loadPaths: [path.resolve(here, '../../node_modules')],
        quietDeps: true,
        silenceDeprecations: ['import', 'global-builtin', 'mixed-decls', 'color-functions', 'slash-div', 'if-function'],
      },
    },
  },
}));

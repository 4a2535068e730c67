import path from 'node:path';
import { vitePlugin as remix } from '@remix-run/dev';
import { constants } from 'node:zlib';
import { defineConfig, type UserConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import tsconfigPaths from 'vite-tsconfig-paths';

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
}

/**
 * The Vite build both web apps share (the portal's and the back office's `vite.config.ts` give
 * their own folder, and the back office one option below). Scripts and styles are also written compressed, once, at the highest
 * settings (Brotli 11, gzip 9), so the server sends those files as they are rather than
 * compressing each response quickly and less well.
 *
 * `discoverRoutes` (on unless an app says otherwise) sends each page only the routes it can reach
 * and fetches the others' details when a link to them is followed. That keeps a page light for the
 * public, who open few pages. Off, the whole route list is one script the browser keeps, and the
 * server does not work out the reachable routes again for every page, as it must when on: the back
 * office, whose staff open page after page all day, has it off.
 */
export function remixAppConfig(appRoot: string, options: { discoverRoutes?: boolean } = {}) {
  return defineConfig(({ isSsrBuild }): UserConfig => ({
    root: appRoot,
    plugins: [
      remix({
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: options.discoverRoutes ?? true,
        },
      }),
      tsconfigPaths(),
      ...(isSsrBuild
        ? []
        : [
            compression({
              include: /\.(js|css|svg|json)$/,
              threshold: 1024,
              logLevel: 'silent',
              algorithms: [defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }), defineAlgorithm('gzip', { level: 9 })],
            }),
          ]),
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
          loadPaths: [path.resolve(appRoot, '../../node_modules')],
          quietDeps: true,
          silenceDeprecations: ['import', 'global-builtin', 'mixed-decls', 'color-functions', 'slash-div', 'if-function'],
        },
      },
    },
  }));
}

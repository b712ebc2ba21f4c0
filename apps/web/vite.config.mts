import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The web app is a static single-page app served by the API on the same origin (see
 * apps/api/web.module.ts). `npm run build` writes it to dist/web; the e2e setup builds it into its own
 * folder (WEB_OUT_DIR).
 */
export default defineConfig({
  root: here,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  // Imports across the app's folders (lib/, components/, features/) use the repository's alias.
  resolve: { alias: [{ find: /^@apps\/web\//, replacement: here }] },
  build: {
    outDir: process.env.WEB_OUT_DIR ?? fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      // react-router marks its modules "use client" (for React Server Components); meaningless in a plain SPA.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});

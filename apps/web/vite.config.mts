import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * src/start-language.ts as a small entry of its own, in index.html as an async module script ahead of
 * the app's: it asks for the chosen language's files while the main script is still downloading.
 * (Vite folds every module script of index.html into one entry, hence the plugin.)
 */
function startLanguageScript(): Plugin {
  const entry = `${here}src/start-language.ts`;
  return {
    name: 'estafet-start-language',
    apply: 'build',
    buildStart() {
      this.emitFile({ type: 'chunk', id: entry, name: 'start-language' });
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.facadeModuleId === entry);
        if (!chunk) throw new Error('start-language.ts was not built');
        return [{ tag: 'script', attrs: { type: 'module', async: true, crossorigin: true, src: `/${chunk.fileName}` }, injectTo: 'head' }];
      },
    },
  };
}

/**
 * The web app is a static single-page app served by the API on the same origin (see
 * apps/api/web.module.ts). `npm run build` writes it to dist/web; the e2e setup builds it into its own
 * folder (WEB_OUT_DIR).
 */
export default defineConfig({
  root: here,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [startLanguageScript()],
  // Imports across the app's folders (lib/, components/, features/) use the repository's alias.
  resolve: { alias: [{ find: /^@apps\/web\//, replacement: here }] },
  build: {
    outDir: process.env.WEB_OUT_DIR ?? fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // No source maps in the build: the server would hand the app's whole source to anyone who asks
    // (vite dev serves its own while developing).
    sourcemap: false,
    rolldownOptions: {
      // Chunks loaded on demand say what they hold (the browser tests and the benchmark tell them apart):
      // a language's namespace (locale-en-common-…), the admin pages' code (admin-…).
      output: {
        chunkFileNames(chunk) {
          const locale = /\/locales\/(\w+)\/(\w+)\.json$/.exec(chunk.facadeModuleId ?? '');
          if (locale) return `assets/locale-${locale[1]}-${locale[2]}-[hash].js`;
          if (chunk.moduleIds.every((id) => id.includes('/features/admin/'))) return 'assets/admin-[name]-[hash].js';
          return 'assets/[name]-[hash].js';
        },
      },
      // react-router marks its modules "use client" (for React Server Components); meaningless in a plain SPA.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});

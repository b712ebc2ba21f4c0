import { basename, dirname, join } from 'node:path';

/**
 * Where `npm run build` puts the web app, seen from the directory of the API's code: the build writes
 * the API to dist/apps/api and the web app to dist/web; run from source (apps/api, e.g. under Jest),
 * the project's dist/web.
 */
export function defaultWebRoot(apiDir: string): string {
  const top = dirname(dirname(apiDir));
  return basename(top) === 'dist' ? join(top, 'web') : join(top, 'dist', 'web');
}

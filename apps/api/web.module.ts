import { sep } from 'node:path';
import { Module } from '@nestjs/common';
import type { Response } from 'express';
import { ServeStaticModule } from '@nestjs/serve-static';
import { AppConfig } from '@libs/config/app-config.service';
import { defaultWebRoot } from './web-root';

/**
 * The built files under assets/ carry a hash of their content in their name: a browser may keep them
 * for good. index.html names the current ones, so it is asked for again each time: after a
 * deployment nobody runs an old page that asks for chunks that are gone.
 */
export function webCacheControl(res: Response, path: string): void {
  res.setHeader('Cache-Control', path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/**
 * Serves the web app (apps/web, built by `npm run build`) on the same origin as the API: its files, and
 * index.html for every other path outside /api, /health and /assets so the app's own routes load
 * directly. A missing file under /assets is a 404, never index.html in a script's place.
 */
@Module({
  imports: [
    ServeStaticModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => [
        {
          rootPath: config.get('WEB_ROOT') ?? defaultWebRoot(__dirname),
          exclude: ['/api/{*path}', '/health', '/assets/{*path}'],
          serveStaticOptions: { index: false, fallthrough: true, setHeaders: webCacheControl },
        },
      ],
    }),
  ],
})
export class WebModule {}

import { Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { AppConfig } from '@libs/config/app-config.service';
import { defaultWebRoot } from './web-root';

/**
 * Serves the web app (apps/web, built by `npm run build`) on the same origin as the API: its files, and
 * index.html for every other path outside /api and /health so the app's own routes load directly.
 */
@Module({
  imports: [
    ServeStaticModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => [
        {
          rootPath: config.get('WEB_ROOT') ?? defaultWebRoot(__dirname),
          exclude: ['/api/{*path}', '/health'],
          serveStaticOptions: { index: false, fallthrough: true, maxAge: '1h' },
        },
      ],
    }),
  ],
})
export class WebModule {}

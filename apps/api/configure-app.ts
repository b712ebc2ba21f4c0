import { RequestMethod } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '@libs/config/app-config.service';
import { createValidationPipe } from '@libs/http/validation';
import { createOpenApiDocument } from './openapi-document';

/** Everything about the HTTP surface that main.ts and the e2e tests must share. */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  const config = app.get(AppConfig);
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  if (config.get('TRUST_PROXY_HOPS') > 0) app.set('trust proxy', config.get('TRUST_PROXY_HOPS'));
  app.use(securityHeaders(config.isProduction));
  // The app's script, stylesheet and JSON answers go out gzip or brotli to a client that accepts them:
  // approvers on a phone over 3G download a fifth of the bytes. (Brotli at the library's quality 4,
  // cheap enough to compress each answer as it is sent.)
  app.use(compression());
  app.useBodyParser('json', { limit: config.get('BODY_LIMIT') });
  app.useBodyParser('urlencoded', { limit: config.get('BODY_LIMIT'), extended: false });
  app.setGlobalPrefix('api', { exclude: [{ path: 'health', method: RequestMethod.GET }] });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  SwaggerModule.setup('api/docs', app, createOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

/** The Swagger UI page and its assets: the one place that needs inline styles (its own HTML has a <style>). */
const SWAGGER_UI = /^\/api\/docs(\/|$)/;
/** API answers (JSON, including the OpenAPI document) and the health check: never stored by a browser or proxy. */
const NOT_STORED = /^\/(api|health)(\/|$)/;

/**
 * Helmet with a strict Content-Security-Policy: scripts, styles and everything else from this origin
 * only (the web app has no inline script or style), no framing at all, no plugins, no <base> tricks;
 * HSTS, nosniff, no referrer, X-Frame-Options DENY. `upgrade-insecure-requests` only in production,
 * so that a plain-HTTP development server on a LAN address keeps loading its own assets.
 */
export function securityHeaders(production: boolean) {
  const directives = {
    'default-src': ["'self'"],
    'base-uri': ["'none'"],
    'connect-src': ["'self'"],
    'font-src': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'frame-src': ["'none'"],
    'img-src': ["'self'", 'data:'],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'"],
    'worker-src': ["'self'"],
    ...(production ? { 'upgrade-insecure-requests': [] } : {}),
  };
  const options = (styleSrc: string[]) =>
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: { ...directives, 'style-src': styleSrc } },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    });
  const strict = options(["'self'"]);
  const swaggerUi = options(["'self'", "'unsafe-inline'"]);
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
    if (NOT_STORED.test(req.path) && !SWAGGER_UI.test(req.path)) res.setHeader('Cache-Control', 'no-store');
    (SWAGGER_UI.test(req.path) ? swaggerUi : strict)(req, res, next);
  };
}

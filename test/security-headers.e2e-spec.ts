import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import request, { type Response } from 'supertest';
import { securityHeaders } from '@apps/api/configure-app';
import { AppStack, startAppStack } from './support/app-stack';

/** The Content-Security-Policy as a map of directive → sources. */
function csp(res: Response): Map<string, string[]> {
  const header = res.headers['content-security-policy'];
  expect(header).toEqual(expect.any(String));
  return new Map(
    (header as string)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

function expectCommonHeaders(res: Response) {
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  expect(res.headers['permissions-policy']).toMatch(/camera=\(\)/);
  expect(res.headers['x-powered-by']).toBeUndefined();
}

function expectStrictCsp(res: Response) {
  const policy = csp(res);
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('script-src-attr')).toEqual(["'none'"]);
  expect(policy.get('style-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  expect(res.headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
}

/** Security headers on API answers (success and error), the health check, the web app and the API docs. */
describe('Security headers', () => {
  let stack: AppStack;
  beforeAll(async () => {
    stack = await startAppStack();
  }, 60_000);
  afterAll(() => stack?.close());

  it('marks API answers, successful or not, as never to be stored, with the strict policy', async () => {
    const token = await stack.tokenFor('Rina Wulandari');
    const answers = [
      await stack.http.get('/api/proposals').auth(token, { type: 'bearer' }).expect(200),
      await stack.http.get('/api/proposals').expect(401),
      await stack.http.get('/api/no-such-route').auth(token, { type: 'bearer' }).expect(404),
      await stack.http.get('/api/docs-json').expect(200),
    ];
    for (const res of answers) {
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.headers['cache-control']).toBe('no-store');
      expectCommonHeaders(res);
      expectStrictCsp(res);
    }
  });

  it('gives the health check the same headers', async () => {
    const res = await stack.http.get('/health').expect(200);
    // Terminus adds its own no-cache and must-revalidate; no-store is what matters.
    expect(res.headers['cache-control']).toMatch(/(^|, )no-store(,|$)/);
    expectCommonHeaders(res);
    expectStrictCsp(res);
  });

  it('serves the web app under the strict policy (no framing, no inline code) and lets its assets be cached', async () => {
    for (const path of ['/', '/masuk']) {
      const res = await stack.http.get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expectCommonHeaders(res);
      expectStrictCsp(res);
      expect(res.headers['cache-control']).not.toBe('no-store');
      // The policy holds only because the page has no inline script, handler or style.
      expect(res.text).toMatch(/<script type="module"[^>]* src="\/assets\/[^"]+\.js"/);
      expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(res.text).not.toMatch(/\son[a-z]+=|<style|\sstyle=/i);
    }
    const assets = readdirSync(join(process.env.WEB_ROOT!, 'assets'));
    const script = assets.find((f) => f.endsWith('.js'))!;
    const asset = await stack.http.get(`/assets/${script}`).expect(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toMatch(/max-age=\d+/);
    expectCommonHeaders(asset);
    // The built app injects no inline <style> either (it would need 'unsafe-inline').
    expect(readFileSync(join(process.env.WEB_ROOT!, 'index.html'), 'utf8')).not.toMatch(/<style/);
  });

  it('allows inline styles for the Swagger UI page only, scripts still from the origin alone', async () => {
    const res = await stack.http.get('/api/docs/').redirects(1).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expectCommonHeaders(res);
    const policy = csp(res);
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('asks browsers to upgrade insecure requests in production only', async () => {
    const app = (production: boolean) => express().use(securityHeaders(production)).get('/api/x', (_req, res) => res.json({ ok: true }));
    const prod = await request(app(true)).get('/api/x').expect(200);
    const dev = await request(app(false)).get('/api/x').expect(200);
    expect(csp(prod).has('upgrade-insecure-requests')).toBe(true);
    expect(csp(dev).has('upgrade-insecure-requests')).toBe(false);
    expect(prod.headers['cache-control']).toBe('no-store');
    expectCommonHeaders(prod);
  });
});

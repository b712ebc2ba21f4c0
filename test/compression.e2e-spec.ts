import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppStack, startAppStack } from './support/app-stack';

/** Every file under a folder, as paths relative to it. */
function filesUnder(root: string, dir = ''): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => (statSync(join(root, dir, name)).isDirectory() ? filesUnder(root, join(dir, name)) : [join(dir, name)]));
}

/** What goes over the wire: compressed when the client accepts it, and no source maps in the built app. */
describe('Compression and the built app', () => {
  let stack: AppStack;
  const webRoot = () => process.env.WEB_ROOT!;
  /** The app's largest script. */
  const mainScript = () =>
    `/assets/${readdirSync(join(webRoot(), 'assets'))
      .filter((f) => f.endsWith('.js'))
      .sort((a, b) => statSync(join(webRoot(), 'assets', b)).size - statSync(join(webRoot(), 'assets', a)).size)[0]}`;

  beforeAll(async () => {
    stack = await startAppStack();
  }, 60_000);
  afterAll(() => stack?.close());

  it('sends the app’s script gzip or brotli to a client that accepts it, plain to one that does not', async () => {
    const size = statSync(join(webRoot(), mainScript())).size;
    const gzip = await stack.http.get(mainScript()).set('accept-encoding', 'gzip').expect(200);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers.vary).toMatch(/accept-encoding/i);
    // The client unpacks it: the same script arrives.
    expect(gzip.text.length).toBe(readFileSync(join(webRoot(), mainScript()), 'utf8').length);
    const br = await stack.http.get(mainScript()).set('accept-encoding', 'br, gzip').expect(200);
    expect(br.headers['content-encoding']).toBe('br');
    const plain = await stack.http.get(mainScript()).set('accept-encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(plain.headers['content-length'])).toBe(size);
  });

  it('sends JSON answers gzip too', async () => {
    const res = await stack.http.get('/api/auth/dev-people').set('accept-encoding', 'gzip').expect(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect((res.body as unknown[]).length).toBeGreaterThan(0);
  });

  it('builds the app without source maps: no .map file, no sourceMappingURL', () => {
    const files = filesUnder(webRoot());
    expect(files.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(0);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const f of files.filter((name) => /\.(js|css|html)$/.test(name))) expect({ f, mapped: readFileSync(join(webRoot(), f), 'utf8').includes('sourceMappingURL') }).toEqual({ f, mapped: false });
  });

  it('lets browsers keep the hashed assets for good and asks for index.html again each time', async () => {
    const asset = await stack.http.get(mainScript()).expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/usulan', '/tugas/pelimpahan']) {
      const page = await stack.http.get(path).expect(200);
      expect({ path, type: page.headers['content-type'], cache: page.headers['cache-control'] }).toEqual({ path, type: expect.stringMatching(/text\/html/), cache: 'no-cache' });
    }
  });

  it('answers 404 for a file under /assets that is not there, not the app’s page in its place', async () => {
    const res = await stack.http.get('/assets/page-that-was-replaced-0a1b2c.js').expect(404);
    expect(res.text).not.toContain('id="root"');
    await stack.http.get(`${mainScript()}.map`).expect(404);
  });
});

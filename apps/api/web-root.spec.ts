import { join } from 'node:path';
import { defaultWebRoot } from './web-root';

describe('defaultWebRoot', () => {
  it('is dist/web next to the built API', () => {
    expect(defaultWebRoot(join('/app', 'dist', 'apps', 'api'))).toBe(join('/app', 'dist', 'web'));
  });

  it('is the project’s dist/web when the API runs from source', () => {
    expect(defaultWebRoot(join('/work', 'estafet', 'apps', 'api'))).toBe(join('/work', 'estafet', 'dist', 'web'));
  });
});

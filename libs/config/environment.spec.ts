import { ConfigValidationError, validateEnvironment } from './environment';

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/estafet',
  JWT_SECRET: 'x'.repeat(32),
};

describe('validateEnvironment', () => {
  it('applies defaults and converts types', () => {
    const env = validateEnvironment({ ...valid, PORT: '8080', TEMPORAL_TLS: 'true' });
    expect(env.PORT).toBe(8080);
    expect(env.TEMPORAL_TLS).toBe(true);
    expect(env.TEMPORAL_ADDRESS).toBe('localhost:7233');
    expect(env.TEMPORAL_TASK_QUEUE).toBe('estafet-approvals');
  });

  it('names every bad or missing variable in one error', () => {
    let error: unknown;
    try {
      validateEnvironment({ PORT: 'abc', JWT_SECRET: 'short', TEMPORAL_ADDRESS: 'nohostport' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    const text = (error as ConfigValidationError).problems.join('\n');
    expect(text).toMatch(/DATABASE_URL must be a postgres:\/\/ connection URL/);
    expect(text).toMatch(/JWT_SECRET must be at least 32 characters/);
    expect(text).toMatch(/TEMPORAL_ADDRESS must look like host:port/);
    expect(text).toMatch(/PORT/);
  });

  it('requires the TLS key when a client certificate is given', () => {
    expect(() => validateEnvironment({ ...valid, TEMPORAL_TLS_CERT_PATH: '/c.pem' })).toThrow(/TEMPORAL_TLS_KEY_PATH/);
  });
});

import { ConfigValidationError, devLoginProblems, parseRateLimit, secretProblems, validateEnvironment } from './environment';

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/estafet',
  JWT_SECRET: 'x'.repeat(32),
};

/** 64 hex characters, as `openssl rand -hex 32` prints them. */
const RANDOM_SECRET = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';

const problemsOf = (raw: Record<string, unknown>): string[] => {
  try {
    validateEnvironment(raw);
  } catch (e) {
    if (e instanceof ConfigValidationError) return e.problems;
    throw e;
  }
  return [];
};

describe('validateEnvironment', () => {
  it('applies defaults and converts types', () => {
    const env = validateEnvironment({ ...valid, PORT: '8080', TEMPORAL_TLS: 'true' });
    expect(env.PORT).toBe(8080);
    expect(env.TEMPORAL_TLS).toBe(true);
    expect(env.TEMPORAL_ADDRESS).toBe('localhost:7233');
    expect(env.TEMPORAL_TASK_QUEUE).toBe('estafet-approvals');
    expect(env.RATE_LIMIT_SIGN_IN).toBe('10/1m');
    expect(env.RATE_LIMIT_DECISIONS).toBe('60/1m');
    expect(env.TRUST_PROXY_HOPS).toBe(0);
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

  describe('JWT_SECRET', () => {
    it('refuses to start in production without it, saying that there is no default and how to make one', () => {
      const problems = problemsOf({ DATABASE_URL: valid.DATABASE_URL, NODE_ENV: 'production' });
      expect(problems).toEqual([expect.stringMatching(/^JWT_SECRET is required in production \(there is no default\).*openssl rand -hex 32/)]);
      // An empty value is no value.
      expect(problemsOf({ DATABASE_URL: valid.DATABASE_URL, NODE_ENV: 'production', JWT_SECRET: '' })).toEqual(problems);
    });

    it('refuses in production a placeholder or a secret with too little variety, even when long enough', () => {
      for (const weak of ['change-me-to-a-long-random-secret-of-32+chars', 'x'.repeat(40), 'abababababababababababababababab', 'my-secret-example-value-for-the-jwt-signing']) {
        expect(problemsOf({ DATABASE_URL: valid.DATABASE_URL, NODE_ENV: 'production', JWT_SECRET: weak })).toEqual([
          expect.stringMatching(/^JWT_SECRET looks like a placeholder or has too little variety/),
        ]);
      }
    });

    it('refuses a short secret in every environment', () => {
      for (const NODE_ENV of ['production', 'development', 'test']) {
        expect(problemsOf({ DATABASE_URL: valid.DATABASE_URL, NODE_ENV, JWT_SECRET: RANDOM_SECRET.slice(0, 31) })).toEqual(['JWT_SECRET must be at least 32 characters']);
      }
    });

    it('accepts a random secret in production and uses it as given', () => {
      const env = validateEnvironment({ DATABASE_URL: valid.DATABASE_URL, NODE_ENV: 'production', JWT_SECRET: RANDOM_SECRET });
      expect(env.JWT_SECRET).toBe(RANDOM_SECRET);
      expect(env.jwtSecretGenerated).toBe(false);
    });

    it('outside production, generates a random secret for this process when none is set (never a fixed default)', () => {
      const a = validateEnvironment({ DATABASE_URL: valid.DATABASE_URL });
      const b = validateEnvironment({ DATABASE_URL: valid.DATABASE_URL, NODE_ENV: 'test' });
      expect(a.NODE_ENV).toBe('development');
      expect(a.jwtSecretGenerated).toBe(true);
      expect(a.JWT_SECRET).toMatch(/^[0-9a-f]{64}$/);
      expect(b.JWT_SECRET).toMatch(/^[0-9a-f]{64}$/);
      expect(a.JWT_SECRET).not.toBe(b.JWT_SECRET);
      expect(secretProblems({ NODE_ENV: 'development', JWT_SECRET: a.JWT_SECRET })).toEqual([]);
    });

    it('does not let the environment claim the secret was generated', () => {
      const env = validateEnvironment({ ...valid, jwtSecretGenerated: 'true' });
      expect(env.jwtSecretGenerated).toBe(false);
      expect(env.JWT_SECRET).toBe(valid.JWT_SECRET);
    });
  });

  describe('DEV_LOGIN', () => {
    it('is off unless set, whatever NODE_ENV says (a deployment that forgot NODE_ENV is not open)', () => {
      expect(validateEnvironment(valid).DEV_LOGIN).toBe(false);
      expect(validateEnvironment({ ...valid, NODE_ENV: 'development' }).DEV_LOGIN).toBe(false);
      expect(validateEnvironment({ ...valid, NODE_ENV: 'test' }).DEV_LOGIN).toBe(false);
      expect(validateEnvironment({ ...valid, DEV_LOGIN: '' }).DEV_LOGIN).toBe(false);
    });

    it('reads true and false in the usual spellings', () => {
      for (const yes of ['true', 'TRUE', '1', 'yes', 'on']) expect(validateEnvironment({ ...valid, DEV_LOGIN: yes }).DEV_LOGIN).toBe(true);
      for (const no of ['false', '0', 'no', 'off']) expect(validateEnvironment({ ...valid, DEV_LOGIN: no }).DEV_LOGIN).toBe(false);
    });

    it('refuses a value that is neither, instead of guessing', () => {
      expect(problemsOf({ ...valid, DEV_LOGIN: 'ture' })).toEqual(['DEV_LOGIN must be true or false']);
    });

    it('refuses to boot with DEV_LOGIN=true and NODE_ENV=production, saying why', () => {
      const problems = problemsOf({ DATABASE_URL: valid.DATABASE_URL, NODE_ENV: 'production', JWT_SECRET: RANDOM_SECRET, DEV_LOGIN: 'true' });
      expect(problems).toEqual([expect.stringMatching(/^DEV_LOGIN=true is refused with NODE_ENV=production: dev-login signs in as anyone, administrators included/)]);
      expect(() => validateEnvironment({ DATABASE_URL: valid.DATABASE_URL, NODE_ENV: 'production', JWT_SECRET: RANDOM_SECRET, DEV_LOGIN: '1' })).toThrow(ConfigValidationError);
      // Production without the flag, or with it off, boots.
      expect(validateEnvironment({ DATABASE_URL: valid.DATABASE_URL, NODE_ENV: 'production', JWT_SECRET: RANDOM_SECRET }).DEV_LOGIN).toBe(false);
      expect(validateEnvironment({ DATABASE_URL: valid.DATABASE_URL, NODE_ENV: 'production', JWT_SECRET: RANDOM_SECRET, DEV_LOGIN: 'false' }).DEV_LOGIN).toBe(false);
      expect(devLoginProblems({ NODE_ENV: 'development', DEV_LOGIN: true })).toEqual([]);
    });
  });

  describe('rate limits', () => {
    it('reads count/window settings', () => {
      const env = validateEnvironment({ ...valid, RATE_LIMIT_SIGN_IN: '5/30s', RATE_LIMIT_DECISIONS: '300/1h', TRUST_PROXY_HOPS: '1' });
      expect(parseRateLimit(env.RATE_LIMIT_SIGN_IN)).toEqual({ limit: 5, windowMs: 30_000 });
      expect(parseRateLimit(env.RATE_LIMIT_DECISIONS)).toEqual({ limit: 300, windowMs: 3_600_000 });
      expect(parseRateLimit('10/1m')).toEqual({ limit: 10, windowMs: 60_000 });
      expect(env.TRUST_PROXY_HOPS).toBe(1);
    });

    it('names a malformed limit with an example of a good one', () => {
      for (const bad of ['10', '0/1m', '10/0m', '10/1d', 'ten/1m', '-1/1m', '10 / 1m']) {
        expect(problemsOf({ ...valid, RATE_LIMIT_SIGN_IN: bad })).toEqual([
          'RATE_LIMIT_SIGN_IN must be count/window with a window in s, m or h, e.g. 10/1m (10 requests a minute) or 300/1h',
        ]);
      }
      expect(problemsOf({ ...valid, RATE_LIMIT_DECISIONS: '60/minute' })).toEqual([expect.stringMatching(/^RATE_LIMIT_DECISIONS must be count\/window/)]);
      expect(problemsOf({ ...valid, TRUST_PROXY_HOPS: 'yes' })).toContain('TRUST_PROXY_HOPS must be an integer number');
      expect(() => parseRateLimit('fast')).toThrow(/count\/window/);
    });
  });
});

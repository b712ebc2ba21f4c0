/**
 * Imported first by test/rate-limits.e2e-spec.ts, before anything loads the app's configuration:
 * limits low enough for a test to reach, and one trusted proxy so that X-Forwarded-For stands for
 * distinct client addresses. Jest gives each test file its own copy of process.env, so the other
 * suites keep the high limits of global setup.
 */
export const SIGN_IN_LIMIT = 3;
export const DECISION_LIMIT = 4;

process.env.RATE_LIMIT_SIGN_IN = `${SIGN_IN_LIMIT}/1m`;
process.env.RATE_LIMIT_DECISIONS = `${DECISION_LIMIT}/1m`;
process.env.TRUST_PROXY_HOPS = '1';

/**
 * Imported first by test/dev-login-off.e2e-spec.ts, before anything loads the app's configuration:
 * the API boots as a deployment does that never set DEV_LOGIN (global setup turns it on for every other
 * suite; Jest gives each test file its own copy of process.env).
 */
delete process.env.DEV_LOGIN;

/** Jest: colocated unit tests (`*.spec.ts`) and integration/e2e tests under test/ against real servers. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
      // The path aliases of tsconfig.json, rewritten at compile time so they also hold in the global
      // setup, which Jest loads outside its module resolution.
      baseUrl: __dirname,
      paths: { '@libs/*': ['./libs/*'], '@apps/*': ['./apps/*'], '@workflows/*': ['./workflows/*'], '@activities/*': ['./activities/*'] },
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

// NestJS 12 ships as ES modules; Jest (below Node 24.9) cannot require() them, so these few packages are
// compiled to CommonJS by the same SWC transform.
const esmPackages = ['@nestjs', 'file-type', 'strtok3', 'token-types', 'peek-readable', 'uint8array-extras', '@tokenizer', 'load-esm'];
const swcJs = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'ecmascript' } }, module: { type: 'commonjs' } }];
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc, '^.+\\.m?js$': swcJs },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
};

module.exports = {
  // A test against the real servers waits on the condition it checks (eventually(), Temporal's
  // answers), never on a fixed time; this bound only ends a test or hook that hangs. Jest's 5 s default
  // failed whole suites on a loaded machine: a hook that timed out left its stack running into the next
  // suite. (A global option: Jest ignores it inside a project.) Unit tests finish in milliseconds.
  testTimeout: 180_000,
  projects: [
    {
      displayName: 'unit',
      ...shared,
      // test/lint: the ESLint boundary rules, probed with the real config (no servers).
      testMatch: ['<rootDir>/{apps,libs,workflows,activities}/**/*.spec.ts', '<rootDir>/test/lint/**/*.spec.ts'],
    },
    {
      // The workflows on Temporal's time-skipping test server with in-memory activities: no stack.
      displayName: 'workflow',
      ...shared,
      testMatch: ['<rootDir>/test/workflows/**/*.spec.ts'],
    },
    {
      displayName: 'e2e',
      ...shared,
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      slowTestThreshold: 60,
    },
  ],
};

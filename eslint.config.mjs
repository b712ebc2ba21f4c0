// @ts-check
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'assert', 'async_hooks', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events',
  'fs', 'fs/promises', 'http', 'http2', 'https', 'net', 'os', 'path', 'perf_hooks', 'process',
  'readline', 'stream', 'timers', 'tls', 'url', 'util', 'v8', 'vm', 'worker_threads', 'zlib',
];

/** One forbidden arrow: imports matching `group` (gitignore-style globs of the import string). */
const forbid = (group, message, extra = {}) => ({ group, message, ...extra });
/**
 * A folder of the tree by its alias (`@libs/http`, `@apps`) or by a relative path that climbs to it
 * (`../http/…`, `../../libs/http/…`), as one regular expression.
 */
const folder = (name, message, extra = {}) => {
  const parts = name.split('/');
  const alias = `@${name}`.replace(/\//g, '\\/');
  const parents = parts.slice(0, -1).map((p) => `${p}\\/`).join('');
  const relative = `(\\.\\.?\\/)+${parents ? `(${parents})?` : ''}${parts.at(-1)}`;
  return { regex: `^(${alias}|${relative})(\\/.*)?$`, message, ...extra };
};

const devTooling = folder('libs/devstack', 'Dev tooling (libs/devstack) starts local servers for npm start and the tests; production code must not import it.');
const intoApps = folder('apps', 'libs/ is shared by the apps and must not import them.');

/**
 * Workflow code is replayed deterministically inside Temporal's sandbox: no I/O, no Node built-ins,
 * activities only as types, and of the shared code only the pure parts (contracts, domain).
 */
const workflowRule = ['error', {
  paths: [
    ...nodeBuiltins.map((name) => ({ name, message: 'Node built-ins are not allowed in workflow code.' })),
    { name: 'pg', message: 'Workflow code must not do I/O.' },
    { name: 'typeorm', message: 'Workflow code must not do I/O.' },
    { name: '@temporalio/client', message: 'Use @temporalio/workflow in workflow code.' },
    { name: '@temporalio/worker', message: 'Use @temporalio/workflow in workflow code.' },
    { name: '@temporalio/activity', message: 'Use @temporalio/workflow in workflow code.' },
  ],
  patterns: [
    forbid(['node:*'], 'Node built-ins are not allowed in workflow code.'),
    forbid(['@nestjs/*'], 'Workflow code must not depend on NestJS.'),
    folder('activities', 'Import activities with `import type` only.', { allowTypeImports: true }),
    forbid(['@apps/**', ...['persistence', 'temporal', 'http', 'auth', 'config', 'logging', 'devstack'].flatMap((lib) => [`@libs/${lib}`, `@libs/${lib}/**`])],
      'Workflow code imports only the pure shared code (@libs/contracts, @libs/domain): everything else does I/O.'),
  ],
}];

/** The rule for a layer: its forbidden import patterns, plus any forbidden names of packages. */
const layerRule = (patterns, paths = []) => ['error', { paths, patterns }];

function boundaries() {
  const production = { ignores: ['**/*.spec.ts'] };
  return [
    { files: ['workflows/**/*.ts'], ...production, rules: { '@typescript-eslint/no-restricted-imports': workflowRule } },
    // The API reads Postgres through libs/persistence and reaches Temporal through libs/temporal only.
    {
      files: ['apps/api/**/*.ts'], ...production,
      rules: {
        '@typescript-eslint/no-restricted-imports': layerRule(
          [devTooling, folder('activities', 'The API never runs activities: it starts and updates workflows through libs/temporal.'),
            folder('workflows', 'The API reaches workflows through the engine gateway in libs/temporal.', { allowTypeImports: true })],
          [{ name: 'typeorm', importNames: ['DataSource', 'EntityManager', 'Repository'], message: 'SQL belongs in libs/persistence: take its named queries instead of a DataSource.' },
            { name: '@nestjs/typeorm', importNames: ['InjectDataSource', 'InjectRepository', 'InjectEntityManager'], message: 'SQL belongs in libs/persistence: take its named queries instead.' }],
        ),
      },
    },
    { files: ['apps/worker/**/*.ts', 'activities/**/*.ts'], ...production, rules: { '@typescript-eslint/no-restricted-imports': layerRule([devTooling]) } },
    // Persistence is below HTTP: it raises domain errors, never HTTP ones.
    {
      files: ['libs/persistence/**/*.ts'], ...production,
      rules: { '@typescript-eslint/no-restricted-imports': layerRule([intoApps, devTooling, folder('libs/http', 'libs/persistence is below the HTTP layer: raise a domain error (libs/domain) instead.')]) },
    },
    // Pure code: no I/O, so the workflow may share it.
    {
      files: ['libs/domain/**/*.ts', 'libs/contracts/**/*.ts'], ...production,
      rules: {
        '@typescript-eslint/no-restricted-imports': layerRule(
          [intoApps, devTooling, forbid(['@libs/persistence', '@libs/persistence/**', '@libs/temporal', '@libs/temporal/**', '@libs/http', '@libs/http/**', '@nestjs/*'], 'libs/domain and libs/contracts are pure: the workflow bundles them.')],
          [{ name: 'pg', message: 'libs/domain and libs/contracts are pure.' }, { name: 'typeorm', message: 'libs/domain and libs/contracts are pure.' }],
        ),
      },
    },
    {
      files: ['libs/**/*.ts'], ignores: ['**/*.spec.ts', 'libs/devstack/**', 'libs/persistence/**', 'libs/domain/**', 'libs/contracts/**'],
      rules: { '@typescript-eslint/no-restricted-imports': layerRule([intoApps, devTooling]) },
    },
  ];
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', '.tools/**', 'coverage/**', 'test-results/**', '**/*.mjs', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  // The layers' boundaries (docs/ARCHITECTURE.md): the arrows that must not exist fail lint.
  // test/lint-boundaries.e2e-spec.ts proves each rule bites.
  ...boundaries(),
  {
    // Small functions one can read at a glance; the workflow itself stays a page of handlers and a loop.
    files: ['workflows/**/*.ts', 'activities/**/*.ts', 'libs/**/*.ts', 'apps/api/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 80 }] },
  },
  { files: ['workflows/approval/approval.workflow.ts'], rules: { 'max-lines': ['error', { max: 250 }] } },
);

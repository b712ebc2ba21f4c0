import { join, resolve } from 'node:path';
import type { BundleOptions } from '@temporalio/worker';

/**
 * The path aliases of tsconfig.json (`@libs/...`, `@workflows/...`) for Temporal's webpack bundler, so
 * workflow code bundles the same from the TypeScript sources (tests, a worker without a prebuilt bundle)
 * as from dist/ (where tsc-alias has already made them relative). This file sits two levels below the
 * tree's root in both places.
 */
const TREE_ROOT = resolve(__dirname, '..', '..');

export const workflowBundlerOptions: Pick<BundleOptions, 'webpackConfigHook'> = {
  webpackConfigHook: (config) => ({
    ...config,
    resolve: {
      ...config.resolve,
      alias: {
        ...(config.resolve?.alias as Record<string, string> | undefined),
        '@libs': join(TREE_ROOT, 'libs'),
        '@workflows': join(TREE_ROOT, 'workflows'),
        '@activities': join(TREE_ROOT, 'activities'),
      },
    },
  }),
};

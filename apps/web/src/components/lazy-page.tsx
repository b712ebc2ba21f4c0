import { ComponentType, lazy, Suspense } from 'react';
import { Loading } from './page';

/**
 * A page loaded on demand: its code (and what only it imports) is a chunk of its own, fetched when
 * someone opens it. Masuk and the shell stay in the first script, so the first paint on a slow phone
 * waits for nothing else.
 */
export function lazyPage(load: () => Promise<ComponentType>) {
  const Lazy = lazy(async () => ({ default: await load() }));
  return (
    <Suspense fallback={<Loading />}>
      <Lazy />
    </Suspense>
  );
}

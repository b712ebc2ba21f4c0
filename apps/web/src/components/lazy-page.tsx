import { Component, ComponentType, lazy, ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from './page';

/** What a page whose code could not be fetched shows: what happened, and a reload that fetches it anew. */
function PageLoadFailed() {
  const { t } = useTranslation();
  return (
    <div className="alert alert-error" role="alert" data-testid="page-load-failed">
      <p>{t('pageLoad.failed')}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('pageLoad.reload')}
      </button>
    </div>
  );
}

/**
 * Catches the failure to fetch a page's chunk (offline, or the app was deployed anew and the old
 * chunk is gone), which React would otherwise let blank the whole app.
 */
class ChunkBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  render() {
    return this.state.failed ? <PageLoadFailed /> : this.props.children;
  }
}

/**
 * A page loaded on demand: its code (and what only it imports) is a chunk of its own, fetched when
 * someone opens it. Masuk and the shell stay in the first script, so the first paint on a slow phone
 * waits for nothing else.
 */
export function lazyPage(load: () => Promise<ComponentType>) {
  const Lazy = lazy(async () => ({ default: await load() }));
  return (
    <ChunkBoundary>
      <Suspense fallback={<Loading />}>
        <Lazy />
      </Suspense>
    </ChunkBoundary>
  );
}

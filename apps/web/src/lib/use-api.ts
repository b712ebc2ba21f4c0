import { useCallback, useEffect, useState } from 'react';
import { api } from './api';

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  /** Fetches again (after a change the page made). */
  reload: () => void;
}

export interface UseApiOptions {
  /**
   * While the answer for a new path is on its way, keep showing the last answer (a list whose
   * filters changed stays in place) instead of nothing.
   */
  keepPrevious?: boolean;
}

/**
 * The one way pages read the API: GET `path` whenever it changes (null: nothing to fetch yet), and
 * again on `reload`. An answer to an earlier path that arrives late is dropped, so a fast click
 * through pages never shows the wrong page.
 */
export function useApi<T>(path: string | null, options: UseApiOptions = {}): Loaded<T> {
  const [state, setState] = useState<{ path: string | null; data: T | null; error: unknown }>({ path: null, data: null, error: null });
  const [round, setRound] = useState(0);
  const keepPrevious = options.keepPrevious ?? false;
  useEffect(() => {
    if (!path) return;
    let current = true;
    api<T>(path)
      .then((data) => current && setState({ path, data, error: null }))
      .catch((error: unknown) => current && setState((s) => ({ path, data: keepPrevious ? s.data : null, error })));
    return () => {
      current = false;
    };
  }, [path, round, keepPrevious]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  const fresh = state.path === path;
  const data = fresh || keepPrevious ? state.data : null;
  return { data, error: fresh ? state.error : null, loading: !!path && !fresh, reload };
}

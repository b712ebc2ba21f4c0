import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api';

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  /** Fetches again (after a change the page made). */
  reload: () => void;
}

/**
 * GET `path` whenever it changes (null: nothing to fetch yet). An answer to an earlier path that
 * arrives late is dropped, so a fast click through pages never shows the wrong page.
 */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ path: string | null; data: T | null; error: unknown }>({ path: null, data: null, error: null });
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!path) return;
    let current = true;
    api<T>(path)
      .then((data) => current && setState({ path, data, error: null }))
      .catch((error: unknown) => current && setState({ path, data: null, error }));
    return () => {
      current = false;
    };
  }, [path, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  const fresh = state.path === path;
  return { data: fresh ? state.data : null, error: fresh ? state.error : null, loading: !!path && !fresh, reload };
}

/** A query string from the given values, leaving out empty ones. */
export function query(values: Record<string, string | number | boolean | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * A fresh Idempotency-Key for one attempt of an action. crypto.randomUUID exists only in secure
 * contexts (https, localhost); elsewhere the key is built from crypto.getRandomValues.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

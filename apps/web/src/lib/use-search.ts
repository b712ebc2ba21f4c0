import { useEffect, useState } from 'react';
import { api, query } from './api';

/**
 * Searches a paged list endpoint (`GET <path>?q=…&pageSize=…`) as the reader types: from two
 * characters, after a pause in typing rather than on every key. `results` is null until the answer for
 * the current term has come, so a picker never shows the matches of an older term.
 */
export function useSearch<T>(path: string, q: string, pageSize: number): { term: string; results: T[] | null; failure: unknown } {
  const [found, setFound] = useState<{ q: string; items: T[] } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const term = q.trim();

  useEffect(() => {
    if (term.length < 2) return;
    let current = true;
    const timer = setTimeout(() => {
      api<{ items: T[] }>(`${path}${query({ q: term, pageSize })}`)
        .then((page) => {
          if (!current) return;
          setFound({ q: term, items: page.items });
          setFailure(null);
        })
        .catch((err: unknown) => current && setFailure(err));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [path, term, pageSize]);

  return { term, results: term.length >= 2 && found && found.q === term ? found.items : null, failure };
}

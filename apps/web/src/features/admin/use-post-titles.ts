import { useEffect, useState } from 'react';
import { api } from '@apps/web/src/lib/api';
import type { PositionDetailView } from '@apps/web/src/lib/api-types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Titles of the posts a chain names by id, looked up once per set of posts; an id that is no post is left out. */
export function usePostTitles(ids: string[]): Map<string, string> {
  const [titles, setTitles] = useState<Map<string, string>>(new Map());
  // Only what can be an id is asked for: a typo in the JSON is the API's to report, not a lookup to fail.
  const key = [...new Set(ids.filter((id) => UUID.test(id)))].sort().join(',');
  useEffect(() => {
    if (!key) return;
    let current = true;
    void Promise.all(
      key.split(',').map((id) =>
        api<PositionDetailView>(`/api/positions/${encodeURIComponent(id)}`)
          .then((p): [string, string] => [id, p.title])
          .catch((): [string, string] | null => null),
      ),
    ).then((pairs) => {
      if (current) setTitles(new Map(pairs.filter((p): p is [string, string] => p !== null)));
    });
    return () => {
      current = false;
    };
  }, [key]);
  return titles;
}

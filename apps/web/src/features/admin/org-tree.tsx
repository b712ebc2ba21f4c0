import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '@apps/web/src/components/error-message';
import { DateTime } from '@apps/web/src/components/labels';
import { Loading } from '@apps/web/src/components/page';
import { query } from '@apps/web/src/lib/api';
import type { PositionPageView, PositionView, UnitView } from '@apps/web/src/lib/api-types';
import { useApi } from '@apps/web/src/lib/use-api';
import { EndAppointment } from './end-appointment';

/** Posts a unit shows at once; a bigger unit says how many more there are (the table above finds them). */
const POSTS_SHOWN = 100;

/** The units under each unit, in the order the list gives them (depth first, siblings by code). */
function childrenOf(units: UnitView[]): Map<string | null, UnitView[]> {
  const ids = new Set(units.map((u) => u.id));
  const byParent = new Map<string | null, UnitView[]>();
  for (const u of units) {
    // A unit whose parent is not in the list is shown at the top rather than lost.
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), u]);
  }
  return byParent;
}

/**
 * The organization as a tree of units, each opened with its button (aria-expanded): its posts, who
 * holds each, and any Plt. or Plh. appointed, whose appointment can be ended early from here.
 */
export function OrgTree({ units, onChanged }: { units: UnitView[]; onChanged: (message: string) => void }) {
  const { t } = useTranslation('admin');
  const byParent = useMemo(() => childrenOf(units), [units]);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const branch = (parent: string | null, depth: number) => (
    <ul className={depth === 0 ? 'org-tree' : 'org-branch'}>
      {(byParent.get(parent) ?? []).map((u) => {
        const expanded = open.has(u.id);
        const panel = `unit-${u.id}`;
        return (
          <li key={u.id} data-unit-id={u.id}>
            <div className="tree-row">
              <button type="button" className="tree-toggle" aria-expanded={expanded} aria-controls={panel} onClick={() => toggle(u.id)}>
                {u.name}
              </button>{' '}
              <span className="muted small">
                {u.code} · {t(`org.kind.${u.kind}`, { defaultValue: u.kind })}
              </span>
            </div>
            {expanded ? (
              <div id={panel} className="tree-panel">
                <UnitPosts unitId={u.id} onChanged={onChanged} />
                {byParent.has(u.id) ? branch(u.id, depth + 1) : null}
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );

  return branch(null, 0);
}

/** The posts of one unit, read when the unit is opened. */
function UnitPosts({ unitId, onChanged }: { unitId: string; onChanged: (message: string) => void }) {
  const { t } = useTranslation('admin');
  const posts = useApi<PositionPageView>(`/api/positions${query({ unitId, pageSize: POSTS_SHOWN })}`, { keepPrevious: true });
  if (posts.error) return <ErrorMessage error={posts.error} ns="admin" />;
  if (!posts.data) return <Loading />;
  if (posts.data.items.length === 0) return <p className="muted small">{t('tree.noPosts')}</p>;
  const more = posts.data.total - posts.data.items.length;
  return (
    <>
      <ul className="tree-posts" aria-label={t('tree.posts')}>
        {posts.data.items.map((p) => (
          <PostEntry
            key={p.id}
            post={p}
            onEnded={(message) => {
              posts.reload();
              onChanged(message);
            }}
          />
        ))}
      </ul>
      {more > 0 ? <p className="muted small">{t('tree.more', { count: more })}</p> : null}
    </>
  );
}

/** One post: its holder, and each Plt. or Plh. appointed to it, with the way to end that appointment now. */
function PostEntry({ post: p, onEnded }: { post: PositionView; onEnded: (message: string) => void }) {
  const { t } = useTranslation('admin');
  const holders = p.activeAppointments.filter((a) => a.capacity === 'definitif');
  const acting = p.activeAppointments.filter((a) => a.capacity === 'plt' || a.capacity === 'plh');
  return (
    <li className="tree-post" data-position-id={p.id}>
      <div>
        <Link to={`/admin/organisasi/jabatan/${p.id}`}>{p.title}</Link> <span className="muted small">{p.code}</span>
      </div>
      <ul className="plain small">
        <li>
          {t('tree.holder')}: {holders.length ? holders.map((a) => a.personName).join(', ') : <span className="marker marker-vacant">{t('org.vacant')}</span>}
        </li>
        {acting.map((a) => (
          <li key={a.id} className="tree-acting" data-appointment-id={a.id}>
            <span>{t('tree.appointed', { capacity: t(`capacity.${a.capacity}`, { ns: 'common' }), name: a.personName })}</span>
            {a.endsAt ? (
              <>
                {' '}
                {t('tree.until')} <DateTime value={a.endsAt} />
              </>
            ) : (
              ` ${t('tree.noEnd')}`
            )}{' '}
            <EndAppointment appointmentId={a.id} personName={a.personName} capacity={a.capacity} onEnded={onEnded} />
          </li>
        ))}
      </ul>
    </li>
  );
}

import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '@apps/web/src/components/error-message';
import { useQueryState } from '@apps/web/src/components/forms';
import { CapacityLabel } from '@apps/web/src/components/labels';
import { Loading, Page } from '@apps/web/src/components/page';
import { Pager } from '@apps/web/src/components/pager';
import { query } from '@apps/web/src/lib/api';
import type { ActiveAppointmentView, PositionPageView, PositionView, UnitListView } from '@apps/web/src/lib/api-types';
import { useApi } from '@apps/web/src/lib/use-api';
import { AdminNav, AdminOnly } from './admin-shell';
import { OrgTree } from './org-tree';
import { UnitSelect } from './unit-select';

const PAGE_SIZE = 20;

export function OrganizationPage() {
  return (
    <AdminOnly>
      <Organization />
    </AdminOnly>
  );
}

const holders = (p: PositionView, capacity: ActiveAppointmentView['capacity']) => p.activeAppointments.filter((a) => a.capacity === capacity).map((a) => a.personName);

/** Organisasi: posts with who holds them and who acts for them now, searchable by unit and by name; the organization as a tree. */
function Organization() {
  const { t } = useTranslation('admin');
  const [params, go] = useQueryState();
  const q = params.get('q') ?? '';
  const unitId = params.get('unitId') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [draft, setDraft] = useState({ q, unitId });
  const [notice, setNotice] = useState('');
  const positions = useApi<PositionPageView>(`/api/positions${query({ q, unitId, page, pageSize: PAGE_SIZE })}`);
  const units = useApi<UnitListView>('/api/units');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    go({ q: draft.q.trim() || null, unitId: draft.unitId || null, page: null });
  };
  const cols = {
    post: t('org.col.post'),
    unit: t('org.col.unit'),
    definitif: t('org.col.definitif'),
    plt: t('org.col.plt'),
    plh: t('org.col.plh'),
    acting: t('org.col.acting'),
  };
  const names = (list: string[]) => (list.length ? list.join(', ') : '—');

  return (
    <Page title={t('org.title')}>
      <AdminNav />
      <form className="filters" role="search" onSubmit={submit} aria-label={t('org.filters')}>
        <div>
          <label htmlFor="org-q">{t('org.search')}</label>
          <input id="org-q" type="search" value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
        </div>
        <div>
          <label htmlFor="org-unit">{t('org.unit')}</label>
          <UnitSelect id="org-unit" value={draft.unitId} units={units.data?.items} onChange={(unitId) => setDraft({ ...draft, unitId })} />
        </div>
        <div className="filter-buttons">
          <button type="submit">{t('org.apply')}</button>
        </div>
      </form>

      <h2>{t('org.posts')}</h2>
      <ErrorMessage error={positions.error} ns="admin" onRetry={positions.reload} />
      {positions.loading ? <Loading /> : null}
      {positions.data ? (
        <>
          <p className="muted">{t('org.count', { count: positions.data.total })}</p>
          {positions.data.items.length === 0 ? (
            <p className="empty">{t('org.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="responsive" data-testid="positions-table">
                <caption className="visually-hidden">{t('org.posts')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{cols.post}</th>
                    <th scope="col">{cols.unit}</th>
                    <th scope="col">{cols.definitif}</th>
                    <th scope="col">{cols.plt}</th>
                    <th scope="col">{cols.plh}</th>
                    <th scope="col">{cols.acting}</th>
                  </tr>
                </thead>
                <tbody>
                  {positions.data.items.map((p) => (
                    <tr key={p.id} data-position-id={p.id}>
                      <td data-label={cols.post}>
                        <div>
                          <Link to={`/admin/organisasi/jabatan/${p.id}`}>{p.title}</Link>
                          <div className="muted small">{p.code}</div>
                        </div>
                      </td>
                      <td data-label={cols.unit}>{p.unitName ?? '—'}</td>
                      <td data-label={cols.definitif}>{names(holders(p, 'definitif'))}</td>
                      <td data-label={cols.plt}>{names(holders(p, 'plt'))}</td>
                      <td data-label={cols.plh}>{names(holders(p, 'plh'))}</td>
                      <td data-label={cols.acting}>
                        <div>
                          {p.acting ? (
                            <>
                              {p.acting.personName}{' '}
                              <span className="muted small">
                                (<CapacityLabel capacity={p.acting.capacity} />)
                              </span>
                            </>
                          ) : (
                            <span className="marker marker-vacant">{t('org.vacant')}</span>
                          )}
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager page={page} pageSize={PAGE_SIZE} total={positions.data.total} onPage={(n) => go({ page: String(n) })} />
        </>
      ) : null}

      <section aria-labelledby="org-tree-title">
        <h2 id="org-tree-title">{t('tree.title')}</h2>
        <p className="muted small">{t('tree.intro')}</p>
        <p role="status" className={notice ? 'alert alert-ok' : 'visually-hidden'}>
          {notice}
        </p>
        <ErrorMessage error={units.error} ns="admin" onRetry={units.reload} />
        {units.data ? (
          <OrgTree
            units={units.data.items}
            onChanged={(message) => {
              setNotice(message);
              positions.reload();
            }}
          />
        ) : (
          <Loading />
        )}
      </section>
    </Page>
  );
}

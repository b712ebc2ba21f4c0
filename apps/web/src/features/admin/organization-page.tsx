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

/** Organisasi: posts with who holds them and who acts for them now, searchable by unit and by name; the unit tree. */
function Organization() {
  const { t } = useTranslation('admin');
  const [params, go] = useQueryState();
  const q = params.get('q') ?? '';
  const unitId = params.get('unitId') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [draft, setDraft] = useState({ q, unitId });
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
      <ErrorMessage error={positions.error} ns="admin" />
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

      <details className="units">
        <summary>{t('org.units', { count: units.data?.items.length ?? 0 })}</summary>
        {units.data ? (
          <ul className="unit-tree">
            {units.data.items.map((u) => (
              <li key={u.id} style={{ paddingLeft: `${u.depth * 1.25}rem` }}>
                <button type="button" className="link-button" onClick={() => {
                  setDraft({ q: '', unitId: u.id });
                  go({ q: null, unitId: u.id, page: null });
                }}>
                  {u.name}
                </button>{' '}
                <span className="muted small">
                  {u.code} · {t(`org.kind.${u.kind}`, { defaultValue: u.kind })}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </details>
    </Page>
  );
}

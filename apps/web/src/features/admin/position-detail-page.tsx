import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '@apps/web/src/components/error-message';
import { CapacityLabel, DateTime } from '@apps/web/src/components/labels';
import { Loading, Page } from '@apps/web/src/components/page';
import type { PositionActingView, PositionDetailView } from '@apps/web/src/lib/api-types';
import { useApi } from '@apps/web/src/lib/use-api';
import { AdminNav, AdminOnly } from './admin-shell';
import { AppointForm } from './appoint-form';
import { EndAppointment } from './end-appointment';

export function PositionDetailPage() {
  return (
    <AdminOnly>
      <PositionDetailView />
    </AdminOnly>
  );
}

/** One post: who acts for it now, what is scheduled, its whole appointment history; appoint a Plt. or Plh., or end one's appointment early. */
function PositionDetailView() {
  const { t } = useTranslation('admin');
  const { id = '' } = useParams();
  const detail = useApi<PositionDetailView>(`/api/positions/${id}`);
  const acting = useApi<PositionActingView>(`/api/positions/${id}/acting`);
  const [notice, setNotice] = useState('');
  const p = detail.data;
  const cols = {
    person: t('post.col.person'),
    capacity: t('post.col.capacity'),
    from: t('post.col.from'),
    to: t('post.col.to'),
    basis: t('post.col.basis'),
    endReason: t('post.col.endReason'),
    state: t('post.col.state'),
  };

  return (
    <Page title={p ? p.title : t('post.title')}>
      <AdminNav />
      <p>
        <Link to="/admin/organisasi">{t('post.back')}</Link>
      </p>
      <p role="status" className={notice ? 'alert alert-ok' : 'visually-hidden'}>
        {notice}
      </p>
      <ErrorMessage error={detail.error} ns="admin" onRetry={detail.reload} />
      {detail.loading ? <Loading /> : null}
      {p ? (
        <>
          <dl className="facts card">
            <div>
              <dt>{t('post.code')}</dt>
              <dd>{p.code}</dd>
            </div>
            <div>
              <dt>{t('post.unit')}</dt>
              <dd>{p.unitName ?? '—'}</dd>
            </div>
            <div>
              <dt>{t('post.level')}</dt>
              <dd>{t(`level.${p.level}`, { defaultValue: p.level })}</dd>
            </div>
            <div>
              <dt>{t('post.superior')}</dt>
              <dd>{p.superiorPositionId ? <Link to={`/admin/organisasi/jabatan/${p.superiorPositionId}`}>{p.superiorTitle}</Link> : '—'}</dd>
            </div>
            <div>
              <dt>{t('post.head')}</dt>
              <dd>{t(p.isUnitHead ? 'yes' : 'no')}</dd>
            </div>
            <div>
              <dt>{t('post.actingNow')}</dt>
              <dd data-testid="acting-now">
                {acting.data ? (
                  acting.data.actingNow ? (
                    <>
                      {acting.data.actingNow.name}{' '}
                      <span className="muted small">
                        (<CapacityLabel capacity={acting.data.actingNow.capacity} onBehalfOf={acting.data.actingNow.onBehalfOf?.name} />)
                      </span>
                    </>
                  ) : (
                    <span className="marker marker-vacant">{t('org.vacant')}</span>
                  )
                ) : (
                  '…'
                )}
              </dd>
            </div>
          </dl>

          <h2>{t('post.upcoming')}</h2>
          <ErrorMessage error={acting.error} ns="admin" onRetry={acting.reload} />
          {acting.data ? (
            acting.data.upcoming.length === 0 ? (
              <p className="empty">{t('post.noUpcoming')}</p>
            ) : (
              <ul className="upcoming">
                {acting.data.upcoming.map((u, i) => (
                  <li key={`${u.at}-${u.personId}-${u.change}-${i}`}>
                    <DateTime value={u.at} />:{' '}
                    {t(`post.change.${u.kind}.${u.change}`, { name: u.name, capacity: t(`capacityShort.${u.capacity}`, { ns: 'common', defaultValue: u.capacity }) })}
                  </li>
                ))}
              </ul>
            )
          ) : null}

          <h2>{t('post.history')}</h2>
          {p.appointments.length === 0 ? (
            <p className="empty">{t('post.noHistory')}</p>
          ) : (
            <div className="table-wrap">
              <table className="responsive" data-testid="appointment-history">
                <caption className="visually-hidden">{t('post.history')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{cols.person}</th>
                    <th scope="col">{cols.capacity}</th>
                    <th scope="col">{cols.from}</th>
                    <th scope="col">{cols.to}</th>
                    <th scope="col">{cols.basis}</th>
                    <th scope="col">{cols.endReason}</th>
                    <th scope="col">{cols.state}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.appointments.map((a) => (
                    <tr key={a.id}>
                      <td data-label={cols.person}>
                        <div>
                          {a.personName}
                          <div className="muted small">{a.personNip}</div>
                        </div>
                      </td>
                      <td data-label={cols.capacity}>
                        <CapacityLabel capacity={a.capacity} />
                      </td>
                      <td data-label={cols.from}>
                        <DateTime value={a.startsAt} />
                      </td>
                      <td data-label={cols.to}>{a.endsAt ? <DateTime value={a.endsAt} /> : t('post.openEnded')}</td>
                      <td data-label={cols.basis}>{a.basis ?? '—'}</td>
                      <td data-label={cols.endReason}>{a.endReason ?? '—'}</td>
                      <td data-label={cols.state}>
                        <div>
                          {t(a.active ? 'post.active' : a.endsAt && Date.parse(a.endsAt) <= Date.now() ? 'post.ended' : 'post.scheduled')}
                          {a.active && (a.capacity === 'plt' || a.capacity === 'plh') ? (
                            <div>
                              <EndAppointment
                                appointmentId={a.id}
                                personName={a.personName}
                                capacity={a.capacity}
                                onEnded={(message) => {
                                  setNotice(message);
                                  detail.reload();
                                  acting.reload();
                                }}
                              />
                            </div>
                          ) : null}
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}

          <AppointForm
            positionId={p.id}
            onSaved={(message) => {
              setNotice(message);
              detail.reload();
              acting.reload();
            }}
          />
        </>
      ) : null}
    </Page>
  );
}

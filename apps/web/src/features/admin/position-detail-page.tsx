import { useFieldErrors } from '../../components/forms';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api';
import { CapacityLabel, DateTime, Loading, Page } from '../../components/common';
import { AreaError } from '../tasks/area-error';
import { PersonChoice, PersonPicker } from '../tasks/person-picker';
import { useApi } from '../tasks/use-api';
import { AdminNav, AdminOnly } from './admin-shell';
import type { PositionActing, PositionDetail } from './org-types';

export function PositionDetailPage() {
  return (
    <AdminOnly>
      <PositionDetailView />
    </AdminOnly>
  );
}

/** One post: who acts for it now, what is scheduled, its whole appointment history; appoint a Plt. or Plh. */
function PositionDetailView() {
  const { t } = useTranslation('admin');
  const { id = '' } = useParams();
  const detail = useApi<PositionDetail>(`/api/positions/${id}`);
  const acting = useApi<PositionActing>(`/api/positions/${id}/acting`);
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
      <AreaError error={detail.error} ns="admin" />
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
          <AreaError error={acting.error} ns="admin" />
          {acting.data ? (
            acting.data.upcoming.length === 0 ? (
              <p className="empty">{t('post.noUpcoming')}</p>
            ) : (
              <ul className="upcoming">
                {acting.data.upcoming.map((u, i) => (
                  <li key={`${u.at}-${u.personId}-${u.change}-${i}`}>
                    <DateTime value={u.at} />:{' '}
                    {t(`post.change.${u.kind}.${u.change}`, { name: u.name, capacity: t(`capacityShort.${u.capacity}`, { ns: 'tasks', defaultValue: u.capacity }) })}
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
                      <td data-label={cols.state}>{t(a.active ? 'post.active' : a.endsAt && Date.parse(a.endsAt) <= Date.now() ? 'post.ended' : 'post.scheduled')}</td>
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

const FIELDS = ['personId', 'capacity', 'startsAt', 'endsAt', 'basis'] as const;
type Field = (typeof FIELDS)[number];

/** Angkat Plt./Plh.: a Plt. for a vacant post, a Plh. (with an end) while the holder is away. */
function AppointForm({ positionId, onSaved }: { positionId: string; onSaved: (message: string) => void }) {
  const { t } = useTranslation('admin');
  const [capacity, setCapacity] = useState<'plt' | 'plh'>('plt');
  const [person, setPerson] = useState<PersonChoice | null>(null);
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [basis, setBasis] = useState('');
  const { errors, setErrors, fromApi, invalid, message } = useFieldErrors<Field>('appoint', FIELDS);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const found: Partial<Record<Field, string>> = {};
    if (!person) found.personId = t('appoint.personRequired');
    if (capacity === 'plh' && !endsAt) found.endsAt = t('appoint.endRequired');
    if (startsAt && endsAt && endsAt <= startsAt) found.endsAt = t('appoint.endBeforeStart');
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const res = await api<{ appointment: { personName: string }; openTasksMoving: number }>(`/api/positions/${positionId}/appointments`, {
        method: 'POST',
        body: {
          personId: person!.id,
          capacity,
          ...(startsAt ? { startsAt: new Date(startsAt).toISOString() } : {}),
          ...(endsAt ? { endsAt: new Date(endsAt).toISOString() } : {}),
          ...(basis.trim() ? { basis: basis.trim() } : {}),
        },
      });
      onSaved(t(`appoint.saved.${capacity}`, { name: res.appointment.personName, count: res.openTasksMoving }));
      setPerson(null);
      setStartsAt('');
      setEndsAt('');
      setBasis('');
    } catch (err) {
      setError(err);
      fromApi(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="appoint-title">
      <h2 id="appoint-title">{t('appoint.title')}</h2>
      <p className="muted small">{t('appoint.intro')}</p>
      <label htmlFor="appoint-capacity">{t('appoint.capacity')}</label>
      <select id="appoint-capacity" value={capacity} onChange={(e) => setCapacity(e.target.value as 'plt' | 'plh')} {...invalid('capacity')}>
        <option value="plt">{t('appoint.plt')}</option>
        <option value="plh">{t('appoint.plh')}</option>
      </select>
      {message('capacity')}
      <PersonPicker id="appoint-person" label={t('appoint.person')} value={person} onChange={setPerson} error={errors.personId ?? null} />
      <div className="date-pair">
        <div>
          <label htmlFor="appoint-from">{t('appoint.from')}</label>
          <input id="appoint-from" type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} {...invalid('startsAt')} />
          {message('startsAt')}
        </div>
        <div>
          <label htmlFor="appoint-to">{t(capacity === 'plh' ? 'appoint.toRequired' : 'appoint.to')}</label>
          <input id="appoint-to" type="datetime-local" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} {...invalid('endsAt')} />
          {message('endsAt')}
        </div>
      </div>
      <label htmlFor="appoint-basis">{t('appoint.basis')}</label>
      <input id="appoint-basis" value={basis} maxLength={300} onChange={(e) => setBasis(e.target.value)} {...invalid('basis')} />
      {message('basis')}
      <button type="submit" className="primary" disabled={busy}>
        {t('appoint.submit')}
      </button>
      <AreaError error={error} ns="admin" />
    </form>
  );
}

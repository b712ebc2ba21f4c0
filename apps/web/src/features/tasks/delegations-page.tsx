import { useFieldErrors } from '../../components/forms';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { DateTime, Loading, Page } from '../../components/common';
import { AreaError } from './area-error';
import { addDays, dateInput, endOfDay, startOfDay } from './dates';
import { PersonChoice, PersonPicker } from './person-picker';
import { Delegation, Paged } from './task-types';
import { useApi } from './use-api';
import './tasks.css';

interface MyAppointment {
  id: string;
  positionId: string;
  positionTitle: string | null;
  unitName: string | null;
  capacity: string;
}

const FIELDS = ['positionId', 'delegatePersonId', 'startsAt', 'endsAt', 'reason'] as const;
type Field = (typeof FIELDS)[number];

/**
 * Pelimpahan: while I am away, someone else decides the tasks of a post I act for. Lists what I
 * delegated (with Cabut) and what was delegated to me.
 */
export function DelegationsPage() {
  const { t } = useTranslation('tasks');
  const { user } = useAuth();
  const me = useApi<{ activeAppointments: MyAppointment[] }>(user ? `/api/people/${user.id}` : null);
  const given = useApi<Paged<Delegation>>('/api/delegations?role=given&pageSize=100');
  const received = useApi<Paged<Delegation>>('/api/delegations?role=received&pageSize=100');
  const [notice, setNotice] = useState('');
  const [revokeError, setRevokeError] = useState<unknown>(null);

  const revoke = async (d: Delegation) => {
    setRevokeError(null);
    try {
      await api(`/api/delegations/${d.id}/revoke`, { method: 'POST', body: {} });
      setNotice(t('delegations.revoked', { name: d.delegateName, post: d.positionTitle }));
      given.reload();
    } catch (err) {
      setRevokeError(err);
    }
  };

  return (
    <Page
      title={t('delegations.title')}
      actions={
        <Link to="/tugas" className="button-link">
          {t('delegations.toTasks')}
        </Link>
      }
    >
      <p>{t('delegations.intro')}</p>
      <p role="status" className={notice ? 'alert alert-ok' : 'visually-hidden'}>
        {notice}
      </p>
      <AreaError error={me.error} ns="tasks" />
      {me.loading ? <Loading /> : null}
      {me.data ? (
        me.data.activeAppointments.length === 0 ? (
          <p className="empty">{t('delegations.noPost')}</p>
        ) : (
          <DelegationForm
            posts={me.data.activeAppointments}
            myId={user?.id ?? ''}
            onSaved={(message) => {
              setNotice(message);
              given.reload();
            }}
          />
        )
      ) : null}

      <h2>{t('delegations.given')}</h2>
      <AreaError error={given.error ?? revokeError} ns="tasks" />
      {given.data ? <DelegationTable items={given.data.items} other="delegate" onRevoke={(d) => void revoke(d)} caption={t('delegations.given')} /> : null}

      <h2>{t('delegations.received')}</h2>
      <AreaError error={received.error} ns="tasks" />
      {received.data ? <DelegationTable items={received.data.items} other="delegator" caption={t('delegations.received')} /> : null}
    </Page>
  );
}

function DelegationForm({ posts, myId, onSaved }: { posts: MyAppointment[]; myId: string; onSaved: (message: string) => void }) {
  const { t } = useTranslation('tasks');
  const today = dateInput(new Date());
  const [positionId, setPositionId] = useState(posts[0].positionId);
  const [delegate, setDelegate] = useState<PersonChoice | null>(null);
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(dateInput(addDays(new Date(), 7)));
  const [reason, setReason] = useState('');
  const { errors, setErrors, fromApi, invalid, message } = useFieldErrors<Field>('delegation', FIELDS);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const found: Partial<Record<Field, string>> = {};
    if (!delegate) found.delegatePersonId = t('delegations.form.delegateRequired');
    if (!from) found.startsAt = t('delegations.form.fromRequired');
    if (!to) found.endsAt = t('delegations.form.toRequired');
    else if (to < today) found.endsAt = t('delegations.form.toPast');
    else if (from && to < from) found.endsAt = t('delegations.form.toBeforeFrom');
    if (!reason.trim()) found.reason = t('delegations.form.reasonRequired');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const res = await api<{ delegation: Delegation; openTasksMoving: number }>('/api/delegations', {
        method: 'POST',
        body: {
          positionId,
          delegatePersonId: delegate!.id,
          // From today: from now on; a later day: from its start.
          ...(from > today ? { startsAt: startOfDay(from).toISOString() } : {}),
          endsAt: endOfDay(to).toISOString(),
          reason: reason.trim(),
        },
      });
      onSaved(t('delegations.saved', { name: res.delegation.delegateName, post: res.delegation.positionTitle, count: res.openTasksMoving }));
      setDelegate(null);
      setReason('');
    } catch (err) {
      setError(err);
      fromApi(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="delegation-form-title">
      <h2 id="delegation-form-title">{t('delegations.form.title')}</h2>
      <label htmlFor="delegation-post">{t('delegations.form.post')}</label>
      <select id="delegation-post" value={positionId} onChange={(e) => setPositionId(e.target.value)} {...invalid('positionId')}>
        {posts.map((p) => (
          <option key={p.id} value={p.positionId}>
            {p.positionTitle}
            {p.unitName ? ` — ${p.unitName}` : ''} ({t(`capacityShort.${p.capacity}`)})
          </option>
        ))}
      </select>
      {message('positionId')}
      <PersonPicker
        id="delegation-delegate"
        label={t('delegations.form.delegate')}
        value={delegate}
        onChange={setDelegate}
        exclude={[myId]}
        error={errors.delegatePersonId ?? null}
      />
      <div className="date-pair">
        <div>
          <label htmlFor="delegation-from">{t('delegations.form.from')}</label>
          <input id="delegation-from" type="date" value={from} min={today} onChange={(e) => setFrom(e.target.value)} {...invalid('startsAt')} />
          {message('startsAt')}
        </div>
        <div>
          <label htmlFor="delegation-to">{t('delegations.form.to')}</label>
          <input id="delegation-to" type="date" value={to} min={from || today} onChange={(e) => setTo(e.target.value)} {...invalid('endsAt')} />
          {message('endsAt')}
        </div>
      </div>
      <label htmlFor="delegation-reason">{t('delegations.form.reason')}</label>
      <textarea id="delegation-reason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} {...invalid('reason')} />
      {message('reason')}
      <p className="muted small">{t('delegations.form.note')}</p>
      <button type="submit" className="primary" disabled={busy}>
        {t('delegations.form.submit')}
      </button>
      <AreaError error={error} ns="tasks" />
    </form>
  );
}

function DelegationTable({ items, other, onRevoke, caption }: { items: Delegation[]; other: 'delegate' | 'delegator'; onRevoke?: (d: Delegation) => void; caption: string }) {
  const { t } = useTranslation('tasks');
  if (items.length === 0) return <p className="empty">{t(other === 'delegate' ? 'delegations.noneGiven' : 'delegations.noneReceived')}</p>;
  const cols = {
    post: t('delegations.col.post'),
    person: t(other === 'delegate' ? 'delegations.col.delegate' : 'delegations.col.delegator'),
    from: t('delegations.col.from'),
    to: t('delegations.col.to'),
    reason: t('delegations.col.reason'),
    state: t('delegations.col.state'),
    action: t('delegations.col.action'),
  };
  return (
    <div className="table-wrap">
      <table className="responsive">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{cols.post}</th>
            <th scope="col">{cols.person}</th>
            <th scope="col">{cols.from}</th>
            <th scope="col">{cols.to}</th>
            <th scope="col">{cols.reason}</th>
            <th scope="col">{cols.state}</th>
            {onRevoke ? <th scope="col">{cols.action}</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.id} data-delegation-id={d.id}>
              <td data-label={cols.post}>{d.positionTitle}</td>
              <td data-label={cols.person}>
                {other === 'delegate' ? d.delegateName : d.delegatorName}
              </td>
              <td data-label={cols.from}>
                <DateTime value={d.startsAt} />
              </td>
              <td data-label={cols.to}>
                <DateTime value={d.endsAt} />
              </td>
              <td data-label={cols.reason}>{d.reason}</td>
              <td data-label={cols.state}>
                <span className={`badge delegation-${d.state}`}>{t(`delegations.state.${d.state}`)}</span>
              </td>
              {onRevoke ? (
                <td data-label={cols.action}>
                  {d.state === 'active' || d.state === 'scheduled' ? (
                    <button type="button" className="danger" onClick={() => onRevoke(d)} aria-label={t('delegations.revokeLabel', { name: d.delegateName, post: d.positionTitle })}>
                      {t('delegations.revoke')}
                    </button>
                  ) : (
                    '—'
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '@apps/web/src/components/error-message';
import { useFieldErrors } from '@apps/web/src/components/forms';
import { PersonChoice, PersonPicker } from '@apps/web/src/components/person-picker';
import { api } from '@apps/web/src/lib/api';
import type { DelegationChangeView, PersonAppointmentView } from '@apps/web/src/lib/api-types';
import { addDays, dateInput, endOfDay, startOfDay } from '@apps/web/src/lib/dates';

const FIELDS = ['positionId', 'delegatePersonId', 'startsAt', 'endsAt', 'reason'] as const;
type Field = (typeof FIELDS)[number];

/** Pelimpahan: one of my posts to another person for a date range, with a reason. */
export function DelegationForm({ posts, myId, onSaved }: { posts: PersonAppointmentView[]; myId: string; onSaved: (message: string) => void }) {
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
      const res = await api<DelegationChangeView>('/api/delegations', {
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
            {p.unitName ? ` — ${p.unitName}` : ''} ({t(`capacityShort.${p.capacity}`, { ns: 'common' })})
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
      <ErrorMessage error={error} ns="tasks" />
    </form>
  );
}

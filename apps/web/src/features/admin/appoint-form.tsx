import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '@apps/web/src/components/error-message';
import { useFieldErrors } from '@apps/web/src/components/forms';
import { PersonChoice, PersonPicker } from '@apps/web/src/components/person-picker';
import { api } from '@apps/web/src/lib/api';
import type { AppointmentChangeView } from '@apps/web/src/lib/api-types';

const FIELDS = ['personId', 'capacity', 'startsAt', 'endsAt', 'basis'] as const;
type Field = (typeof FIELDS)[number];

/** Angkat Plt./Plh.: a Plt. for a vacant post, a Plh. (with an end) while the holder is away. */
export function AppointForm({ positionId, onSaved }: { positionId: string; onSaved: (message: string) => void }) {
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
      const res = await api<AppointmentChangeView>(`/api/positions/${positionId}/appointments`, {
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
      <ErrorMessage error={error} ns="admin" />
    </form>
  );
}

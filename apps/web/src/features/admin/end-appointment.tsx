import { FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '@apps/web/src/components/error-message';
import { api } from '@apps/web/src/lib/api';
import type { AppointmentChangeView } from '@apps/web/src/lib/api-types';

/**
 * Akhiri penunjukan: ends a Plt. or Plh. term now (POST /api/appointments/:id/end), after the
 * administrator confirms and says why; the post's open tasks move to whoever acts for it next.
 */
export function EndAppointment({
  appointmentId,
  personName,
  capacity,
  onEnded,
}: {
  appointmentId: string;
  personName: string;
  capacity: string;
  onEnded: (message: string) => void;
}) {
  const { t } = useTranslation('admin');
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const reasonRef = useRef<HTMLInputElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const id = `end-${appointmentId}`;
  const who = { name: personName, capacity: t(`capacity.${capacity}`, { ns: 'common', defaultValue: capacity }) };

  useEffect(() => {
    if (asking) reasonRef.current?.focus();
  }, [asking]);

  const confirm = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      const res = await api<AppointmentChangeView>(`/api/appointments/${appointmentId}/end`, { method: 'POST', body: { reason: reason.trim() } });
      onEnded(t('endAppointment.done', { ...who, count: res.openTasksMoving }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (!asking) {
    return (
      <button type="button" ref={openRef} className="link-button danger-link" onClick={() => setAsking(true)} aria-label={t('endAppointment.openFor', who)}>
        {t('endAppointment.open')}
      </button>
    );
  }
  return (
    <form className="end-appointment" onSubmit={(e) => void confirm(e)} noValidate aria-label={t('endAppointment.title', who)}>
      <p className="small">{t('endAppointment.question', who)}</p>
      <label htmlFor={`${id}-reason`}>{t('endAppointment.reason')}</label>
      <input
        id={`${id}-reason`}
        ref={reasonRef}
        value={reason}
        maxLength={300}
        onChange={(e) => setReason(e.target.value)}
        aria-invalid={missing ? true : undefined}
        aria-describedby={missing ? `${id}-reason-error` : undefined}
      />
      {missing ? (
        <p id={`${id}-reason-error`} className="field-error" role="alert">
          {t('endAppointment.reasonRequired')}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="danger" disabled={busy}>
          {t('endAppointment.confirm')}
        </button>
        <button
          type="button"
          onClick={() => {
            setAsking(false);
            setError(null);
            setMissing(false);
          }}
        >
          {t('endAppointment.cancel')}
        </button>
      </div>
      <ErrorMessage error={error} ns="admin" />
    </form>
  );
}

import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '@apps/web/src/components/error-message';
import { PersonChoice, PersonPicker } from '@apps/web/src/components/person-picker';
import { api } from '@apps/web/src/lib/api';
import type { AdminTaskView, AssignOutcomeView, AssignTasksView } from '@apps/web/src/lib/api-types';
import { fieldMessages } from '@apps/web/src/lib/errors';

/**
 * Disposisi: the chosen tasks go to one person, with a reason (POST /api/admin/tasks/reassign). The
 * answer says per task whether it moved or was skipped, and why.
 */
export function ReassignPanel({ tasks, onDone, onCancel }: { tasks: AdminTaskView[]; onDone: (results: AssignOutcomeView[]) => void; onCancel: () => void }) {
  const { t } = useTranslation('admin');
  const [person, setPerson] = useState<PersonChoice | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ person?: string; reason?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const found: { person?: string; reason?: string } = {};
    if (!person) found.person = t('reassign.personRequired');
    if (!reason.trim()) found.reason = t('reassign.reasonRequired');
    setErrors(found);
    if (found.person || found.reason) return;
    setBusy(true);
    try {
      const res = await api<AssignTasksView>('/api/admin/tasks/reassign', {
        method: 'POST',
        body: { taskIds: tasks.map((x) => x.taskId), toPersonId: person!.id, reason: reason.trim() },
      });
      onDone(res.results);
    } catch (err) {
      setError(err);
      const personErr = fieldMessages(err, 'toPersonId');
      const reasonErr = fieldMessages(err, 'reason');
      setErrors({ person: personErr.join(' ') || undefined, reason: reasonErr.join(' ') || undefined });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form reassign-panel" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="reassign-title">
      <h2 id="reassign-title">{t('reassign.title', { count: tasks.length })}</h2>
      <ul className="small">
        {tasks.map((x) => (
          <li key={x.taskId}>
            {x.proposalTitle} — {x.stageName}
          </li>
        ))}
      </ul>
      <PersonPicker id="reassign-person" label={t('reassign.person')} value={person} onChange={setPerson} error={errors.person ?? null} />
      <label htmlFor="reassign-reason">{t('reassign.reason')}</label>
      <textarea
        id="reassign-reason"
        value={reason}
        maxLength={2000}
        onChange={(e) => setReason(e.target.value)}
        aria-invalid={errors.reason ? true : undefined}
        aria-describedby={errors.reason ? 'reassign-reason-error' : undefined}
      />
      {errors.reason ? (
        <p id="reassign-reason-error" className="field-error" role="alert">
          {errors.reason}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {t('reassign.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('reassign.cancel')}
        </button>
      </div>
      <ErrorMessage error={error} ns="admin" />
    </form>
  );
}

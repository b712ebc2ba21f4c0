import { FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '@apps/web/src/components/error-message';
import { api } from '@apps/web/src/lib/api';
import { ApiError } from '@apps/web/src/lib/errors';
import { LIMITS } from '../form/proposal-form';
import { NS } from '../proposal-values';
import { useMessageText } from '../use-message-text';

/** Tarik Usulan: the proposer ends the approval, with a reason. */
export function WithdrawForm({ proposalId, onCancel, onDone }: { proposalId: string; onCancel: () => void; onDone: () => void }) {
  const { t } = useTranslation(NS);
  const messageText = useMessageText();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => input.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (reason.trim() === '') return setFieldError(messageText({ key: 'reasonRequired' }));
    if (reason.length > LIMITS.withdrawReason) return setFieldError(messageText({ key: 'maxLength', params: { n: LIMITS.withdrawReason } }));
    setFieldError(null);
    setBusy(true);
    try {
      await api(`/api/proposals/${proposalId}/withdraw`, { method: 'POST', body: { reason } });
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.fields.reason) setFieldError(messageText({ key: 'reasonRequired' }));
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card withdraw-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">{t('withdraw.title')}</h2>
      <p>{t('withdraw.warning')}</p>
      <ErrorMessage error={error} ns="proposals" />
      <div className="field">
        <label htmlFor="withdraw-reason">
          {t('withdraw.reason')}
          <span className="required-mark" aria-hidden="true">
            {' '}
            *
          </span>
        </label>
        <textarea
          id="withdraw-reason"
          ref={input}
          required
          value={reason}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? 'withdraw-reason-error' : undefined}
          onChange={(e) => {
            setReason(e.target.value);
            setFieldError(null);
          }}
        />
        {fieldError ? (
          <p className="field-error" id="withdraw-reason-error" role="alert">
            {fieldError}
          </p>
        ) : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="danger" disabled={busy}>
          {t('withdraw.confirm')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('withdraw.cancel')}
        </button>
      </div>
    </form>
  );
}

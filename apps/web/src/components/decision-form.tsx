import { FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey } from '@apps/web/src/lib/api';
import type { Decision } from '@apps/web/src/lib/api-types';
import { MAX_COMMENT, needsConfirmation, needsReason } from '@apps/web/src/lib/decision-rules';
import { ErrorMessage } from './error-message';

/** The task a decision is taken on, and the proposal's title to name it by. */
export interface DecisionTask {
  id: string;
  proposalTitle: string;
}

/**
 * Setujui / Tolak / Kembalikan with a Catatan, on one open task. The reason rule is checked here first
 * (same rule as the API) so the reader learns it at once. Approving and rejecting say what will follow
 * (`outcome`) and ask once; the API's own refusals are explained below the buttons. Its words are
 * those of Tugas Saya (the `tasks` namespace), wherever the form is shown.
 */
export function DecisionForm({
  task,
  mayReturn = true,
  outcome,
  onDecided,
}: {
  task: DecisionTask;
  /** False where the stage does not allow returning the proposal for revision: no Kembalikan then. */
  mayReturn?: boolean;
  /** What approving or rejecting this task will lead to, in words. */
  outcome: (decision: 'approve' | 'reject') => string;
  onDecided: (decision: Decision) => void;
}) {
  const { t } = useTranslation('tasks');
  const [comment, setComment] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<Decision | null>(null);
  const [confirming, setConfirming] = useState<'approve' | 'reject' | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const commentId = `comment-${task.id}`;
  const confirmId = `confirm-${task.id}`;

  // The question takes the focus, so a keyboard or screen-reader user meets it at once.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  /** The Catatan as it will be sent, or null (with the reason shown) when the rule refuses it. */
  const checkedComment = (decision: Decision): string | null => {
    const text = comment.trim();
    if (needsReason(decision) && !text) {
      setFieldError(t(decision === 'reject' ? 'decide.reasonRequiredReject' : 'decide.reasonRequiredReturn'));
      document.getElementById(commentId)?.focus();
      return null;
    }
    if (text.length > MAX_COMMENT) {
      setFieldError(t('decide.tooLong', { max: MAX_COMMENT }));
      return null;
    }
    setFieldError(null);
    return text;
  };

  const choose = (decision: Decision) => {
    setError(null);
    if (checkedComment(decision) === null) return;
    if (needsConfirmation(decision)) setConfirming(decision);
    else void send(decision);
  };

  const send = async (decision: Decision) => {
    const text = checkedComment(decision);
    setConfirming(null);
    if (text === null) return;
    setBusy(decision);
    try {
      await api(`/api/tasks/${task.id}/decision`, {
        method: 'POST',
        body: { decision, ...(text ? { comment: text } : {}) },
        // One key per attempt: a retried request (the same attempt) applies once.
        headers: { 'Idempotency-Key': newIdempotencyKey() },
      });
      onDecided(decision);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <form className="decision-form" onSubmit={(e: FormEvent) => e.preventDefault()} aria-label={t('decide.formLabel', { title: task.proposalTitle })}>
      <label htmlFor={commentId}>{t('decide.comment')}</label>
      <textarea
        id={commentId}
        value={comment}
        maxLength={MAX_COMMENT}
        readOnly={confirming !== null}
        onChange={(e) => {
          setComment(e.target.value);
          if (fieldError && e.target.value.trim()) setFieldError(null);
        }}
        aria-invalid={fieldError ? true : undefined}
        aria-describedby={`${commentId}-hint${fieldError ? ` ${commentId}-error` : ''}`}
      />
      <p id={`${commentId}-hint`} className="muted small">
        {t(mayReturn ? 'decide.commentHint' : 'decide.commentHintNoReturn')}
      </p>
      {fieldError ? (
        <p id={`${commentId}-error`} className="field-error" role="alert">
          {fieldError}
        </p>
      ) : null}
      {confirming ? (
        <div className={`confirm-box confirm-${confirming}`} role="group" aria-labelledby={`${confirmId}-question`} data-testid="decision-confirm">
          <p id={`${confirmId}-question`}>
            <strong>{t(`decide.confirm.${confirming}Question`, { title: task.proposalTitle })}</strong>
          </p>
          <p id={`${confirmId}-outcome`}>{outcome(confirming)}</p>
          <div className="decision-buttons">
            <button
              type="button"
              ref={confirmButton}
              className={confirming === 'approve' ? 'primary' : 'danger'}
              aria-describedby={`${confirmId}-question ${confirmId}-outcome`}
              onClick={() => void send(confirming)}
            >
              {t(`decide.confirm.${confirming}Yes`)}
            </button>
            <button
              type="button"
              onClick={() => {
                setConfirming(null);
                document.getElementById(commentId)?.focus();
              }}
            >
              {t('decide.confirm.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="decision-buttons">
          <button type="button" className="primary" disabled={busy !== null} onClick={() => choose('approve')}>
            {t('decide.approve')}
          </button>
          <button type="button" className="danger" disabled={busy !== null} onClick={() => choose('reject')}>
            {t('decide.reject')}
          </button>
          {mayReturn ? (
            <button type="button" disabled={busy !== null} onClick={() => choose('return')}>
              {t('decide.return')}
            </button>
          ) : null}
        </div>
      )}
      {busy ? (
        <p className="muted small" role="status">
          {t('decide.sending')}
        </p>
      ) : null}
      <ErrorMessage error={error} ns="tasks" />
    </form>
  );
}

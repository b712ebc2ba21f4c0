import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '@apps/web/src/components/error-message';
import { api, newIdempotencyKey } from '@apps/web/src/lib/api';
import type { Decision, InboxTaskView } from '@apps/web/src/lib/api-types';
import { MAX_COMMENT, needsReason } from './task-rules';

/**
 * Setujui / Tolak / Kembalikan with a Catatan. The reason rule is checked here first (same rule as the
 * API) so the reader learns it at once; the API's own refusals are explained below the buttons.
 */
export function DecisionForm({ task, onDecided }: { task: InboxTaskView; onDecided: (decision: Decision) => void }) {
  const { t } = useTranslation('tasks');
  const [comment, setComment] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<Decision | null>(null);
  const commentId = `comment-${task.id}`;

  const decide = async (decision: Decision) => {
    setError(null);
    const text = comment.trim();
    if (needsReason(decision) && !text) {
      setFieldError(t(decision === 'reject' ? 'decide.reasonRequiredReject' : 'decide.reasonRequiredReturn'));
      document.getElementById(commentId)?.focus();
      return;
    }
    if (text.length > MAX_COMMENT) {
      setFieldError(t('decide.tooLong', { max: MAX_COMMENT }));
      return;
    }
    setFieldError(null);
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
        onChange={(e) => {
          setComment(e.target.value);
          if (fieldError && e.target.value.trim()) setFieldError(null);
        }}
        aria-invalid={fieldError ? true : undefined}
        aria-describedby={`${commentId}-hint${fieldError ? ` ${commentId}-error` : ''}`}
      />
      <p id={`${commentId}-hint`} className="muted small">
        {t('decide.commentHint')}
      </p>
      {fieldError ? (
        <p id={`${commentId}-error`} className="field-error" role="alert">
          {fieldError}
        </p>
      ) : null}
      <div className="decision-buttons">
        <button type="button" className="primary" disabled={busy !== null} onClick={() => void decide('approve')}>
          {t('decide.approve')}
        </button>
        <button type="button" className="danger" disabled={busy !== null} onClick={() => void decide('reject')}>
          {t('decide.reject')}
        </button>
        <button type="button" disabled={busy !== null} onClick={() => void decide('return')}>
          {t('decide.return')}
        </button>
      </div>
      {busy ? (
        <p className="muted small" role="status">
          {t('decide.sending')}
        </p>
      ) : null}
      <ErrorMessage error={error} ns="tasks" />
    </form>
  );
}

import { useMemo, useState } from 'react';
import { type NavigateOptions, useLocation, useNavigate } from 'react-router';
import { api, newIdempotencyKey } from '@apps/web/src/lib/api';
import type { ProposalView } from '@apps/web/src/lib/api-types';
import { ApiError } from '@apps/web/src/lib/errors';
import { createBody, LIMITS, patchBody, serverErrors, validateForm } from './proposal-form';
import type { ProposalForm } from './use-proposal-form';
import { useUnsavedGuard } from './use-unsaved-guard';

export type Action = 'save' | 'submit';

/**
 * Simpan Draf / Simpan Perubahan and Ajukan / Ajukan Ulang. The form's rules are checked first (a
 * draft needs only a title; submitting, everything); a new proposal is created (and submitted at
 * once if asked); a stored one is patched with what changed (If-Match its version), then submitted
 * or resubmitted. The API's field messages land on the fields; `notice` is the `flash.*` key of
 * what happened. Leaving with unsaved text is held by `blocker` (see useUnsavedGuard), except
 * for the page that follows a save.
 */
export function useProposalSubmit(f: ProposalForm) {
  const { blocker, allowLeaving } = useUnsavedGuard(f.dirty);
  const navigate = useNavigate();
  const go = (to: string, options: NavigateOptions) => {
    allowLeaving();
    return navigate(to, options);
  };
  const location = useLocation();
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(() => (location.state as { flash?: string } | null)?.flash ?? null);
  const [busy, setBusy] = useState(false);
  // One key for the page: a retried resubmission applies once.
  const resubmitKey = useMemo(newIdempotencyKey, []);

  const send = async (action: Action, stored: ProposalView | null) => {
    if (!stored) {
      const created = await api<ProposalView>('/api/proposals', { method: 'POST', body: createBody(f.form, action === 'submit') });
      if (action === 'submit') void go(`/usulan/${created.id}`, { state: { flash: 'submitted' } });
      else void go(`/usulan/${created.id}/ubah`, { replace: true, state: { flash: 'draftSaved' } });
      return;
    }
    let current = stored;
    const changes = patchBody(f.form, stored);
    if (Object.keys(changes).length > 0) {
      current = await api<ProposalView>(`/api/proposals/${stored.id}`, { method: 'PATCH', body: changes, headers: { 'if-match': String(stored.version) } });
      f.setStored(current);
    }
    if (action === 'save') {
      setNotice(Object.keys(changes).length === 0 ? 'nothingChanged' : current.status === 'draft' ? 'draftSaved' : 'changesSaved');
      return;
    }
    if (current.status === 'draft') {
      await api(`/api/proposals/${current.id}/submit`, { method: 'POST' });
      void go(`/usulan/${current.id}`, { state: { flash: 'submitted' } });
    } else {
      await api(`/api/proposals/${current.id}/resubmit`, { method: 'POST', body: f.note.trim() ? { note: f.note } : {}, headers: { 'idempotency-key': resubmitKey } });
      void go(`/usulan/${current.id}`, { state: { flash: 'resubmitted' } });
    }
  };

  const act = async (action: Action) => {
    setError(null);
    setNotice(null);
    // Saving a draft (or a new proposal as one) needs only a title; a returned proposal stays complete.
    const draft = action === 'save' && (!f.stored || f.stored.status === 'draft');
    const found = validateForm(f.form, draft ? 'draft' : 'submit', f.stored);
    if (f.note.length > LIMITS.resubmitNote) found.note = [{ key: 'maxLength', params: { n: LIMITS.resubmitNote } }];
    if (Object.keys(found).length > 0) {
      f.setErrors(found);
      return;
    }
    f.setErrors({});
    setBusy(true);
    try {
      await send(action, f.stored);
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length > 0) f.setErrors(serverErrors(err.fields, f.form));
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return { act, busy, error, notice, blocker };
}

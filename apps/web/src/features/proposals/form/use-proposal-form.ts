import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ProposalView } from '@apps/web/src/lib/api-types';
import { useApi } from '@apps/web/src/lib/use-api';
import { emptyAttachment, emptyForm, emptyIndicator, FieldErrors, fieldId, fingerprint, formOf, normalizePath, ProposalFormState } from './proposal-form';

export type TextField =
  | 'title' | 'problem' | 'proposedChange' | 'goals' | 'benefits' | 'category' | 'type' | 'form' | 'initiatorKind'
  | 'budgetEstimate' | 'pilotDurationMonths' | 'pilotScope' | 'risks';
export type RowList = 'indicators' | 'attachments';

/** Where a message of the form state's own fields is shown, as the API names them. */
const PATH_OF: Partial<Record<TextField, string>> = { pilotDurationMonths: 'pilotPlan.durationMonths', pilotScope: 'pilotPlan.scope' };
export const pathOf = (field: TextField) => PATH_OF[field] ?? field;

/** The attributes that tie an input to its hint and its message. */
export interface Described {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * The state of the proposal form: the stored proposal being edited (none for a new one), what the
 * inputs hold, the messages by field path, and the changes the inputs make. A change to a field
 * clears that field's messages. `dirty`: something typed is not saved yet (the content differs
 * from what was loaded or last saved, or a resubmission note is written).
 */
export function useProposalForm(id: string | undefined) {
  const loaded = useApi<ProposalView>(id ? `/api/proposals/${id}` : null);
  const [stored, setStoredView] = useState<ProposalView | null>(null);
  const [form, setForm] = useState<ProposalFormState>(emptyForm);
  const [saved, setSaved] = useState<ProposalFormState>(emptyForm);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [note, setNoteText] = useState('');

  /** The proposal as the API now has it: also what the form is compared with. */
  const setStored = useCallback((view: ProposalView) => {
    setStoredView(view);
    setSaved(formOf(view));
  }, []);

  useEffect(() => {
    if (!loaded.data) return;
    setStored(loaded.data);
    setForm(formOf(loaded.data));
  }, [loaded.data, setStored]);

  const dirty = useMemo(() => fingerprint(form) !== fingerprint(saved) || note.trim() !== '', [form, saved, note]);

  const clearErrors = useCallback(
    (predicate: (path: string) => boolean) =>
      setErrors((current) => (Object.keys(current).some(predicate) ? Object.fromEntries(Object.entries(current).filter(([p]) => !predicate(p))) : current)),
    [],
  );
  const set = (field: TextField) => (value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    clearErrors((p) => p === pathOf(field) || (field.startsWith('pilot') && p === 'pilotPlan'));
  };
  const setRow = <K extends RowList>(list: K, index: number, key: string, value: string) => {
    setForm((f) => ({ ...f, [list]: f[list].map((row, i) => (i === index ? { ...row, [key]: value } : row)) }));
    clearErrors((p) => p === `${list}.${index}.${key}` || p === `${list}.${index}` || p === list);
  };
  const removeRow = (list: RowList, index: number) => {
    setForm((f) => ({ ...f, [list]: f[list].filter((_, i) => i !== index) }));
    // Rows after it move up: their messages would point at the wrong row.
    clearErrors((p) => p === list || p.startsWith(`${list}.`));
  };
  const addRow = (list: RowList) =>
    setForm((f) => (list === 'indicators' ? { ...f, indicators: [...f.indicators, emptyIndicator()] } : { ...f, attachments: [...f.attachments, emptyAttachment()] }));
  const addUnit = (unitId: string) => setForm((f) => ({ ...f, collaboratingUnitIds: [...f.collaboratingUnitIds, unitId] }));
  const removeUnit = (unitId: string) => {
    setForm((f) => ({ ...f, collaboratingUnitIds: f.collaboratingUnitIds.filter((x) => x !== unitId) }));
    clearErrors((p) => p.startsWith('collaboratingUnitIds'));
  };
  const setNote = (value: string) => {
    setNoteText(value);
    clearErrors((p) => p === 'note');
  };

  const describe = (path: string, hint = false): Described => {
    const idOf = fieldId(path);
    const invalid = (errors[normalizePath(path)]?.length ?? 0) > 0;
    const ids = [hint ? `${idOf}-hint` : null, invalid ? `${idOf}-error` : null].filter(Boolean).join(' ');
    return { id: idOf, 'aria-invalid': invalid || undefined, 'aria-describedby': ids || undefined };
  };

  return { loadError: loaded.error, stored, setStored, form, dirty, errors, setErrors, note, setNote, set, setRow, removeRow, addRow, addUnit, removeUnit, describe };
}

/** The form's state and changes, as its sections receive them. */
export type ProposalForm = ReturnType<typeof useProposalForm>;

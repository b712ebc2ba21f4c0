import { useTranslation } from 'react-i18next';
import { NS } from '../proposal-values';
import { FieldMessages } from './form-fields';
import { fieldId } from './proposal-form';
import type { ProposalForm } from './use-proposal-form';

/** Ajukan Ulang: a note to the approvers on what changed (a returned proposal only). */
export function ResubmitSection({ f }: { f: ProposalForm }) {
  const { t } = useTranslation(NS);
  return (
    <fieldset className="card">
      <legend>{t('form.sections.resubmit')}</legend>
      <div className="field">
        <label htmlFor={fieldId('note')}>
          {t('fields.resubmitNote')}
          <span className="optional"> {t('form.optional')}</span>
        </label>
        <p className="hint" id={`${fieldId('note')}-hint`}>
          {t('form.hints.note')}
        </p>
        <textarea {...f.describe('note', true)} value={f.note} onChange={(e) => f.setNote(e.target.value)} />
        <FieldMessages f={f} path="note" />
      </div>
    </fieldset>
  );
}

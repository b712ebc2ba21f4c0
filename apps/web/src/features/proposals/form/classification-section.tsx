import { useTranslation } from 'react-i18next';
import { INITIATOR_KINDS, NS, PROPOSAL_FORMS, PROPOSAL_TYPES } from '../proposal-values';
import { ChoiceField, TextField } from './form-fields';
import type { ProposalForm } from './use-proposal-form';

/** Klasifikasi: the category (suggested from the chain templates' categories), type, form and initiator. */
export function ClassificationSection({ f, categories }: { f: ProposalForm; categories: string[] }) {
  const { t } = useTranslation(NS);
  return (
    <fieldset className="card">
      <legend>{t('form.sections.classification')}</legend>
      <TextField f={f} field="category" label={t('fields.category')} required hint={t('form.hints.category')} list="category-options" />
      <datalist id="category-options">
        {categories.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <div className="field-row">
        <ChoiceField f={f} field="type" values={PROPOSAL_TYPES} prefix="values.type" />
        <ChoiceField f={f} field="form" values={PROPOSAL_FORMS} prefix="values.form" />
        <ChoiceField f={f} field="initiatorKind" values={INITIATOR_KINDS} prefix="values.initiatorKind" />
      </div>
    </fieldset>
  );
}

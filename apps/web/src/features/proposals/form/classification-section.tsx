import { useTranslation } from 'react-i18next';
import { INITIATOR_KINDS, NS, PROPOSAL_FORMS, PROPOSAL_TYPES } from '../proposal-values';
import { ChoiceField } from './form-fields';
import type { ProposalForm } from './use-proposal-form';

/**
 * Klasifikasi: what kind of innovation it is (Jenis: digital or not; Bentuk: what it renews, per
 * PP 38/2017) and who started it. None of these routes the proposal: the category does.
 */
export function ClassificationSection({ f }: { f: ProposalForm }) {
  const { t } = useTranslation(NS);
  return (
    <fieldset className="card">
      <legend>{t('form.sections.classification')}</legend>
      <p className="hint" id="classification-hint">
        {t('form.hints.classification')}
      </p>
      <div className="field-row">
        <ChoiceField f={f} field="type" values={PROPOSAL_TYPES} prefix="values.type" />
        <ChoiceField f={f} field="form" values={PROPOSAL_FORMS} prefix="values.form" />
        <ChoiceField f={f} field="initiatorKind" values={INITIATOR_KINDS} prefix="values.initiatorKind" />
      </div>
    </fieldset>
  );
}

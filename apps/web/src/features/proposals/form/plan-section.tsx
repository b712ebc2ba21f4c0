import { useTranslation } from 'react-i18next';
import { NS } from '../proposal-values';
import { BudgetField } from './budget-field';
import { FieldMessages, TextField } from './form-fields';
import { fieldId } from './proposal-form';
import type { ProposalForm } from './use-proposal-form';

/** Rencana: the budget estimate, the pilot plan (both parts or neither) and the risks. */
export function PlanSection({ f }: { f: ProposalForm }) {
  const { t } = useTranslation(NS);
  return (
    <fieldset className="card">
      <legend>{t('form.sections.plan')}</legend>
      <BudgetField f={f} />
      <div className="field-group" id={fieldId('pilotPlan')}>
        <p className="group-label">{t('fields.pilotPlan')}</p>
        <p className="hint">{t('form.hints.pilot')}</p>
        <FieldMessages f={f} path="pilotPlan" />
        <div className="field-row">
          <TextField f={f} field="pilotDurationMonths" label={t('fields.pilotDuration')} inputMode="numeric" />
          <TextField f={f} field="pilotScope" label={t('fields.pilotScope')} />
        </div>
      </div>
      <TextField f={f} field="risks" label={t('fields.risks')} multiline />
    </fieldset>
  );
}

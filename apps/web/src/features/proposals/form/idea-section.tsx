import { useTranslation } from 'react-i18next';
import { NS } from '../proposal-values';
import { TextField } from './form-fields';
import type { ProposalForm } from './use-proposal-form';

/** Gagasan: the title, the problem, the change proposed, its goals and benefits. */
export function IdeaSection({ f }: { f: ProposalForm }) {
  const { t } = useTranslation(NS);
  return (
    <fieldset className="card">
      <legend>{t('form.sections.idea')}</legend>
      <TextField f={f} field="title" label={t('fields.title')} required hint={t('form.hints.title')} />
      <TextField f={f} field="problem" label={t('fields.problem')} required multiline />
      <TextField f={f} field="proposedChange" label={t('fields.proposedChange')} required multiline />
      <TextField f={f} field="goals" label={t('fields.goals')} multiline />
      <TextField f={f} field="benefits" label={t('fields.benefits')} multiline />
    </fieldset>
  );
}

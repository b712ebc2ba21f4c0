import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NS } from '../proposal-values';
import { useMessageText } from '../use-message-text';
import { FieldMessages } from './form-fields';
import { formatRupiah, magnitudeOf, parseRupiah } from './money';
import { budgetMessages, fieldId } from './proposal-form';
import type { ProposalForm } from './use-proposal-form';

/**
 * Perkiraan anggaran, typed as people write it ("Rp 75 juta", "75.000.000", "1,5 M"). Below the
 * input, how it reads ("Rp 75.000.000 (Rp 75 juta)") as it is typed; leaving the field writes it
 * out in full, or, if it does not read as an amount, says why (the form's messages come on saving).
 */
export function BudgetField({ f }: { f: ProposalForm }) {
  const { t, i18n } = useTranslation(NS);
  const messageText = useMessageText();
  const [left, setLeft] = useState(false);
  const text = f.form.budgetEstimate;
  const reading = text.trim() === '' ? null : parseRupiah(text);
  const id = fieldId('budgetEstimate');
  const props = f.describe('budgetEstimate', true);

  let line: string | null = null;
  if (reading?.ok) {
    const magnitude = magnitudeOf(reading.value, i18n.language === 'en' ? '.' : ',');
    const words = magnitude && t(magnitude.exact ? 'form.money.words' : 'form.money.about', { amount: magnitude.amount, unit: t(`form.money.units.${magnitude.unit}`) });
    line = words ? t('form.money.readAsWords', { amount: formatRupiah(reading.value), words }) : t('form.money.readAs', { amount: formatRupiah(reading.value) });
  }
  const problem = reading && !reading.ok && left && !f.errors.budgetEstimate ? budgetMessages(text).map(messageText).join(' ') : null;

  return (
    <div className="field">
      <label htmlFor={id}>
        {t('fields.budgetEstimate')}
        <span className="optional"> {t('form.optional')}</span>
      </label>
      <p className="hint" id={`${id}-hint`}>
        {t('form.hints.budget')}
      </p>
      <input
        {...props}
        aria-describedby={[props['aria-describedby'], `${id}-reading`].filter(Boolean).join(' ')}
        aria-invalid={props['aria-invalid'] ?? (problem ? true : undefined)}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={text}
        onChange={(e) => {
          setLeft(false);
          f.set('budgetEstimate')(e.target.value);
        }}
        onBlur={() => {
          setLeft(true);
          if (reading?.ok) f.set('budgetEstimate')(formatRupiah(reading.value));
        }}
      />
      <p id={`${id}-reading`} className={problem ? 'field-error' : 'hint budget-reading'} aria-live="polite" data-testid="budget-reading">
        {problem ?? line}
      </p>
      <FieldMessages f={f} path="budgetEstimate" />
    </div>
  );
}

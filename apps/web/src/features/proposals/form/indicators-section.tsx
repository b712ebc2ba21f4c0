import { useTranslation } from 'react-i18next';
import { NS } from '../proposal-values';
import { FieldMessages, RowInput } from './form-fields';
import { fieldId, LIMITS } from './proposal-form';
import type { ProposalForm } from './use-proposal-form';

/** Indikator: rows of name, baseline and target; rows left blank are not sent. */
export function IndicatorsSection({ f }: { f: ProposalForm }) {
  const { t } = useTranslation(NS);
  return (
    <fieldset className="card" id={fieldId('indicators')}>
      <legend>{t('fields.indicators')}</legend>
      <p className="hint">{t('form.hints.indicators')}</p>
      <FieldMessages f={f} path="indicators" />
      {f.form.indicators.map((row, i) => (
        <fieldset key={row.rowId} className="row-card">
          <legend>{t('form.indicatorN', { n: i + 1 })}</legend>
          <div className="field-row">
            <RowInput f={f} label={t('fields.indicatorName')} required path={`indicators.${i}.name`} value={row.name} onChange={(v) => f.setRow('indicators', i, 'name', v)} />
            <RowInput f={f} label={t('fields.baseline')} path={`indicators.${i}.baseline`} value={row.baseline} onChange={(v) => f.setRow('indicators', i, 'baseline', v)} />
            <RowInput f={f} label={t('fields.target')} path={`indicators.${i}.target`} value={row.target} onChange={(v) => f.setRow('indicators', i, 'target', v)} />
          </div>
          <FieldMessages f={f} path={`indicators.${i}`} />
          <button type="button" className="link-button" onClick={() => f.removeRow('indicators', i)}>
            {t('form.removeIndicator', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button type="button" className="add-row" disabled={f.form.indicators.length >= LIMITS.rows} onClick={() => f.addRow('indicators')}>
        {t('form.addIndicator')}
      </button>
    </fieldset>
  );
}

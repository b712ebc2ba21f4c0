import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '@apps/web/src/components/error-message';
import type { UnitView } from '@apps/web/src/lib/api-types';
import { unitLabel } from '@apps/web/src/lib/format';
import { NS } from '../proposal-values';
import { FieldMessages } from './form-fields';
import { fieldId, LIMITS } from './proposal-form';
import type { ProposalForm } from './use-proposal-form';

/** Unit kolaborasi: the units working with the proposer's, picked from the unit tree. */
export function UnitsSection({ f, units, unitsError }: { f: ProposalForm; units: UnitView[] | null; unitsError: unknown }) {
  const { t } = useTranslation(NS);
  const [unitToAdd, setUnitToAdd] = useState('');
  const unitList = units ?? [];
  const unitName = (unitId: string) => unitList.find((u) => u.id === unitId)?.name ?? unitId;
  const chosen = f.form.collaboratingUnitIds;
  return (
    <fieldset className="card" id={fieldId('collaboratingUnitIds')}>
      <legend>{t('fields.collaboratingUnits')}</legend>
      <p className="hint">{t('form.hints.units')}</p>
      {chosen.length === 0 ? (
        <p className="muted">{t('form.noUnits')}</p>
      ) : (
        <ul className="chips">
          {chosen.map((unitId) => (
            <li key={unitId} className="chip">
              <span>{unitName(unitId)}</span>
              <button type="button" className="link-button" aria-label={t('form.removeUnit', { name: unitName(unitId) })} onClick={() => f.removeUnit(unitId)}>
                {t('form.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <FieldMessages f={f} path="collaboratingUnitIds" />
      <div className="inline-add">
        <div className="field grow">
          <label htmlFor="unit-to-add">{t('form.chooseUnit')}</label>
          <select id="unit-to-add" value={unitToAdd} onChange={(e) => setUnitToAdd(e.target.value)} disabled={!units}>
            <option value="">{t('form.choose')}</option>
            {unitList
              .filter((u) => !chosen.includes(u.id))
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {unitLabel(u)}
                </option>
              ))}
          </select>
        </div>
        <button
          type="button"
          disabled={!unitToAdd || chosen.length >= LIMITS.rows}
          onClick={() => {
            f.addUnit(unitToAdd);
            setUnitToAdd('');
          }}
        >
          {t('form.addUnit')}
        </button>
      </div>
      {unitsError ? <ErrorMessage error={unitsError} ns="proposals" /> : null}
    </fieldset>
  );
}

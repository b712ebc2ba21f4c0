import { useTranslation } from 'react-i18next';
import { Unit, unitLabel } from './admin-types';

/** The unit filter of the admin pages: every unit in tree order, or all units. */
export function UnitSelect({ id, value, units, onChange }: { id: string; value: string; units: Unit[] | undefined; onChange: (unitId: string) => void }) {
  const { t } = useTranslation('admin');
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('tasks.filter.allUnits')}</option>
      {(units ?? []).map((u) => (
        <option key={u.id} value={u.id}>
          {unitLabel(u)}
        </option>
      ))}
    </select>
  );
}

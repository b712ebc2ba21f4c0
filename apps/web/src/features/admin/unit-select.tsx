import { useTranslation } from 'react-i18next';
import type { UnitView } from '@apps/web/src/lib/api-types';
import { unitLabel } from '@apps/web/src/lib/format';

/** The unit filter of the admin pages: every unit in tree order, or all units. */
export function UnitSelect({ id, value, units, onChange }: { id: string; value: string; units: UnitView[] | undefined; onChange: (unitId: string) => void }) {
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

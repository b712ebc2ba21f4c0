import { useTranslation } from 'react-i18next';
import type { StageNamesView } from '@apps/web/src/lib/api-types';
import { useApi } from '@apps/web/src/lib/use-api';

/** The stage filter of the admin pages: a stage name from the chain templates (GET /api/admin/stage-names), or every stage. */
export function StageSelect({ id, value, onChange }: { id: string; value: string; onChange: (stage: string) => void }) {
  const { t } = useTranslation('admin');
  const names = useApi<StageNamesView>('/api/admin/stage-names');
  const items = names.data?.items ?? [];
  // A stage named in the address but no longer in any template stays choosable.
  const options = value && !items.includes(value) ? [value, ...items] : items;
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('filter.allStages')}</option>
      {options.map((name) => (
        <option key={name} value={name}>
          {name}
        </option>
      ))}
    </select>
  );
}

import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '@apps/web/src/components/error-message';
import type { CategoryStageView, CategoryView } from '@apps/web/src/lib/api-types';
import { useMoney } from '@apps/web/src/lib/format';
import { NS } from '../proposal-values';
import { FieldMessages, Required } from './form-fields';
import { categoryLabelKey, humanizeSlug } from './proposal-form';
import type { ProposalForm } from './use-proposal-form';

/**
 * Kategori: the routing category, chosen from the categories the chain templates claim (GET
 * /api/categories), with the chain it leads to shown once chosen. A stored category no template
 * offers any more stays selectable, so editing an older draft loses nothing.
 */
export function CategorySection({ f, categories, error }: { f: ProposalForm; categories: CategoryView[] | null; error: unknown }) {
  const { t } = useTranslation(NS);
  const label = (slug: string) => t(categoryLabelKey(slug), { defaultValue: humanizeSlug(slug) });
  const value = f.form.category;
  const chosen = categories?.find((c) => c.category === value) ?? null;
  const unlisted = value !== '' && categories !== null && !chosen;
  return (
    <fieldset className="card">
      <legend>{t('form.sections.route')}</legend>
      <div className="field">
        <label htmlFor="f-category">
          {t('fields.category')}
          <Required />
        </label>
        <p className="hint" id="f-category-hint">
          {t('form.hints.category')}
        </p>
        <select {...f.describe('category', true)} value={value} required onChange={(e) => f.set('category')(e.target.value)}>
          <option value="">{t('form.chooseCategory')}</option>
          {(categories ?? []).map((c) => (
            <option key={c.category} value={c.category}>
              {t('form.categoryOption', { category: label(c.category), chain: c.templateName })}
            </option>
          ))}
          {unlisted || (value !== '' && categories === null) ? <option value={value}>{t('form.categoryUnlisted', { category: label(value) })}</option> : null}
        </select>
        <FieldMessages f={f} path="category" />
      </div>
      {error ? <ErrorMessage error={error} ns="proposals" /> : null}
      <div aria-live="polite">{chosen ? <ChainPreview category={chosen} /> : unlisted ? <p className="hint">{t('form.chainUnlisted')}</p> : null}</div>
    </fieldset>
  );
}

/** The stages a proposal of the category goes through, in order, with when a stage applies. */
function ChainPreview({ category }: { category: CategoryView }) {
  const { t } = useTranslation(NS);
  const money = useMoney();
  const conditionText = (c: NonNullable<CategoryStageView['condition']>) => {
    if (c.field === 'budgetEstimate' && typeof c.value === 'number') return t('stages.condition.budget', { value: money(c.value) });
    if (c.field === 'category' && Array.isArray(c.value)) return t('stages.condition.category', { value: c.value.join(', ') });
    if (c.field === 'crossAgency') return t(c.value === true ? 'stages.condition.crossAgency' : 'stages.condition.singleAgency');
    return null;
  };
  return (
    <div className="chain-preview" data-testid="chain-preview">
      <p>
        {t('form.chainIntro')} <strong>{category.templateName}</strong>
      </p>
      <ol>
        {category.stages.map((s) => {
          const condition = s.condition ? conditionText(s.condition) : null;
          return (
            <li key={s.index}>
              {s.name}
              {condition ? <span className="condition"> ({condition})</span> : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

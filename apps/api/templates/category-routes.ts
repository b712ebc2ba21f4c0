import { DEFAULT_TEMPLATE_CODE, GENERAL_CATEGORY } from '@libs/domain/proposal';
import type { ChainTemplateEntity } from '@libs/persistence/entities';

/** A category a proposal may take and the template version it is approved on. */
export interface CategoryRoute {
  category: string;
  /** The category for proposals no other category fits. */
  general: boolean;
  template: Pick<ChainTemplateEntity, 'code' | 'version' | 'name' | 'definition'>;
}

type Latest = Pick<ChainTemplateEntity, 'code' | 'version' | 'name' | 'categories' | 'definition' | 'createdAt'>;

/**
 * Where each category routes a proposal, from the latest version of every template, by the rule
 * the API creates proposals with (ProposalsRepository.templateClaiming): the current version that
 * claims a category takes it, the newest when old data has two. The general category, unless a
 * template claims it, goes to the default template, as every unclaimed category does; it comes
 * last, the others in alphabetical order.
 */
export function categoryRoutes(latest: Latest[]): CategoryRoute[] {
  const claimant = new Map<string, Latest>();
  for (const template of latest) {
    for (const category of template.categories) {
      const other = claimant.get(category);
      if (!other || template.createdAt.getTime() > other.createdAt.getTime()) claimant.set(category, template);
    }
  }
  const fallback = latest.find((t) => t.code === DEFAULT_TEMPLATE_CODE);
  if (!claimant.has(GENERAL_CATEGORY) && fallback) claimant.set(GENERAL_CATEGORY, fallback);
  const order = (c: string) => (c === GENERAL_CATEGORY ? 1 : 0);
  return [...claimant.keys()]
    .sort((a, b) => order(a) - order(b) || a.localeCompare(b))
    .map((category) => {
      const { code, version, name, definition } = claimant.get(category)!;
      return { category, general: category === GENERAL_CATEGORY, template: { code, version, name, definition } };
    });
}

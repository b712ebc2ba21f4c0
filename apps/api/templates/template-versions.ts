import type { StageDefinition } from '@libs/domain/chain';
import { conflict } from '@libs/http/domain-error';
import type { LockOptions } from '@libs/persistence/advisory-lock';
import type { NewTemplateVersion } from '@libs/persistence/chain-templates.store';
import type { CategoryChange } from '@libs/persistence/entities/chain-template.entity';

/*
 * What a new version of a chain template writes, decided without the database: the categories it
 * takes from other templates, and the versions those templates get without them.
 */

/** A template version as the rules here need it. */
export interface TemplateVersionRef {
  code: string;
  version: number;
  name: string;
  categories: string[];
  definition: { stages: StageDefinition[] };
}

/** The current version of another template, and which of the requested categories it claims. */
export interface Claim {
  template: TemplateVersionRef;
  categories: string[];
}

/**
 * Template writes are rare, so they happen one at a time; a write waits up to 30 s for another one
 * before answering 409.
 */
export const TEMPLATES_LOCK: LockOptions = {
  waitFor: '30s',
  busy: () => conflict('TEMPLATES_BUSY', 'Another change of the chain templates is in progress; try again in a moment.'),
};

const claimText = (c: Claim) =>
  `${c.categories.length === 1 ? 'category' : 'categories'} ${c.categories.map((x) => `"${x}"`).join(', ')} ${c.categories.length === 1 ? 'is' : 'are'} claimed by the template "${c.template.code}" (${c.template.name}, version ${c.template.version})`;

/** 409 naming every other template that claims one of the categories, and how to take them over. */
export function categoryClaimed(claims: Claim[]) {
  const [first] = claims;
  const more = claims.length > 1 ? ` (and ${claims.length - 1} other template${claims.length > 2 ? 's' : ''})` : '';
  const message = `The ${claimText(first)}${more}. A category routes proposals to one template: send "takeOverCategories": true to take it over, or leave it out.`;
  return conflict('CATEGORY_CLAIMED', message, [{ field: 'categories', messages: claims.map(claimText) }]);
}

/**
 * The claims of `current` (the current versions of other templates claiming one of `categories`).
 * Refused with 409 CATEGORY_CLAIMED unless the request takes them over. (Only a template's current
 * version speaks for it, as in routing; data from before this rule may hold several claimants.)
 */
export function claimsOn(current: TemplateVersionRef[], categories: string[], takeOver: boolean): Claim[] {
  const claims = current.map((template) => ({ template, categories: categories.filter((c) => template.categories.includes(c)) }));
  if (claims.length > 0 && !takeOver) throw categoryClaimed(claims);
  return claims;
}

/** What the taking version records: each category, and the version of the template that claimed it. */
export const takenOver = (claims: Claim[]): CategoryChange[] =>
  claims.flatMap(({ template, categories }) =>
    categories.map((category): CategoryChange => ({ kind: 'taken-over', category, templateCode: template.code, templateVersion: template.version })),
  );

/** Each template a category was taken from gets a new version without it, saying where it went. */
export const givenUp = (claims: Claim[], toCode: string, toVersion: number): NewTemplateVersion[] =>
  claims.map(({ template, categories }) => ({
    code: template.code,
    version: template.version + 1,
    name: template.name,
    categories: template.categories.filter((c) => !categories.includes(c)),
    stages: template.definition.stages,
    categoryChanges: categories.map((category): CategoryChange => ({ kind: 'given-up', category, templateCode: toCode, templateVersion: toVersion })),
  }));

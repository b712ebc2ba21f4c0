import { validateChain } from '@libs/domain/chain-validation';
import { DEMO_POSITION_CODES, DEMO_TEMPLATES, idOf } from './demo-organization';

describe('demo templates', () => {
  const known = new Set(DEMO_POSITION_CODES.map((code) => idOf('position', code)));

  it.each(DEMO_TEMPLATES.map((t) => [t.code, t] as const))('%s passes the same validation as templates sent to the API', (_code, template) => {
    expect(validateChain(template.definition, { knownPositionIds: known })).toEqual([]);
  });

  it('gives each category to one template at most', () => {
    const categories = DEMO_TEMPLATES.flatMap((t) => t.categories);
    expect(new Set(categories).size).toBe(categories.length);
  });
});

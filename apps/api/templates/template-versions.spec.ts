import { DomainError } from '@libs/http/domain-error';
import { claimsOn, givenUp, takenOver, type TemplateVersionRef } from './template-versions';

const template = (code: string, version: number, categories: string[]): TemplateVersionRef => ({
  code,
  version,
  name: `Template ${code}`,
  categories,
  definition: { stages: [] },
});

describe('template versions', () => {
  const kesehatan = template('kesehatan', 3, ['kesehatan', 'gizi']);
  const sosial = template('sosial', 1, ['bansos', 'gizi']);

  it('finds no claim when no other template claims the categories', () => {
    expect(claimsOn([], ['pendidikan'], false)).toEqual([]);
  });

  it('refuses claimed categories with 409 CATEGORY_CLAIMED naming each template', () => {
    let error: unknown;
    try {
      claimsOn([kesehatan, sosial], ['gizi'], false);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'CATEGORY_CLAIMED',
      status: 409,
      message:
        'The category "gizi" is claimed by the template "kesehatan" (Template kesehatan, version 3) (and 1 other template). ' +
        'A category routes proposals to one template: send "takeOverCategories": true to take it over, or leave it out.',
      details: [
        {
          field: 'categories',
          messages: [
            'category "gizi" is claimed by the template "kesehatan" (Template kesehatan, version 3)',
            'category "gizi" is claimed by the template "sosial" (Template sosial, version 1)',
          ],
        },
      ],
    });
  });

  it('takes categories over when asked: the new version records where each came from', () => {
    const claims = claimsOn([kesehatan], ['kesehatan', 'gizi', 'pendidikan'], true);
    expect(claims).toEqual([{ template: kesehatan, categories: ['kesehatan', 'gizi'] }]);
    expect(takenOver(claims)).toEqual([
      { kind: 'taken-over', category: 'kesehatan', templateCode: 'kesehatan', templateVersion: 3 },
      { kind: 'taken-over', category: 'gizi', templateCode: 'kesehatan', templateVersion: 3 },
    ]);
  });

  it('gives each template it took from a next version without the categories, saying where they went', () => {
    const claims = claimsOn([kesehatan, sosial], ['gizi'], true);
    expect(givenUp(claims, 'gizi-buruk', 2)).toEqual([
      {
        code: 'kesehatan',
        version: 4,
        name: 'Template kesehatan',
        categories: ['kesehatan'],
        stages: [],
        categoryChanges: [{ kind: 'given-up', category: 'gizi', templateCode: 'gizi-buruk', templateVersion: 2 }],
      },
      {
        code: 'sosial',
        version: 2,
        name: 'Template sosial',
        categories: ['bansos'],
        stages: [],
        categoryChanges: [{ kind: 'given-up', category: 'gizi', templateCode: 'gizi-buruk', templateVersion: 2 }],
      },
    ]);
  });
});

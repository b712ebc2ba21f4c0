import type { StageDefinition } from '@libs/domain/chain';
import { categoryRoutes } from './category-routes';

const stage = (name: string): StageDefinition => ({ key: name.toLowerCase().replace(/\s+/g, '-'), name, approvers: [{ kind: 'head-of-proposer-unit' }], mode: 'any' });
const template = (code: string, categories: string[], createdAt = '2026-01-01T00:00:00Z') => ({
  code,
  version: 1,
  name: `Rantai ${code}`,
  categories,
  definition: { stages: [stage(`Tahap ${code}`)] },
  createdAt: new Date(createdAt),
});

describe('categoryRoutes', () => {
  it('routes each claimed category to its template, alphabetically, and the general category last to the default template', () => {
    const routes = categoryRoutes([template('umum', []), template('layanan', ['pelayanan-publik']), template('data', ['integrasi-data', 'arsip'])]);
    expect(routes.map((r) => [r.category, r.template.code, r.general])).toEqual([
      ['arsip', 'data', false],
      ['integrasi-data', 'data', false],
      ['pelayanan-publik', 'layanan', false],
      ['umum', 'umum', true],
    ]);
    expect(routes[2]!.template).toEqual({ code: 'layanan', version: 1, name: 'Rantai layanan', definition: { stages: [stage('Tahap layanan')] } });
  });

  it('lets a template that claims the general category take it, and offers no general category without a default template', () => {
    expect(categoryRoutes([template('umum', []), template('lain', ['umum'])]).map((r) => [r.category, r.template.code])).toEqual([['umum', 'lain']]);
    expect(categoryRoutes([template('layanan', ['pelayanan-publik'])]).map((r) => r.category)).toEqual(['pelayanan-publik']);
  });

  it('gives a category two templates claim (data from before one claimant per category) to the newer one, as proposals are routed', () => {
    const routes = categoryRoutes([template('baru', ['arsip'], '2026-02-01T00:00:00Z'), template('lama', ['arsip'], '2026-01-01T00:00:00Z')]);
    expect(routes.map((r) => [r.category, r.template.code])).toEqual([['arsip', 'baru']]);
  });
});

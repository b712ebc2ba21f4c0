import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { StageDefinition } from '@libs/domain/chain';
import { validateChain } from '@libs/domain/chain-validation';
import { conflict, notFound, unprocessable } from '@libs/http/domain-error';
import { withAdvisoryLock } from '@libs/persistence/advisory-lock';
import { ChainTemplateEntity, PositionEntity } from '@libs/persistence/entities';
import type { CategoryChange } from '@libs/persistence/entities/chain-template.entity';
import { CreateTemplateDto, CreateVersionDto } from './dto/create-template.dto';
import { TemplateListView, TemplateView } from './dto/template.views';
import { postReferences, reportedAsWritten, resolvePostCodes } from './post-references';

const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_CODE_LENGTH = 64;
/** Postgres int4: a larger version number in a URL cannot exist and must not reach the query. */
const MAX_VERSION = 2_147_483_647;
/** Writes through the API hold the templates' lock; one made without it (the seed, a fixture) may take the next number: retried this often before answering 409. */
const VERSION_ATTEMPTS = 5;

interface VersionUse {
  code: string;
  version: number;
  inUse: number;
}

interface VersionRow {
  code: string;
  version: number;
  name: string;
  categories: string[];
  stages: StageDefinition[];
  categoryChanges: CategoryChange[];
}

/** The current version of another template, and which of the requested categories it claims. */
interface Claim {
  template: ChainTemplateEntity;
  categories: string[];
}

const claimText = (c: Claim) =>
  `${c.categories.length === 1 ? 'category' : 'categories'} ${c.categories.map((x) => `"${x}"`).join(', ')} ${c.categories.length === 1 ? 'is' : 'are'} claimed by the template "${c.template.code}" (${c.template.name}, version ${c.template.version})`;

/** 409 naming every other template that claims one of the categories, and how to take them over. */
function categoryClaimed(claims: Claim[]) {
  const [first] = claims;
  const more = claims.length > 1 ? ` (and ${claims.length - 1} other template${claims.length > 2 ? 's' : ''})` : '';
  const message = `The ${claimText(first)}${more}. A category routes proposals to one template: send "takeOverCategories": true to take it over, or leave it out.`;
  return conflict('CATEGORY_CLAIMED', message, [{ field: 'categories', messages: claims.map(claimText) }]);
}

/** What the taking version records: each category, and the version of the template that claimed it. */
const takenOver = (claims: Claim[]): CategoryChange[] =>
  claims.flatMap(({ template, categories }) =>
    categories.map((category): CategoryChange => ({ kind: 'taken-over', category, templateCode: template.code, templateVersion: template.version })),
  );

/** A code that cannot exist is not looked up at all. */
const isPossibleCode = (code: string) => code.length <= MAX_CODE_LENGTH && CODE.test(code);

/**
 * Chain templates are versioned and immutable: a change always makes a new version, and a running
 * approval keeps the version it started with. Nothing here updates or deletes a template row.
 */
@Injectable()
export class TemplatesService {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(ChainTemplateEntity);
  }

  async create(dto: CreateTemplateDto): Promise<TemplateView> {
    const exists = () => conflict('TEMPLATE_EXISTS', `A chain template with the code "${dto.code}" exists; add a version to it instead.`);
    if (await this.repo.existsBy({ code: dto.code })) throw exists();
    const stages = await this.checkedStages(dto.stages);
    await this.withTemplateLock(async (em) => {
      const categories = dto.categories ?? [];
      const claims = await this.claimsOn(em, categories, dto.code, dto.takeOverCategories === true);
      const row = { code: dto.code, version: 1, name: dto.name, categories, stages, categoryChanges: takenOver(claims) };
      // Another request may have created the same code in the meantime.
      if (!(await this.insertVersion(em, row))) throw exists();
      await this.giveUp(em, claims, dto.code, 1);
    });
    return this.version(dto.code, 1);
  }

  async addVersion(code: string, dto: CreateVersionDto): Promise<TemplateView> {
    await this.latestOrFail(code);
    const stages = await this.checkedStages(dto.stages);
    const version = await this.withTemplateLock(async (em) => {
      let latest = await this.latestOrFail(code, em);
      const categories = dto.categories ?? latest.categories;
      const claims = await this.claimsOn(em, categories, code, dto.takeOverCategories === true);
      for (let attempt = 1; attempt <= VERSION_ATTEMPTS; attempt++) {
        const next = latest.version + 1;
        const row = { code, version: next, name: dto.name ?? latest.name, categories, stages, categoryChanges: takenOver(claims) };
        if (await this.insertVersion(em, row)) {
          await this.giveUp(em, claims, code, next);
          return next;
        }
        // A version written without the lock took this number: take the next one.
        latest = await this.latestOrFail(code, em);
      }
      throw conflict('VERSION_CONFLICT', `Other versions of "${code}" are being created at the same moment; please retry.`);
    });
    return this.version(code, version);
  }

  /**
   * Runs `fn` in one transaction holding the templates' advisory lock. Which template claims a
   * category is a rule across rows: two writes checked side by side could each find the category
   * free and both claim it. Template writes are rare, so taking them one at a time costs nothing.
   */
  private withTemplateLock<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return withAdvisoryLock(this.dataSource, 'estafet:chain-templates', {
      waitFor: '30s',
      busy: () => conflict('TEMPLATES_BUSY', 'Another change of the chain templates is in progress; try again in a moment.'),
    }, fn);
  }

  /**
   * The current versions of other templates that claim one of `categories`. Refused with 409
   * CATEGORY_CLAIMED unless the request takes them over. (Only a template's current version speaks
   * for it, as in routing; data from before this rule may hold several claimants of a category.)
   */
  private async claimsOn(em: EntityManager, categories: string[], code: string, takeOver: boolean): Promise<Claim[]> {
    if (categories.length === 0) return [];
    const current = await em
      .getRepository(ChainTemplateEntity)
      .createQueryBuilder('t')
      .where('t.categories && CAST(:categories AS text[])', { categories })
      .andWhere('t.code <> :code', { code })
      .andWhere('t.version = (SELECT max(l.version) FROM chain_template l WHERE l.code = t.code)')
      .orderBy('t.code', 'ASC')
      .getMany();
    const claims = current.map((template) => ({ template, categories: categories.filter((c) => template.categories.includes(c)) }));
    if (claims.length > 0 && !takeOver) throw categoryClaimed(claims);
    return claims;
  }

  /** Each template a category was taken from gets a new version without it, saying where it went. */
  private async giveUp(em: EntityManager, claims: Claim[], toCode: string, toVersion: number): Promise<void> {
    for (const { template, categories } of claims) {
      const row = {
        code: template.code,
        version: template.version + 1,
        name: template.name,
        categories: template.categories.filter((c) => !categories.includes(c)),
        stages: template.definition.stages,
        categoryChanges: categories.map((category): CategoryChange => ({ kind: 'given-up', category, templateCode: toCode, templateVersion: toVersion })),
      };
      // Every template write holds the lock, so the next number is free.
      if (!(await this.insertVersion(em, row))) {
        throw conflict('VERSION_CONFLICT', `A version of "${template.code}" was created at the same moment; please retry.`);
      }
    }
  }

  /**
   * Inserts a version unless unique(code, version) already holds that pair. ON CONFLICT DO NOTHING
   * rather than catching the violation: a lost race is expected and must not be logged as an error.
   */
  private async insertVersion(em: EntityManager, row: VersionRow): Promise<boolean> {
    const { stages, ...rest } = row;
    const result = await em
      .getRepository(ChainTemplateEntity)
      .createQueryBuilder()
      .insert()
      .values({ id: randomUUID(), ...rest, definition: { stages } })
      .orIgnore()
      .execute();
    return Array.isArray(result.raw) && result.raw.length > 0;
  }

  async list(): Promise<TemplateListView> {
    const latest = await this.repo
      .createQueryBuilder('t')
      .distinctOn(['t.code'])
      .orderBy('t.code', 'ASC')
      .addOrderBy('t.version', 'DESC')
      .getMany();
    const uses = await this.uses();
    return { items: latest.map((t) => this.toView(t, uses)) };
  }

  async latest(code: string): Promise<TemplateView> {
    return this.toView(await this.latestOrFail(code), await this.uses(code));
  }

  async version(code: string, version: number): Promise<TemplateView> {
    const found = isPossibleCode(code) && Number.isSafeInteger(version) && version >= 1 && version <= MAX_VERSION
      ? await this.repo.findOneBy({ code, version })
      : null;
    if (!found) throw notFound('Chain template version', `${code}@${version}`);
    return this.toView(found, await this.uses(code));
  }

  private async latestOrFail(code: string, em: EntityManager = this.dataSource.manager): Promise<ChainTemplateEntity> {
    const found = isPossibleCode(code)
      ? await em.getRepository(ChainTemplateEntity).findOne({ where: { code }, order: { version: 'DESC' } })
      : null;
    if (!found) throw notFound('Chain template', code);
    return found;
  }

  /** Every version with the number of proposals using it, for one code or all of them. */
  private async uses(code?: string): Promise<VersionUse[]> {
    const qb = this.repo
      .createQueryBuilder('t')
      .leftJoin('proposal', 'p', 'p.template_id = t.id')
      .select(['t.code AS "code"', 't.version AS "version"', 'COUNT(p.id)::int AS "inUse"'])
      .groupBy('t.id')
      .orderBy('t.version', 'ASC');
    if (code !== undefined) qb.where('t.code = :code', { code });
    return qb.getRawMany<VersionUse>();
  }

  private toView(t: ChainTemplateEntity, uses: VersionUse[]): TemplateView {
    const ofCode = uses.filter((u) => u.code === t.code);
    return {
      id: t.id,
      code: t.code,
      version: t.version,
      name: t.name,
      categories: t.categories,
      categoryChanges: t.categoryChanges,
      stages: t.definition.stages,
      createdAt: t.createdAt,
      versions: ofCode.map((u) => u.version),
      inUse: ofCode.find((u) => u.version === t.version)?.inUse ?? 0,
      inUseAllVersions: ofCode.reduce((sum, u) => sum + u.inUse, 0),
    };
  }

  /**
   * The stages as they will be stored: post codes replaced by ids, every post known, and the whole
   * chain valid. Problems are answered as 422 INVALID_CHAIN with one entry per field, named as the
   * client wrote it.
   */
  private async checkedStages(raw: unknown): Promise<StageDefinition[]> {
    const { ids, codes } = postReferences(raw);
    const where = [...(ids.length ? [{ id: In(ids) }] : []), ...(codes.length ? [{ code: In(codes) }] : [])];
    const posts = where.length
      ? await this.dataSource.getRepository(PositionEntity).find({ select: { id: true, code: true }, where })
      : [];
    const resolved = resolvePostCodes(raw, new Map(posts.map((p) => [p.code, p.id])));
    const chainErrors = validateChain({ stages: resolved.stages }, { knownPositionIds: new Set(posts.map((p) => p.id)) });
    const details = reportedAsWritten([...resolved.errors, ...chainErrors], resolved.renamed);
    if (details.length > 0) {
      const first = `${details[0].field} ${details[0].messages[0]}`;
      const message = details.length === 1 ? `The chain of stages is invalid: ${first}.` : `The chain of stages has ${details.length} problems, the first: ${first}.`;
      throw unprocessable('INVALID_CHAIN', message, details);
    }
    // validateChain has just checked every property of every stage against the domain types.
    return resolved.stages as StageDefinition[];
  }
}

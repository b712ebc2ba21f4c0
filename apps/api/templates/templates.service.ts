import { Injectable } from '@nestjs/common';
import type { StageDefinition } from '@libs/domain/chain';
import { validateChain } from '@libs/domain/chain-validation';
import { conflict, notFound, unprocessable } from '@libs/http/domain-error';
import { ChainTemplateStore, type TemplateChange, type TemplateReads, type VersionUse } from '@libs/persistence/chain-templates.store';
import type { ChainTemplateEntity } from '@libs/persistence/entities';
import { CreateTemplateDto, CreateVersionDto } from './dto/create-template.dto';
import { CategoryListView } from './dto/category.views';
import { TemplateListView, TemplateView } from './dto/template.views';
import { categoryRoutes } from './category-routes';
import { postReferences, reportedAsWritten, resolvePostCodes } from './post-references';
import { type Claim, claimsOn, givenUp, takenOver, TEMPLATES_LOCK } from './template-versions';

const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_CODE_LENGTH = 64;
/** Postgres int4: a larger version number in a URL cannot exist and must not reach the query. */
const MAX_VERSION = 2_147_483_647;
/** Writes through the API hold the templates' lock; one made without it (the seed, a fixture) may take the next number: retried this often before answering 409. */
const VERSION_ATTEMPTS = 5;

/** A code that cannot exist is not looked up at all. */
const isPossibleCode = (code: string) => code.length <= MAX_CODE_LENGTH && CODE.test(code);

/** Writes the versions of the templates that gave up categories; every template write holds the lock, so their next numbers are free. */
async function giveUp(change: TemplateChange, claims: Claim[], toCode: string, toVersion: number): Promise<void> {
  for (const row of givenUp(claims, toCode, toVersion)) {
    if (!(await change.insertVersion(row))) {
      throw conflict('VERSION_CONFLICT', `A version of "${row.code}" was created at the same moment; please retry.`);
    }
  }
}

/**
 * Chain templates are versioned and immutable: a change always makes a new version, and a running
 * approval keeps the version it started with. Nothing here updates or deletes a template row.
 */
@Injectable()
export class TemplatesService {
  constructor(private readonly store: ChainTemplateStore) {}

  async create(dto: CreateTemplateDto): Promise<TemplateView> {
    const exists = () => conflict('TEMPLATE_EXISTS', `A chain template with the code "${dto.code}" exists; add a version to it instead.`);
    if (await this.store.codeExists(dto.code)) throw exists();
    const stages = await this.checkedStages(dto.stages);
    await this.store.change(TEMPLATES_LOCK, async (change) => {
      const categories = dto.categories ?? [];
      const claims = claimsOn(await change.currentVersionsClaiming(categories, dto.code), categories, dto.takeOverCategories === true);
      const row = { code: dto.code, version: 1, name: dto.name, categories, stages, categoryChanges: takenOver(claims) };
      // Another request may have created the same code in the meantime.
      if (!(await change.insertVersion(row))) throw exists();
      await giveUp(change, claims, dto.code, 1);
    });
    return this.version(dto.code, 1);
  }

  async addVersion(code: string, dto: CreateVersionDto): Promise<TemplateView> {
    await this.latestOrFail(code);
    const stages = await this.checkedStages(dto.stages);
    const version = await this.store.change(TEMPLATES_LOCK, async (change) => {
      let latest = await this.latestOrFail(code, change);
      const categories = dto.categories ?? latest.categories;
      const claims = claimsOn(await change.currentVersionsClaiming(categories, code), categories, dto.takeOverCategories === true);
      for (let attempt = 1; attempt <= VERSION_ATTEMPTS; attempt++) {
        const next = latest.version + 1;
        const row = { code, version: next, name: dto.name ?? latest.name, categories, stages, categoryChanges: takenOver(claims) };
        if (await change.insertVersion(row)) {
          await giveUp(change, claims, code, next);
          return next;
        }
        // A version written without the lock took this number: take the next one.
        latest = await this.latestOrFail(code, change);
      }
      throw conflict('VERSION_CONFLICT', `Other versions of "${code}" are being created at the same moment; please retry.`);
    });
    return this.version(code, version);
  }

  async list(): Promise<TemplateListView> {
    const latest = await this.store.latestVersions();
    const uses = await this.store.versionUses();
    return { items: latest.map((t) => this.toView(t, uses)) };
  }

  /** Every category a proposal may take, with the chain it leads to. */
  async categories(): Promise<CategoryListView> {
    const routes = categoryRoutes(await this.store.latestVersions());
    return {
      items: routes.map(({ category, general, template }) => ({
        category,
        general,
        templateCode: template.code,
        templateVersion: template.version,
        templateName: template.name,
        stages: (template.definition.stages ?? []).map((s, index) => ({ index, name: s.name, condition: s.condition ? { ...s.condition } : null })),
      })),
    };
  }

  async latest(code: string): Promise<TemplateView> {
    return this.toView(await this.latestOrFail(code), await this.store.versionUses(code));
  }

  async version(code: string, version: number): Promise<TemplateView> {
    const found = isPossibleCode(code) && Number.isSafeInteger(version) && version >= 1 && version <= MAX_VERSION
      ? await this.store.version(code, version)
      : null;
    if (!found) throw notFound('Chain template version', `${code}@${version}`);
    return this.toView(found, await this.store.versionUses(code));
  }

  private async latestOrFail(code: string, reads: TemplateReads = this.store): Promise<ChainTemplateEntity> {
    const found = isPossibleCode(code) ? await reads.latest(code) : null;
    if (!found) throw notFound('Chain template', code);
    return found;
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
    const posts = await this.store.postsNamed(ids, codes);
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

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { StageDefinition } from '../../../libs/domain/chain';
import { validateChain } from '../../../libs/domain/chain-validation';
import { conflict, notFound, unprocessable } from '../../../libs/http/domain-error';
import { ChainTemplateEntity, PositionEntity } from '../../../libs/persistence/entities';
import { CreateTemplateDto, CreateVersionDto } from './dto/create-template.dto';
import { TemplateListView, TemplateView } from './dto/template.views';
import { postReferences, reportedAsWritten, resolvePostCodes } from './post-references';

const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_CODE_LENGTH = 64;
/** Postgres int4: a larger version number in a URL cannot exist and must not reach the query. */
const MAX_VERSION = 2_147_483_647;
/** Concurrent new versions of one code race for the next number; the loser retries this often before answering 409. */
const VERSION_ATTEMPTS = 5;

interface VersionUse {
  code: string;
  version: number;
  inUse: number;
}

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
    const row = { code: dto.code, version: 1, name: dto.name, categories: dto.categories ?? [], stages };
    // Another request may have created the same code in the meantime.
    if (!(await this.insertVersion(row))) throw exists();
    return this.version(dto.code, 1);
  }

  async addVersion(code: string, dto: CreateVersionDto): Promise<TemplateView> {
    let latest = await this.latestOrFail(code);
    const stages = await this.checkedStages(dto.stages);
    for (let attempt = 1; attempt <= VERSION_ATTEMPTS; attempt++) {
      const version = latest.version + 1;
      const row = { code, version, name: dto.name ?? latest.name, categories: dto.categories ?? latest.categories, stages };
      if (await this.insertVersion(row)) return this.version(code, version);
      // A concurrent request took this number: take the next one.
      latest = await this.latestOrFail(code);
    }
    throw conflict('VERSION_CONFLICT', `Other versions of "${code}" are being created at the same moment; please retry.`);
  }

  /**
   * Inserts a version unless unique(code, version) already holds that pair. ON CONFLICT DO NOTHING
   * rather than catching the violation: a lost race is expected and must not be logged as an error.
   */
  private async insertVersion(row: { code: string; version: number; name: string; categories: string[]; stages: StageDefinition[] }): Promise<boolean> {
    const { stages, ...rest } = row;
    const result = await this.repo
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

  private async latestOrFail(code: string): Promise<ChainTemplateEntity> {
    const found = isPossibleCode(code)
      ? await this.repo.findOne({ where: { code }, order: { version: 'DESC' } })
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

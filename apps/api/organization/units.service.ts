import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { notFound } from '@libs/http/domain-error';
import { OrgUnitEntity } from '@libs/persistence/entities';
import { CreateUnitDto, UnitListQuery, UpdateUnitDto } from './dto/units.dto';
import { UnitDetailView, UnitListView, UnitView } from './dto/org.views';
import { alreadyExists, cycleRefused, eitherIdOrCode, selfReference, unknownReference } from './org-errors';
import { withOrganizationLock } from './org-lock';
import { chainUp } from './org-queries';
import { cycleIfParent, treeOrder } from './org-rules';
import { PositionsService } from './positions.service';

interface UnitRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
}

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * The unit tree (Pemda → Dinas → Bidang → Seksi). A Pemda has hundreds of units at most, so the
 * tree is read whole and ordered in memory rather than by a recursive query per request.
 */
@Injectable()
export class UnitsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly positions: PositionsService,
  ) {}

  async list(query: UnitListQuery): Promise<UnitListView> {
    let items = await this.tree();
    if (query.parentId) items = items.filter((u) => u.parentId === query.parentId);
    const q = query.q?.trim().toLocaleLowerCase('id');
    if (q) items = items.filter((u) => u.code.toLocaleLowerCase('id').includes(q) || u.name.toLocaleLowerCase('id').includes(q));
    return { items };
  }

  async get(unitId: string): Promise<UnitDetailView> {
    const id = unitId.toLowerCase();
    const tree = await this.tree();
    const unit = tree.find((u) => u.id === id);
    if (!unit) throw notFound('Unit', id);
    return {
      ...unit,
      parentName: tree.find((u) => u.id === unit.parentId)?.name ?? null,
      children: tree.filter((u) => u.parentId === id),
      positions: await this.positions.ofUnit(id),
    };
  }

  async create(dto: CreateUnitDto): Promise<UnitDetailView> {
    eitherIdOrCode(dto, 'parentId', 'parentCode');
    const id = randomUUID();
    await withOrganizationLock(this.dataSource, async (em) => {
      const units = em.getRepository(OrgUnitEntity);
      if (await units.existsBy({ code: dto.code })) throw alreadyExists('A unit', 'code', dto.code);
      const parentId = await this.parentOf(em, dto.parentId, dto.parentCode);
      await units.insert({ id, code: dto.code, name: dto.name, kind: dto.kind, parentId });
    });
    return this.get(id);
  }

  async update(unitId: string, dto: UpdateUnitDto): Promise<UnitDetailView> {
    const id = unitId.toLowerCase();
    eitherIdOrCode(dto, 'parentId', 'parentCode');
    await withOrganizationLock(this.dataSource, async (em) => {
      const units = em.getRepository(OrgUnitEntity);
      const current = await units.findOneBy({ id });
      if (!current) throw notFound('Unit', id);
      const changes: Partial<OrgUnitEntity> = {};
      if (dto.name !== undefined) changes.name = dto.name;
      if (dto.kind !== undefined) changes.kind = dto.kind;
      if (dto.parentId !== undefined || dto.parentCode !== undefined) {
        const field = dto.parentCode !== undefined ? 'parentCode' : 'parentId';
        const parentId = await this.parentOf(em, dto.parentId, dto.parentCode);
        if (parentId === id) throw selfReference(field, 'a unit cannot be its own parent');
        if (parentId !== null) {
          const chain = await chainUp(em, 'unit', parentId);
          const cycle = cycleIfParent(id, parentId, (u) => chain.get(u)?.parentId);
          if (cycle) throw cycleRefused(field, 'parent', cycle.map((u) => (u === id ? current.code : chain.get(u)!.code)));
        }
        changes.parentId = parentId;
      }
      if (Object.keys(changes).length > 0) await units.update({ id }, changes);
    });
    return this.get(id);
  }

  /** The parent's id; null for a root (not given, or given as null). */
  private async parentOf(em: EntityManager, parentId: string | null | undefined, parentCode: string | null | undefined): Promise<string | null> {
    const units = em.getRepository(OrgUnitEntity);
    if (parentCode) {
      const parent = await units.findOne({ select: { id: true }, where: { code: parentCode } });
      if (!parent) throw unknownReference('parentCode', `no unit has the code ${parentCode}`);
      return parent.id;
    }
    if (parentId) {
      if (!(await units.existsBy({ id: parentId }))) throw unknownReference('parentId', `no unit has the id ${parentId}`);
      return parentId;
    }
    return null;
  }

  /** Every unit in tree order, with its parent's code and its depth. */
  private async tree(): Promise<UnitView[]> {
    const rows = await this.dataSource.query<UnitRow[]>(`SELECT id, code, name, kind, parent_id AS "parentId" FROM org_unit`);
    const codeOf = new Map(rows.map((r) => [r.id, r.code]));
    return treeOrder(rows, byCode).map(({ node, depth }) => ({
      ...node,
      parentCode: node.parentId === null ? null : (codeOf.get(node.parentId) ?? null),
      depth,
    }));
  }
}

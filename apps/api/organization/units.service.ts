import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { notFound } from '@libs/http/domain-error';
import { type OrgChange, OrganizationChanges, type UnitChanges } from '@libs/persistence/organization.changes';
import { OrganizationQueries } from '@libs/persistence/organization.queries';
import { CreateUnitDto, UnitListQuery, UpdateUnitDto } from './dto/units.dto';
import { UnitDetailView, UnitListView, UnitView } from './dto/org.views';
import { alreadyExists, cycleRefused, eitherIdOrCode, selfReference, unknownReference } from './org-errors';
import { ORGANIZATION_LOCK } from './org-lock';
import { cycleIfParent, treeOrder } from './org-rules';
import { PositionsService } from './positions.service';

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * The unit tree (Pemda → Dinas → Bidang → Seksi). A Pemda has hundreds of units at most, so the
 * tree is read whole and ordered in memory rather than by a recursive query per request.
 */
@Injectable()
export class UnitsService {
  constructor(
    private readonly queries: OrganizationQueries,
    private readonly changes: OrganizationChanges,
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
    await this.changes.change(ORGANIZATION_LOCK, async (change) => {
      if (await change.unitCodeTaken(dto.code)) throw alreadyExists('A unit', 'code', dto.code);
      const parentId = await this.parentOf(change, dto.parentId, dto.parentCode);
      await change.insertUnit({ id, code: dto.code, name: dto.name, kind: dto.kind, parentId });
    });
    return this.get(id);
  }

  async update(unitId: string, dto: UpdateUnitDto): Promise<UnitDetailView> {
    const id = unitId.toLowerCase();
    eitherIdOrCode(dto, 'parentId', 'parentCode');
    await this.changes.change(ORGANIZATION_LOCK, async (change) => {
      const current = await change.unitById(id);
      if (!current) throw notFound('Unit', id);
      const changes: UnitChanges = {};
      if (dto.name !== undefined) changes.name = dto.name;
      if (dto.kind !== undefined) changes.kind = dto.kind;
      if (dto.parentId !== undefined || dto.parentCode !== undefined) {
        const field = dto.parentCode !== undefined ? 'parentCode' : 'parentId';
        const parentId = await this.parentOf(change, dto.parentId, dto.parentCode);
        if (parentId === id) throw selfReference(field, 'a unit cannot be its own parent');
        if (parentId !== null) {
          const chain = await change.chainUp('unit', parentId);
          const cycle = cycleIfParent(id, parentId, (u) => chain.get(u)?.parentId);
          if (cycle) throw cycleRefused(field, 'parent', cycle.map((u) => (u === id ? current.code : chain.get(u)!.code)));
        }
        changes.parentId = parentId;
      }
      if (Object.keys(changes).length > 0) await change.updateUnit(id, changes);
    });
    return this.get(id);
  }

  /** The parent's id; null for a root (not given, or given as null). */
  private async parentOf(change: OrgChange, parentId: string | null | undefined, parentCode: string | null | undefined): Promise<string | null> {
    if (parentCode) {
      const parent = await change.unitIdByCode(parentCode);
      if (!parent) throw unknownReference('parentCode', `no unit has the code ${parentCode}`);
      return parent;
    }
    if (parentId) {
      if (!(await change.unitExists(parentId))) throw unknownReference('parentId', `no unit has the id ${parentId}`);
      return parentId;
    }
    return null;
  }

  /** Every unit in tree order, with its parent's code and its depth. */
  private async tree(): Promise<UnitView[]> {
    const rows = await this.queries.allUnits();
    const codeOf = new Map(rows.map((r) => [r.id, r.code]));
    return treeOrder(rows, byCode).map(({ node, depth }) => ({
      ...node,
      parentCode: node.parentId === null ? null : (codeOf.get(node.parentId) ?? null),
      depth,
    }));
  }
}

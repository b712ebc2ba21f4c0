import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { notFound } from '@libs/http/domain-error';
import { pageOf } from '@libs/http/page-query';
import type { PositionRow, UnitRecord } from '@libs/persistence/org-records';
import { type OrgChange, OrganizationChanges, type PositionChanges } from '@libs/persistence/organization.changes';
import { OrganizationQueries } from '@libs/persistence/organization.queries';
import { actingOf } from './acting-view';
import { CreatePositionDto, PositionListQuery, UpdatePositionDto } from './dto/positions.dto';
import { PositionDetailView, PositionPageView, PositionView } from './dto/org.views';
import { alreadyExists, cycleRefused, eitherIdOrCode, invalidField, selfReference, unitHasHead, unknownReference } from './org-errors';
import { ORGANIZATION_LOCK } from './org-lock';
import { cycleIfParent } from './org-rules';

/** Posts (jabatan): where they sit, who they answer to, and who holds or acts for them now. */
@Injectable()
export class PositionsService {
  constructor(
    private readonly queries: OrganizationQueries,
    private readonly changes: OrganizationChanges,
  ) {}

  async list(query: PositionListQuery, now = new Date()): Promise<PositionPageView> {
    const slice = pageOf(query);
    const { items, total } = await this.queries.positionsPage({ unitId: query.unitId, level: query.level, q: query.q }, slice);
    return { items: await this.withHolders(items, now), total, page: slice.page, pageSize: slice.pageSize };
  }

  /** The posts of one unit, head first, with their holders. */
  async ofUnit(unitId: string, now = new Date()): Promise<PositionView[]> {
    return this.withHolders(await this.queries.positionsIn(unitId), now);
  }

  async get(positionId: string, now = new Date()): Promise<PositionDetailView> {
    const id = positionId.toLowerCase();
    const row = await this.queries.position(id);
    if (!row) throw notFound('Position', id);
    const [view] = await this.withHolders([row], now);
    const subordinates = await this.queries.subordinatesOf(id);
    return { ...view, appointments: await this.queries.positionHistory(id, now), subordinates };
  }

  async create(dto: CreatePositionDto): Promise<PositionDetailView> {
    eitherIdOrCode(dto, 'unitId', 'unitCode');
    eitherIdOrCode(dto, 'superiorPositionId', 'superiorCode');
    if (dto.unitId === undefined && dto.unitCode === undefined) throw invalidField('unitId', 'unitId or unitCode is required');
    const id = randomUUID();
    await this.changes.change(ORGANIZATION_LOCK, async (change) => {
      if (await change.positionCodeTaken(dto.code)) throw alreadyExists('A position', 'code', dto.code);
      const unit = await this.unitOf(change, dto.unitId, dto.unitCode);
      const superiorId = await this.superiorOf(change, dto.superiorPositionId, dto.superiorCode);
      const isUnitHead = dto.isUnitHead ?? false;
      if (isUnitHead) await this.refuseSecondHead(change, unit, id);
      await change.insertPosition({ id, code: dto.code, title: dto.title, unitId: unit.id, level: dto.level, superiorPositionId: superiorId, isUnitHead });
    });
    return this.get(id);
  }

  async update(positionId: string, dto: UpdatePositionDto): Promise<PositionDetailView> {
    const id = positionId.toLowerCase();
    eitherIdOrCode(dto, 'unitId', 'unitCode');
    eitherIdOrCode(dto, 'superiorPositionId', 'superiorCode');
    await this.changes.change(ORGANIZATION_LOCK, async (change) => {
      const current = await change.positionById(id);
      if (!current) throw notFound('Position', id);
      const changes: PositionChanges = {};
      if (dto.title !== undefined) changes.title = dto.title;
      if (dto.level !== undefined) changes.level = dto.level;
      if (dto.isUnitHead !== undefined) changes.isUnitHead = dto.isUnitHead;

      let unit: UnitRecord | null = null;
      if (dto.unitId !== undefined || dto.unitCode !== undefined) {
        unit = await this.unitOf(change, dto.unitId, dto.unitCode);
        changes.unitId = unit.id;
      }
      if (dto.superiorPositionId !== undefined || dto.superiorCode !== undefined) {
        const field = dto.superiorCode !== undefined ? 'superiorCode' : 'superiorPositionId';
        const superiorId = await this.superiorOf(change, dto.superiorPositionId, dto.superiorCode);
        if (superiorId === id) throw selfReference(field, 'a post cannot be its own superior');
        if (superiorId !== null) {
          const chain = await change.chainUp('position', superiorId);
          const cycle = cycleIfParent(id, superiorId, (p) => chain.get(p)?.parentId);
          if (cycle) throw cycleRefused(field, 'superior', cycle.map((p) => (p === id ? current.code : chain.get(p)!.code)));
        }
        changes.superiorPositionId = superiorId;
      }

      // Checked only when this change makes the post a head or moves a head, so that a title can
      // still be corrected in a unit whose data already breaks the rule.
      const headAfter = changes.isUnitHead ?? current.isUnitHead;
      if (headAfter && (dto.isUnitHead === true || unit !== null)) {
        const unitAfter = unit ?? (await change.unitById(current.unitId));
        if (unitAfter) await this.refuseSecondHead(change, unitAfter, id);
      }
      if (Object.keys(changes).length > 0) await change.updatePosition(id, changes);
    });
    return this.get(id);
  }

  /** A unit has one head post: the "head of the proposer's unit" selectors must find exactly one. */
  private async refuseSecondHead(change: OrgChange, unit: UnitRecord, exceptPositionId: string): Promise<void> {
    const head = await change.otherHeadOf(unit.id, exceptPositionId);
    if (head) throw unitHasHead(unit.code, head);
  }

  /** The unit named by code, else by id (the caller has checked that one of them is given). */
  private async unitOf(change: OrgChange, unitId: string | undefined, unitCode: string | undefined): Promise<UnitRecord> {
    if (unitCode !== undefined) {
      const unit = await change.unitByCode(unitCode);
      if (!unit) throw unknownReference('unitCode', `no unit has the code ${unitCode}`);
      return unit;
    }
    const unit = await change.unitById(unitId!);
    if (!unit) throw unknownReference('unitId', `no unit has the id ${unitId}`);
    return unit;
  }

  /** The superior post's id; null for none (not given, or given as null). */
  private async superiorOf(change: OrgChange, superiorId: string | null | undefined, superiorCode: string | null | undefined): Promise<string | null> {
    if (superiorCode) {
      const superior = await change.positionIdByCode(superiorCode);
      if (!superior) throw unknownReference('superiorCode', `no position has the code ${superiorCode}`);
      return superior;
    }
    if (superiorId) {
      if (!(await change.positionExists(superiorId))) throw unknownReference('superiorPositionId', `no position has the id ${superiorId}`);
      return superiorId;
    }
    return null;
  }

  private async withHolders(rows: PositionRow[], now: Date): Promise<PositionView[]> {
    const active = await this.queries.activeAppointmentsByPosition(rows.map((r) => r.id), now);
    return rows.map((row) => {
      const activeAppointments = active.get(row.id) ?? [];
      return { ...row, activeAppointments, acting: actingOf(activeAppointments, now) };
    });
  }
}

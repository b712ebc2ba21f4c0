import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { notFound } from '@libs/http/domain-error';
import { pageOf } from '@libs/http/page-query';
import { OrgUnitEntity, PositionEntity } from '@libs/persistence/entities';
import { CreatePositionDto, PositionListQuery, UpdatePositionDto } from './dto/positions.dto';
import { PositionDetailView, PositionPageView, PositionView, PostRefView } from './dto/org.views';
import { alreadyExists, cycleRefused, eitherIdOrCode, invalidField, selfReference, unitHasHead, unknownReference } from './org-errors';
import { withOrganizationLock } from './org-lock';
import { actingOf, activeAppointmentsByPosition, chainUp, likePattern, positionHistory } from './org-queries';
import { cycleIfParent } from './org-rules';

type PositionRow = Omit<PositionView, 'activeAppointments' | 'acting'>;

const SELECT = `
  SELECT p.id, p.code, p.title, p.level, p.is_unit_head AS "isUnitHead", p.unit_id AS "unitId", u.code AS "unitCode",
         u.name AS "unitName", p.superior_position_id AS "superiorPositionId", s.code AS "superiorCode", s.title AS "superiorTitle"
    FROM position p
    LEFT JOIN org_unit u ON u.id = p.unit_id
    LEFT JOIN position s ON s.id = p.superior_position_id`;

/** Posts (jabatan): where they sit, who they answer to, and who holds or acts for them now. */
@Injectable()
export class PositionsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: PositionListQuery, now = new Date()): Promise<PositionPageView> {
    const { page, pageSize, offset } = pageOf(query);
    const params: unknown[] = [];
    const where: string[] = [];
    if (query.unitId) where.push(`p.unit_id = $${params.push(query.unitId)}`);
    if (query.level) where.push(`p.level = $${params.push(query.level)}`);
    if (query.q?.trim()) {
      const q = `$${params.push(likePattern(query.q.trim()))}`;
      where.push(`(p.code ILIKE ${q} ESCAPE '\\' OR p.title ILIKE ${q} ESCAPE '\\')`);
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(`SELECT COUNT(*)::int AS total FROM position p ${filter}`, params);
    const rows = await this.dataSource.query<PositionRow[]>(
      `${SELECT} ${filter} ORDER BY u.code NULLS LAST, p.is_unit_head DESC, p.code
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, offset],
    );
    return { items: await this.withHolders(rows, now), total, page, pageSize };
  }

  /** The posts of one unit, head first, with their holders. */
  async ofUnit(unitId: string, now = new Date()): Promise<PositionView[]> {
    const rows = await this.dataSource.query<PositionRow[]>(`${SELECT} WHERE p.unit_id = $1 ORDER BY p.is_unit_head DESC, p.code`, [unitId]);
    return this.withHolders(rows, now);
  }

  async get(positionId: string, now = new Date()): Promise<PositionDetailView> {
    const id = positionId.toLowerCase();
    const [row] = await this.dataSource.query<PositionRow[]>(`${SELECT} WHERE p.id = $1`, [id]);
    if (!row) throw notFound('Position', id);
    const [view] = await this.withHolders([row], now);
    const subordinates = await this.dataSource.query<PostRefView[]>(
      `SELECT id, code, title FROM position WHERE superior_position_id = $1 AND id <> $1 ORDER BY code`,
      [id],
    );
    return { ...view, appointments: await positionHistory(this.dataSource, id, now), subordinates };
  }

  async create(dto: CreatePositionDto): Promise<PositionDetailView> {
    eitherIdOrCode(dto, 'unitId', 'unitCode');
    eitherIdOrCode(dto, 'superiorPositionId', 'superiorCode');
    if (dto.unitId === undefined && dto.unitCode === undefined) throw invalidField('unitId', 'unitId or unitCode is required');
    const id = randomUUID();
    await withOrganizationLock(this.dataSource, async (em) => {
      const posts = em.getRepository(PositionEntity);
      if (await posts.existsBy({ code: dto.code })) throw alreadyExists('A position', 'code', dto.code);
      const unit = await this.unitOf(em, dto.unitId, dto.unitCode);
      const superiorId = await this.superiorOf(em, dto.superiorPositionId, dto.superiorCode);
      const isUnitHead = dto.isUnitHead ?? false;
      if (isUnitHead) await this.refuseSecondHead(em, unit, id);
      await posts.insert({ id, code: dto.code, title: dto.title, unitId: unit.id, level: dto.level, superiorPositionId: superiorId, isUnitHead });
    });
    return this.get(id);
  }

  async update(positionId: string, dto: UpdatePositionDto): Promise<PositionDetailView> {
    const id = positionId.toLowerCase();
    eitherIdOrCode(dto, 'unitId', 'unitCode');
    eitherIdOrCode(dto, 'superiorPositionId', 'superiorCode');
    await withOrganizationLock(this.dataSource, async (em) => {
      const posts = em.getRepository(PositionEntity);
      const current = await posts.findOneBy({ id });
      if (!current) throw notFound('Position', id);
      const changes: Partial<PositionEntity> = {};
      if (dto.title !== undefined) changes.title = dto.title;
      if (dto.level !== undefined) changes.level = dto.level;
      if (dto.isUnitHead !== undefined) changes.isUnitHead = dto.isUnitHead;

      let unit: OrgUnitEntity | null = null;
      if (dto.unitId !== undefined || dto.unitCode !== undefined) {
        unit = await this.unitOf(em, dto.unitId, dto.unitCode);
        changes.unitId = unit.id;
      }
      if (dto.superiorPositionId !== undefined || dto.superiorCode !== undefined) {
        const field = dto.superiorCode !== undefined ? 'superiorCode' : 'superiorPositionId';
        const superiorId = await this.superiorOf(em, dto.superiorPositionId, dto.superiorCode);
        if (superiorId === id) throw selfReference(field, 'a post cannot be its own superior');
        if (superiorId !== null) {
          const chain = await chainUp(em, 'position', superiorId);
          const cycle = cycleIfParent(id, superiorId, (p) => chain.get(p)?.parentId);
          if (cycle) throw cycleRefused(field, 'superior', cycle.map((p) => (p === id ? current.code : chain.get(p)!.code)));
        }
        changes.superiorPositionId = superiorId;
      }

      // Checked only when this change makes the post a head or moves a head, so that a title can
      // still be corrected in a unit whose data already breaks the rule.
      const headAfter = changes.isUnitHead ?? current.isUnitHead;
      if (headAfter && (dto.isUnitHead === true || unit !== null)) {
        const unitAfter = unit ?? (await em.getRepository(OrgUnitEntity).findOneBy({ id: current.unitId }));
        if (unitAfter) await this.refuseSecondHead(em, unitAfter, id);
      }
      if (Object.keys(changes).length > 0) await posts.update({ id }, changes);
    });
    return this.get(id);
  }

  /** A unit has one head post: the "head of the proposer's unit" selectors must find exactly one. */
  private async refuseSecondHead(em: EntityManager, unit: OrgUnitEntity, exceptPositionId: string): Promise<void> {
    const [head] = await em.query<{ id: string; code: string; title: string }[]>(
      `SELECT id, code, title FROM position WHERE unit_id = $1 AND is_unit_head AND id <> $2 ORDER BY code LIMIT 1`,
      [unit.id, exceptPositionId],
    );
    if (head) throw unitHasHead(unit.code, head);
  }

  private async unitOf(em: EntityManager, unitId: string | undefined, unitCode: string | undefined): Promise<OrgUnitEntity> {
    const units = em.getRepository(OrgUnitEntity);
    if (unitCode !== undefined) {
      const unit = await units.findOneBy({ code: unitCode });
      if (!unit) throw unknownReference('unitCode', `no unit has the code ${unitCode}`);
      return unit;
    }
    const unit = await units.findOneBy({ id: unitId });
    if (!unit) throw unknownReference('unitId', `no unit has the id ${unitId}`);
    return unit;
  }

  /** The superior post's id; null for none (not given, or given as null). */
  private async superiorOf(em: EntityManager, superiorId: string | null | undefined, superiorCode: string | null | undefined): Promise<string | null> {
    const posts = em.getRepository(PositionEntity);
    if (superiorCode) {
      const superior = await posts.findOne({ select: { id: true }, where: { code: superiorCode } });
      if (!superior) throw unknownReference('superiorCode', `no position has the code ${superiorCode}`);
      return superior.id;
    }
    if (superiorId) {
      if (!(await posts.existsBy({ id: superiorId }))) throw unknownReference('superiorPositionId', `no position has the id ${superiorId}`);
      return superiorId;
    }
    return null;
  }

  private async withHolders(rows: PositionRow[], now: Date): Promise<PositionView[]> {
    const active = await activeAppointmentsByPosition(this.dataSource, rows.map((r) => r.id), now);
    return rows.map((row) => {
      const activeAppointments = active.get(row.id) ?? [];
      return { ...row, activeAppointments, acting: actingOf(activeAppointments, now) };
    });
  }
}

import { DataSource, In } from 'typeorm';
import { ApprovalTaskEntity, PersonEntity, PositionEntity } from './entities';

/** The approval_task columns a chain of custody is built from. */
export type CustodyTaskRow = Pick<
  ApprovalTaskEntity,
  | 'id'
  | 'proposalId'
  | 'stageIndex'
  | 'stageName'
  | 'round'
  | 'slot'
  | 'positionId'
  | 'assigneePersonId'
  | 'capacity'
  | 'onBehalfOfPersonId'
  | 'reassignedFromTaskId'
  | 'escalatedFromTaskId'
  | 'escalationLevel'
  | 'status'
  | 'decision'
  | 'createdAt'
  | 'decidedAt'
>;

/** Names looked up once for a whole batch of tasks. */
export interface CustodyNames {
  positions: ReadonlyMap<string, string>;
  people: ReadonlyMap<string, string>;
}

const TASK_COLUMNS: Record<keyof CustodyTaskRow, true> = {
  id: true, proposalId: true, stageIndex: true, stageName: true, round: true, slot: true, positionId: true, assigneePersonId: true,
  capacity: true, onBehalfOfPersonId: true, reassignedFromTaskId: true, escalatedFromTaskId: true, escalationLevel: true, status: true,
  decision: true, createdAt: true, decidedAt: true,
};

/** The task rows of chains of custody and the names they mention. */
export class CustodyQueries {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Every task of these proposals, and the names of every post and person they mention: three
   * queries whatever the number of proposals.
   */
  async tasksOf(proposalIds: readonly string[]): Promise<{ rows: CustodyTaskRow[]; names: CustodyNames }> {
    if (proposalIds.length === 0) return { rows: [], names: { positions: new Map(), people: new Map() } };
    const rows: CustodyTaskRow[] = await this.dataSource
      .getRepository(ApprovalTaskEntity)
      .find({ where: { proposalId: In([...proposalIds]) }, select: TASK_COLUMNS });
    const positionIds = [...new Set(rows.map((r) => r.positionId))];
    const personIds = [...new Set(rows.flatMap((r) => [r.assigneePersonId, r.onBehalfOfPersonId]).filter((id): id is string => !!id))];
    const [positions, people] = await Promise.all([
      positionIds.length ? this.dataSource.getRepository(PositionEntity).find({ where: { id: In(positionIds) }, select: { id: true, title: true } }) : [],
      personIds.length ? this.dataSource.getRepository(PersonEntity).find({ where: { id: In(personIds) }, select: { id: true, name: true } }) : [],
    ]);
    return {
      rows,
      names: { positions: new Map(positions.map((p) => [p.id, p.title])), people: new Map(people.map((p) => [p.id, p.name])) },
    };
  }
}

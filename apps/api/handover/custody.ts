import type { Capacity, Decision, TaskStatus } from '@libs/domain/proposal';
import type { CustodyNames, CustodyQueries, CustodyTaskRow } from '@libs/persistence/custody.queries';

export type { CustodyNames, CustodyTaskRow } from '@libs/persistence/custody.queries';

/** How a task came to its holder: opened for the slot, moved because the acting person changed, or escalated. */
export type CustodyVia = 'assigned' | 'reassigned' | 'escalated';

/** One hand the baton passed through: a task, who held it, in which capacity, from when to when, how it ended. */
export interface CustodyEntry {
  taskId: string;
  stageIndex: number;
  stageName: string;
  round: number;
  slot: number;
  positionId: string;
  positionTitle: string | null;
  /** Null when the post was vacant and nobody acted for it. */
  personId: string | null;
  personName: string | null;
  capacity: Capacity | null;
  onBehalfOf: { personId: string; name: string | null } | null;
  from: Date;
  /** When the task stopped being open; null while it is open. */
  to: Date | null;
  status: TaskStatus;
  decision: Decision | null;
  via: CustodyVia;
  /** The task this one replaced (by reassignment or escalation); null for a task opened for its slot. */
  previousTaskId: string | null;
  escalationLevel: number;
}

export function viaOf(row: Pick<CustodyTaskRow, 'reassignedFromTaskId' | 'escalatedFromTaskId'>): CustodyVia {
  if (row.reassignedFromTaskId) return 'reassigned';
  if (row.escalatedFromTaskId) return 'escalated';
  return 'assigned';
}

/** Creation order; equal moments (the slots of one stage opened together) by round, stage, slot, escalation, id. */
export function compareCustody(a: CustodyTaskRow, b: CustodyTaskRow): number {
  return (
    a.createdAt.getTime() - b.createdAt.getTime() ||
    a.round - b.round ||
    a.stageIndex - b.stageIndex ||
    a.slot - b.slot ||
    a.escalationLevel - b.escalationLevel ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The chain of custody of one proposal from its task rows (any order) and the names of posts and people. */
export function buildCustody(rows: readonly CustodyTaskRow[], names: CustodyNames): CustodyEntry[] {
  const person = (id: string | null) => (id ? (names.people.get(id) ?? null) : null);
  return [...rows].sort(compareCustody).map((t) => ({
    taskId: t.id,
    stageIndex: t.stageIndex,
    stageName: t.stageName,
    round: t.round,
    slot: t.slot,
    positionId: t.positionId,
    positionTitle: names.positions.get(t.positionId) ?? null,
    personId: t.assigneePersonId,
    personName: person(t.assigneePersonId),
    capacity: t.capacity,
    onBehalfOf: t.onBehalfOfPersonId ? { personId: t.onBehalfOfPersonId, name: person(t.onBehalfOfPersonId) } : null,
    from: t.createdAt,
    to: t.status === 'open' ? null : t.decidedAt,
    status: t.status,
    decision: t.decision,
    via: viaOf(t),
    previousTaskId: t.reassignedFromTaskId ?? t.escalatedFromTaskId,
    escalationLevel: t.escalationLevel,
  }));
}

/**
 * The chains of custody of several proposals from the read models, in three queries whatever their
 * number (tasks, then the names of every post and person they mention). Proposals without tasks map to [].
 */
export async function loadCustody(queries: CustodyQueries, proposalIds: readonly string[]): Promise<Map<string, CustodyEntry[]>> {
  const ids = [...new Set(proposalIds)];
  const result = new Map<string, CustodyEntry[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return result;
  const { rows, names } = await queries.tasksOf(ids);
  const byProposal = new Map<string, CustodyTaskRow[]>();
  for (const row of rows) {
    const list = byProposal.get(row.proposalId);
    if (list) list.push(row);
    else byProposal.set(row.proposalId, [row]);
  }
  for (const [proposalId, list] of byProposal) result.set(proposalId, buildCustody(list, names));
  return result;
}

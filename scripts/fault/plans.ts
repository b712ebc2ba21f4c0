import { eventIdFor } from '@libs/persistence/record.store';

/** The chain of a fault run: three stages, the last two may return the proposal for revision. */
export const STAGES = 3;
export const RETURNABLE_STAGES = [1, 2];

/** What the run does with one proposal after submitting it. */
export type Plan =
  | { kind: 'approve' }
  | { kind: 'reject'; stage: number }
  /** Returned at `stage`, edited, resubmitted, then approved to the end. */
  | { kind: 'return'; stage: number }
  /** Withdrawn once `approved` stages are approved and the next stage's task is open. */
  | { kind: 'withdraw'; approved: number };

export type Decision = 'approve' | 'reject' | 'return';

export const EXPECTED_STATUS: Record<Plan['kind'], string> = {
  approve: 'approved',
  reject: 'rejected',
  return: 'approved',
  withdraw: 'withdrawn',
};

/** A small seeded generator (mulberry32), so a run's mix of plans can be repeated. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** About half approved through, the rest rejected, returned and resubmitted, or withdrawn, at random stages. */
export function planFor(random: () => number): Plan {
  const r = random();
  const stage = (n: number) => Math.min(n - 1, Math.floor(random() * n));
  if (r < 0.5) return { kind: 'approve' };
  if (r < 0.65) return { kind: 'reject', stage: stage(STAGES) };
  if (r < 0.85) return { kind: 'return', stage: RETURNABLE_STAGES[stage(RETURNABLE_STAGES.length)] };
  return { kind: 'withdraw', approved: stage(STAGES) };
}

export const taskSlot = (stage: number, round: number) => `${stage}:${round}`;

export interface ExpectedEvent {
  key: string;
  type: string;
  /** For task events, the task (its decision for task.decided). */
  taskId?: string;
  decision?: Decision;
}

/**
 * Every history row a plan leaves, in order, given the task ids the run saw in the inboxes. Keys are the
 * workflow's event keys, from which the rows' ids derive; the record must hold exactly these rows.
 */
export function expectedEvents(plan: Plan, tasks: Map<string, string>): ExpectedEvent[] {
  const events: ExpectedEvent[] = [{ key: 'submitted', type: 'proposal.submitted' }];
  const task = (stage: number, round: number) => {
    const id = tasks.get(taskSlot(stage, round));
    if (!id) throw new Error(`no task was seen for stage ${stage}, round ${round}`);
    return id;
  };
  const open = (stage: number, round: number) => {
    const taskId = task(stage, round);
    events.push({ key: `stage:${stage}:r${round}:opened`, type: 'stage.opened' }, { key: `task:${taskId}:created`, type: 'task.created', taskId });
    return taskId;
  };
  const decide = (stage: number, round: number, decision: Decision, outcome: 'approved' | 'rejected' | 'returned') => {
    const taskId = open(stage, round);
    events.push(
      { key: `task:${taskId}:decided`, type: 'task.decided', taskId, decision },
      { key: `stage:${stage}:r${round}:${outcome}`, type: `stage.${outcome}` },
    );
  };
  switch (plan.kind) {
    case 'approve':
      for (let s = 0; s < STAGES; s++) decide(s, 1, 'approve', 'approved');
      events.push({ key: 'proposal:approved:r1', type: 'proposal.approved' });
      break;
    case 'reject':
      for (let s = 0; s < plan.stage; s++) decide(s, 1, 'approve', 'approved');
      decide(plan.stage, 1, 'reject', 'rejected');
      events.push({ key: 'proposal:rejected:r1', type: 'proposal.rejected' });
      break;
    case 'return':
      for (let s = 0; s < plan.stage; s++) decide(s, 1, 'approve', 'approved');
      decide(plan.stage, 1, 'return', 'returned');
      events.push({ key: 'proposal:returned:r1', type: 'proposal.returned' }, { key: 'proposal:resubmitted:r2', type: 'proposal.resubmitted' });
      for (let s = plan.stage; s < STAGES; s++) decide(s, 2, 'approve', 'approved');
      events.push({ key: 'proposal:approved:r2', type: 'proposal.approved' });
      break;
    case 'withdraw':
      for (let s = 0; s < plan.approved; s++) decide(s, 1, 'approve', 'approved');
      open(plan.approved, 1);
      events.push({ key: 'proposal:withdrawn', type: 'proposal.withdrawn' });
      break;
  }
  return events;
}

/** The id of the history row an event key gives (as the record writer derives it). */
export const expectedRowId = (proposalId: string, key: string) => eventIdFor(proposalId, key);

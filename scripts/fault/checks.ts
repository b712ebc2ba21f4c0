import { Client, Connection } from '@temporalio/client';
import { workflowIdForProposal } from '@libs/contracts/approval.contract';
import { FaultHttp } from './http';
import { expectedEvents, expectedRowId } from './plans';
import type { Person, ProposalBody, ScenarioRecord } from './scenario';

interface HistoryRow {
  id: string;
  seq: number;
  type: string;
  actorPersonId: string | null;
  data: Record<string, unknown>;
}

export interface CheckTotals {
  proposals: number;
  historyRows: number;
  decidedTasks: number;
  verified: number;
  workflowsCompleted: number;
}

const TASK_STATUS: Record<string, string> = { approve: 'approved', reject: 'rejected', return: 'returned' };

/**
 * After the run: every proposal is in its expected final state with exactly the expected history rows
 * (the ids derive from the workflow's event keys, so the ids, their order and their count say that no
 * row is missing, duplicated or extra), one decision per decided task by the person who made it, a
 * hash chain that verifies, a workflow that completed, and no proposal created twice.
 */
export async function checkRecords(
  http: FaultHttp,
  admin: Person,
  approvers: Person[],
  records: ScenarioRecord[],
  runTag: string,
  temporalAddress: string,
  violations: string[],
): Promise<CheckTotals> {
  const totals: CheckTotals = { proposals: 0, historyRows: 0, decidedTasks: 0, verified: 0, workflowsCompleted: 0 };
  const get = async <T>(path: string): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      const answer = await http.once<T>('check', admin.token, 'GET', path);
      if (answer.status === 200) return answer.body;
      if (attempt >= 5) throw new Error(`GET ${path}: ${answer.status} ${JSON.stringify(answer.body)?.slice(0, 300)}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  };

  // No proposal was created twice by a repeated request.
  const titles = new Map<string, number>();
  for (let page = 1; ; page++) {
    const list = await get<{ items: { title: string }[]; total: number }>(`/api/proposals?scope=all&q=${encodeURIComponent(runTag)}&pageSize=100&page=${page}`);
    for (const p of list.items) titles.set(p.title, (titles.get(p.title) ?? 0) + 1);
    if (page * 100 >= list.total) break;
  }
  for (const [title, n] of titles) if (n > 1) violations.push(`"${title}" exists ${n} times`);
  if (titles.size !== records.length) violations.push(`${titles.size} proposals of this run exist, ${records.length} were planned`);

  const connection = await Connection.connect({ address: temporalAddress });
  const temporal = new Client({ connection });
  try {
    // Proposals whose run failed are violations already; their record cannot be compared with a plan.
    const queue = records.filter((r) => r.done && r.proposalId);
    await Promise.all(Array.from({ length: 8 }, async () => {
      for (let r = queue.shift(); r; r = queue.shift()) {
        const problems = await checkOne(r, get, approvers, temporal, totals);
        violations.push(...problems.map((p) => `proposal ${r.index + 1} (${r.plan.kind}${'stage' in r.plan ? ` at stage ${r.plan.stage}` : ''}${'approved' in r.plan ? ` after ${r.plan.approved}` : ''}, ${r.proposalId}): ${p}`));
      }
    }));
  } finally {
    await connection.close();
  }
  return totals;
}

async function checkOne(
  r: ScenarioRecord,
  get: <T>(path: string) => Promise<T>,
  approvers: Person[],
  temporal: Client,
  totals: CheckTotals,
): Promise<string[]> {
  const id = r.proposalId!;
  const problems: string[] = [];
  totals.proposals++;
  const proposal = await get<ProposalBody>(`/api/proposals/${id}`);
  if (proposal.status !== r.expectedStatus) problems.push(`status ${proposal.status}, expected ${r.expectedStatus}`);

  let expected;
  try {
    expected = expectedEvents(r.plan, r.tasks);
  } catch (err) {
    return [...problems, `cannot tell the expected record: ${String(err)}`];
  }
  const rows = await get<HistoryRow[]>(`/api/proposals/${id}/history`);
  totals.historyRows += rows.length;
  const seqs = rows.map((row) => row.seq);
  if (seqs.some((s, i) => s !== i + 1)) problems.push(`sequence numbers are not 1..${rows.length} without gaps: ${seqs.join(',')}`);
  if (new Set(rows.map((row) => row.id)).size !== rows.length) problems.push('a row id appears twice');
  const wantIds = expected.map((e) => expectedRowId(id, e.key));
  const gotIds = rows.map((row) => row.id);
  if (wantIds.join() !== gotIds.join()) {
    const missing = expected.filter((e, i) => !gotIds.includes(wantIds[i])).map((e) => e.key);
    const extra = rows.filter((row) => !wantIds.includes(row.id)).map((row) => `${row.seq}:${row.type}`);
    problems.push(
      `record differs from the expected ${expected.length} rows (has ${rows.length}): ` +
        `expected ${expected.map((e) => e.type).join(' ')}; got ${rows.map((row) => row.type).join(' ')}` +
        (missing.length ? `; missing ${missing.join(', ')}` : '') +
        (extra.length ? `; extra ${extra.join(', ')}` : ''),
    );
  }
  const types = rows.map((row) => row.type).join();
  if (types !== expected.map((e) => e.type).join() && wantIds.join() === gotIds.join()) problems.push('row types differ from the expected types');

  // Exactly one task.decided per decided task, carrying the decision and the person who made it.
  const decided = rows.filter((row) => row.type === 'task.decided');
  for (const e of expected.filter((x) => x.type === 'task.decided')) {
    const mine = decided.filter((row) => row.data.taskId === e.taskId);
    if (mine.length !== 1) {
      problems.push(`task ${e.taskId} has ${mine.length} task.decided rows`);
      continue;
    }
    totals.decidedTasks++;
    if (mine[0].data.decision !== e.decision) problems.push(`task ${e.taskId} recorded ${String(mine[0].data.decision)}, expected ${e.decision}`);
    const stage = Number(mine[0].data.stageIndex);
    if (mine[0].actorPersonId !== approvers[stage]?.personId) problems.push(`task ${e.taskId} was recorded as decided by ${mine[0].actorPersonId}`);
  }
  if (decided.length !== expected.filter((x) => x.type === 'task.decided').length) problems.push(`${decided.length} task.decided rows`);

  // The read model agrees: the tasks the run saw and no others, each in its final status.
  const seen = new Set(r.tasks.values());
  if (proposal.tasks.length !== seen.size || proposal.tasks.some((t) => !seen.has(t.id))) {
    problems.push(`tasks ${proposal.tasks.map((t) => `${t.stageIndex}/${t.round}:${t.status}`).join(' ')} differ from the ${seen.size} the run saw`);
  }
  for (const t of proposal.tasks) {
    const e = expected.find((x) => x.type === 'task.decided' && x.taskId === t.id);
    const want = e ? TASK_STATUS[e.decision!] : 'cancelled';
    if (t.status !== want) problems.push(`task ${t.id} is ${t.status}, expected ${want}`);
  }

  const verification = await get<{ valid: boolean; count: number; brokenAt?: unknown }>(`/api/proposals/${id}/history/verify`);
  if (!verification.valid || verification.count !== rows.length) problems.push(`verify: ${JSON.stringify(verification)}`);
  else totals.verified++;

  const description = await temporal.workflow.getHandle(workflowIdForProposal(id)).describe();
  if (description.status.name !== 'COMPLETED') problems.push(`workflow is ${description.status.name}`);
  else totals.workflowsCompleted++;
  return problems;
}

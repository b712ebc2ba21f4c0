import { Answer, ErrorBody, FaultHttp, retryable } from './http';
import { Decision, EXPECTED_STATUS, Plan, STAGES, taskSlot } from './plans';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Person {
  name: string;
  personId: string;
  token: string;
}

export interface Cast {
  proposers: Person[];
  /** The person acting for each stage's post, in stage order. */
  approvers: Person[];
  admin: Person;
}

/** One proposal of the run: what was planned, what the run saw and did, and what went wrong. */
export interface ScenarioRecord {
  index: number;
  title: string;
  plan: Plan;
  expectedStatus: string;
  proposerId: string;
  proposalId?: string;
  /** Task ids seen in the inboxes, by `stage:round`. */
  tasks: Map<string, string>;
  /** Decisions made (answered 200, or a repeat that found the first attempt applied). */
  decisions: number;
  /** Steps that needed more than one request (an outage answered, the request was repeated). */
  retriedSteps: number;
  /** Steps whose repeat found the first attempt already applied (answered 409 and confirmed). */
  appliedEarlier: number;
  done: boolean;
  error?: string;
  /** The requests of its steps (not the inbox polls), to explain an error. */
  trail: string[];
}

class ScenarioError extends Error {}

const codeOf = (a: Answer<unknown>) => (a.body as ErrorBody | null)?.code;
const show = (a: Answer<unknown>) => `${a.status}${codeOf(a) ? ` ${codeOf(a)}` : ''}: ${JSON.stringify(a.body)?.slice(0, 300)}`;

/**
 * Drives one proposal through the HTTP API as its proposer and approvers would, repeating a request
 * (with the same Idempotency-Key where the endpoint takes one) while the API answers 503 or not at
 * all. A repeat answered 409 is accepted only once the state shows that the first attempt was applied.
 */
export class ScenarioRunner {
  constructor(
    private readonly http: FaultHttp,
    private readonly cast: Cast,
    private readonly runTag: string,
    private readonly templateCode: string,
    private readonly deadlineMs: number,
  ) {}

  async run(record: ScenarioRecord): Promise<void> {
    const deadline = Date.now() + this.deadlineMs;
    const proposer = this.cast.proposers.find((p) => p.personId === record.proposerId)!;
    try {
      const id = await this.createDraft(record, proposer, deadline);
      record.proposalId = id;
      await this.submit(record, proposer, id, deadline);
      const { plan } = record;
      const approveStages = async (from: number, to: number, round: number) => {
        for (let s = from; s < to; s++) await this.decide(record, s, round, 'approve', deadline);
      };
      switch (plan.kind) {
        case 'approve':
          await approveStages(0, STAGES, 1);
          break;
        case 'reject':
          await approveStages(0, plan.stage, 1);
          await this.decide(record, plan.stage, 1, 'reject', deadline);
          break;
        case 'return':
          await approveStages(0, plan.stage, 1);
          await this.decide(record, plan.stage, 1, 'return', deadline);
          await this.edit(record, proposer, id, deadline);
          await this.resubmit(record, proposer, id, deadline);
          await approveStages(plan.stage, STAGES, 2);
          break;
        case 'withdraw':
          await approveStages(0, plan.approved, 1);
          await this.waitTask(record, plan.approved, 1, deadline);
          await this.withdraw(record, proposer, id, deadline);
          break;
      }
      record.done = true;
    } catch (err) {
      record.error = `${err instanceof Error ? err.message : String(err)} [${record.trail.join('; ')}]`;
    }
  }

  /** One request, noted in the proposal's trail. */
  private async once<T>(record: ScenarioRecord, op: string, who: Person, method: string, path: string, options: Parameters<FaultHttp['once']>[4] = {}) {
    const answer = await this.http.once<T>(op, who.token, method, path, options);
    const s = answer.sample;
    record.trail.push(`${new Date(s.start).toISOString().slice(11, 23)} ${op} ${s.status}${s.code ? ` ${s.code}` : ''} ${s.end - s.start}ms`);
    return answer;
  }

  /** Sends until the answer is not retryable; backs off between attempts. */
  private async send<T>(
    record: ScenarioRecord,
    op: string,
    who: Person,
    method: string,
    path: string,
    deadline: number,
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<{ answer: Answer<T>; retried: boolean }> {
    for (let attempt = 1; ; attempt++) {
      const answer = await this.once<T>(record, op, who, method, path, { ...options, first: attempt === 1 });
      if (!retryable(answer.status)) {
        if (attempt > 1) record.retriedSteps++;
        return { answer, retried: attempt > 1 };
      }
      if (Date.now() > deadline) throw new ScenarioError(`${op} ${path}: still ${show(answer)} after ${attempt} attempts`);
      await sleep(Math.min(2000, 200 * 2 ** Math.min(attempt - 1, 4)));
    }
  }

  /** Reads the proposal (as an administrator) until `ok` holds; for confirming that a repeated request's first attempt was applied. */
  private async confirm(record: ScenarioRecord, what: string, ok: (p: ProposalBody) => boolean, deadline: number): Promise<void> {
    const until = Math.min(deadline, Date.now() + 30_000);
    for (;;) {
      const { answer } = await this.send<ProposalBody>(record, 'read-proposal', this.cast.admin, 'GET', `/api/proposals/${record.proposalId}`, deadline);
      if (answer.status === 200 && ok(answer.body)) {
        record.appliedEarlier++;
        return;
      }
      if (Date.now() > until) throw new ScenarioError(`${what}: the repeat was refused and the proposal does not show the first attempt applied: ${JSON.stringify(answer.body)?.slice(0, 400)}`);
      await sleep(500);
    }
  }

  /**
   * POST /api/proposals (a draft) has no idempotency key: after an answer that may hide a commit (503,
   * none), the run looks the draft up by its unique title before creating it again.
   */
  private async createDraft(record: ScenarioRecord, proposer: Person, deadline: number): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      const answer = await this.once<{ id: string }>(record, 'create', proposer, 'POST', '/api/proposals', { body: this.proposalBody(record), first: attempt === 1 });
      if (answer.status === 201) return answer.body.id;
      if (!retryable(answer.status)) throw new ScenarioError(`create: ${show(answer)}`);
      record.retriedSteps++;
      const q = encodeURIComponent(record.title);
      const { answer: found } = await this.send<{ items: { id: string; title: string }[] }>(record, 'find-draft', proposer, 'GET', `/api/proposals?q=${q}&pageSize=5`, deadline);
      if (found.status !== 200) throw new ScenarioError(`find-draft: ${show(found)}`);
      const mine = found.body.items.filter((p) => p.title === record.title);
      if (mine.length > 0) {
        record.appliedEarlier++;
        return mine[0].id;
      }
      if (Date.now() > deadline) throw new ScenarioError(`create: still ${show(answer)} after ${attempt} attempts`);
      await sleep(Math.min(2000, 200 * 2 ** Math.min(attempt - 1, 4)));
    }
  }

  private async submit(record: ScenarioRecord, proposer: Person, id: string, deadline: number): Promise<void> {
    const { answer, retried } = await this.send(record, 'submit', proposer, 'POST', `/api/proposals/${id}/submit`, deadline);
    if (answer.status === 200) return;
    // The first attempt started the workflow although its answer was lost: the draft is under approval.
    if (retried && answer.status === 409 && ['ALREADY_SUBMITTED', 'NOT_A_DRAFT'].includes(codeOf(answer) ?? '')) {
      record.appliedEarlier++;
      return;
    }
    throw new ScenarioError(`submit: ${show(answer)}`);
  }

  /** Polls the approver's inbox (Tugas Saya) until the stage round's task is open there. */
  private async waitTask(record: ScenarioRecord, stage: number, round: number, deadline: number): Promise<string> {
    const approver = this.cast.approvers[stage];
    for (let wait = 100; ; wait = Math.min(1000, Math.round(wait * 1.5))) {
      const answer = await this.http.once<{ items: { id: string; stageIndex: number; round: number; status: string }[] }>(
        'inbox', approver.token, 'GET', `/api/tasks?proposalId=${record.proposalId}&pageSize=10`,
      );
      if (answer.status === 200) {
        const task = answer.body.items.find((t) => t.stageIndex === stage && t.round === round && t.status === 'open');
        if (task) {
          record.tasks.set(taskSlot(stage, round), task.id);
          return task.id;
        }
      } else if (!retryable(answer.status)) {
        throw new ScenarioError(`inbox: ${show(answer)}`);
      }
      if (Date.now() > deadline) throw new ScenarioError(`the task of stage ${stage}, round ${round} never appeared in ${approver.name}'s inbox`);
      await sleep(wait);
    }
  }

  private async decide(record: ScenarioRecord, stage: number, round: number, decision: Decision, deadline: number): Promise<void> {
    const taskId = await this.waitTask(record, stage, round, deadline);
    const approver = this.cast.approvers[stage];
    const comment = decision === 'approve' ? undefined : `Alasan ${decision === 'reject' ? 'penolakan' : 'pengembalian'} untuk ${record.title}`;
    const { answer, retried } = await this.send<{ taskId: string; decision: string }>(record, 'decide', approver, 'POST', `/api/tasks/${taskId}/decision`, deadline, {
      body: { decision, ...(comment ? { comment } : {}) },
      headers: { 'Idempotency-Key': `${this.runTag}-${record.index}-s${stage}-r${round}` },
    });
    if (answer.status === 200) {
      if (answer.body.taskId !== taskId || answer.body.decision !== decision) throw new ScenarioError(`decide: answered for another decision: ${JSON.stringify(answer.body)}`);
      record.decisions++;
      return;
    }
    // A repeat after the approval ended (the first attempt settled it) is answered from the read model.
    if (retried && answer.status === 409 && codeOf(answer) === 'ALREADY_DECIDED') {
      const expected = { approve: 'approved', reject: 'rejected', return: 'returned' }[decision];
      await this.confirm(record, 'decide', (p) => p.tasks.some((t) => t.id === taskId && t.status === expected && t.decision === decision), deadline);
      record.decisions++;
      return;
    }
    throw new ScenarioError(`decide (stage ${stage}, round ${round}, ${decision}): ${show(answer)}`);
  }

  /** Edits the returned proposal; If-Match makes a repeat of an applied edit a 409 instead of a second edit. */
  private async edit(record: ScenarioRecord, proposer: Person, id: string, deadline: number): Promise<void> {
    const goals = `Sasaran diperbaiki: ${record.title}`;
    const { answer, retried } = await this.send<{ version: number }>(record, 'edit', proposer, 'PATCH', `/api/proposals/${id}`, deadline, {
      body: { goals },
      headers: { 'If-Match': '"1"' },
    });
    if (answer.status === 200 && answer.body.version === 2) return;
    if (retried && answer.status === 409 && codeOf(answer) === 'VERSION_MISMATCH') {
      await this.confirm(record, 'edit', (p) => p.version === 2 && p.goals === goals, deadline);
      return;
    }
    throw new ScenarioError(`edit: ${show(answer)}`);
  }

  private async resubmit(record: ScenarioRecord, proposer: Person, id: string, deadline: number): Promise<void> {
    const { answer, retried } = await this.send<{ round: number }>(record, 'resubmit', proposer, 'POST', `/api/proposals/${id}/resubmit`, deadline, {
      body: { note: 'Sudah diperbaiki sesuai catatan.' },
      headers: { 'Idempotency-Key': `${this.runTag}-${record.index}-resubmit` },
    });
    if (answer.status === 200 && answer.body.round === 2) return;
    if (retried && answer.status === 409) {
      await this.confirm(record, 'resubmit', (p) => p.round === 2, deadline);
      return;
    }
    throw new ScenarioError(`resubmit: ${show(answer)}`);
  }

  /** Withdrawal takes no idempotency key: a repeat after an applied withdrawal is refused 409, and the state shows it. */
  private async withdraw(record: ScenarioRecord, proposer: Person, id: string, deadline: number): Promise<void> {
    const { answer, retried } = await this.send<{ proposalStatus: string }>(record, 'withdraw', proposer, 'POST', `/api/proposals/${id}/withdraw`, deadline, {
      body: { reason: `Ditarik: ${record.title}` },
    });
    if (answer.status === 200 && answer.body.proposalStatus === 'withdrawn') return;
    // Refused as ended (the record shows it), as closing (still being recorded) or, when the first
    // attempt's withdrawal completed the workflow between the API's read and its Update, as closed.
    if (retried && answer.status === 409 && ['APPROVAL_ENDED', 'INVALID_STATE', 'APPROVAL_CLOSED'].includes(codeOf(answer) ?? '')) {
      await this.confirm(record, 'withdraw', (p) => p.status === 'withdrawn', deadline);
      return;
    }
    throw new ScenarioError(`withdraw: ${show(answer)}`);
  }

  private proposalBody(record: ScenarioRecord) {
    return {
      title: record.title,
      problem: 'Pemohon izin antre berjam-jam di loket tanpa kepastian waktu layanan.',
      proposedChange: 'Nomor antrean diambil daring; notifikasi SMS saat giliran mendekat.',
      goals: 'Memangkas waktu tunggu di loket.',
      benefits: 'Pemohon menunggu dari rumah.',
      category: 'tata-kelola',
      type: 'digital',
      form: 'pelayanan-publik',
      initiatorKind: 'individu',
      budgetEstimate: 25000000,
      templateCode: this.templateCode,
      submit: false,
    };
  }
}

export interface ProposalBody {
  id: string;
  title: string;
  status: string;
  version: number;
  round: number;
  goals: string;
  tasks: { id: string; stageIndex: number; round: number; status: string; decision: string | null; assigneePersonId: string | null }[];
}

export function newRecord(index: number, runTag: string, plan: Plan, proposerId: string): ScenarioRecord {
  return {
    index,
    title: `Uji gangguan ${runTag} no. ${index + 1}`,
    plan,
    expectedStatus: EXPECTED_STATUS[plan.kind],
    proposerId,
    tasks: new Map(),
    trail: [],
    decisions: 0,
    retriedSteps: 0,
    appliedEarlier: 0,
    done: false,
  };
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { stateQuery, workflowIdForProposal } from '@libs/contracts/approval.contract';
import { SA_STAGE, SA_STAGE_OPENED_AT, SA_STATUS, SA_UNIT_CODE, SA_WAITING } from '@libs/contracts/search-attributes';
import type { StageDefinition } from '@libs/domain/chain';
import { ApprovalTaskEntity, HistoryEventEntity, ProposalEntity } from '@libs/persistence/entities';
import { TEMPORAL_CLIENT } from '@libs/temporal/temporal-client.module';
import { AppStack, eventually, positionId, startAppStack, validProposal } from './support/app-stack';
import { buildOrg, Org } from './support/org-fixture';
import { insertTemplate, startApprovalDirectly } from './support/templates';

/**
 * What an administrator sees of approvals in Temporal: search attributes that say the same as the
 * read model at every step, the memo, and the queries of docs/OPERATIONS.md run as written there
 * against the real dev server (visibility is eventually consistent: every check polls).
 */
describe('approvals as an administrator finds them in Temporal', () => {
  let stack: AppStack;
  let temporal: Client;
  let org: Org;
  const ids: Record<'normal' | 'atHead' | 'vacant' | 'blocked', string> = { normal: '', atHead: '', vacant: '', blocked: '' };

  beforeAll(async () => {
    stack = await startAppStack();
    temporal = stack.api.get<Client>(TEMPORAL_CLIENT);
    org = await buildOrg(stack, {
      units: [
        { key: 'dinas', name: 'Dinas Komunikasi dan Informatika', kind: 'dinas' },
        // A unit without a head post: a chain that asks for the head of the proposer's parent unit cannot be resolved.
        { key: 'bidang', name: 'Bidang Aplikasi', kind: 'bidang', parent: 'dinas' },
        { key: 'seksi', name: 'Seksi Layanan Aplikasi', kind: 'seksi', parent: 'bidang' },
      ],
      posts: [
        { key: 'kadis', title: 'Kepala Dinas Kominfo', unit: 'dinas', level: 'jpt-pratama', head: true, holder: 'kadis' },
        { key: 'kasi', title: 'Kepala Seksi Layanan Aplikasi', unit: 'seksi', level: 'pengawas', superior: 'kadis', head: true, holder: 'kasi' },
        { key: 'kosong', title: 'Pranata Komputer Ahli Muda', unit: 'seksi', level: 'fungsional', superior: 'kasi' },
        { key: 'staf', title: 'Pengelola Layanan Aplikasi', unit: 'seksi', level: 'pelaksana', superior: 'kasi', holder: 'proposer' },
      ],
      people: { kadis: 'Bayu Anggara', kasi: 'Citra Kirana', pengganti: 'Fikri Hamdani', proposer: 'Nadia Putri', admin: 'Admin Kominfo' },
      admins: ['admin'],
    });
    const at = (post: string, over: Partial<StageDefinition> = {}): StageDefinition[] => [
      { key: 'satu', name: `Persetujuan ${post}`, approvers: [{ kind: 'position', positionId: org.post(post) }], mode: 'any', sla: 'P5D', ...over },
    ];
    const blocked: StageDefinition[] = [{ key: 'satu', name: 'Kepala Bidang', approvers: [{ kind: 'head-of-parent-unit' }], mode: 'any' }];
    const chains = { normal: at('kasi'), atHead: at('kadis'), vacant: at('kosong'), blocked };
    for (const [name, stages] of Object.entries(chains)) {
      const templateCode = await insertTemplate(stack.dataSource, stages, 'ops');
      ids[name as keyof typeof ids] = (await (await org.as('proposer')).post('/api/proposals', validProposal({ title: `Usulan ${name}`, templateCode })).expect(201)).body.id;
    }
  }, 60_000);
  afterAll(() => stack?.close());

  const handle = (proposalId: string) => temporal.workflow.getHandle(workflowIdForProposal(proposalId));
  const unitCode = () => `seksi-${org.suffix}`;

  /** The attributes the read model implies for a proposal, once its first step is written. */
  async function expectedAttributes(proposalId: string, code: string) {
    const proposal = await stack.dataSource.getRepository(ProposalEntity).findOneByOrFail({ id: proposalId });
    const open = await stack.dataSource.getRepository(ApprovalTaskEntity).findBy({ proposalId, status: 'open' });
    const blocked = await stack.dataSource.getRepository(HistoryEventEntity).findOneBy({ proposalId, type: 'stage.blocked' });
    if (!open.length && !blocked) return undefined;
    return {
      status: proposal.status,
      stage: proposal.currentStageName,
      stageOpenedAt: proposal.stageOpenedAt?.toISOString() ?? null,
      unitCode: code,
      waiting: blocked ? 'blocked' : open.some((t) => !t.assigneePersonId) ? 'vacant' : null,
    };
  }
  async function attributes(proposalId: string) {
    const sa = (await handle(proposalId).describe()).typedSearchAttributes;
    return {
      status: sa.get(SA_STATUS) ?? null,
      stage: sa.get(SA_STAGE) ?? null,
      stageOpenedAt: sa.get(SA_STAGE_OPENED_AT)?.toISOString() ?? null,
      unitCode: sa.get(SA_UNIT_CODE) ?? null,
      waiting: sa.get(SA_WAITING) ?? null,
    };
  }
  /** Polls until the workflow's attributes say what the read model says; fails with both when they never do. */
  async function expectInStep(proposalId: string, code = unitCode()) {
    let last: unknown;
    await eventually(async () => {
      const expected = await expectedAttributes(proposalId, code);
      const actual = await attributes(proposalId);
      last = { expected, actual };
      return expected !== undefined && JSON.stringify(actual) === JSON.stringify(expected);
    }, 15_000, `the search attributes of ${proposalId} to match the read model`).catch((err: Error) => {
      throw new Error(`${err.message}: ${JSON.stringify(last)}`);
    });
  }

  it('writes search attributes that say what the read model and the state query say, from the first stage on', async () => {
    for (const id of Object.values(ids)) {
      await expectInStep(id);
      expect((await handle(id).query(stateQuery)).status).toBe('in_review');
    }
    expect(await attributes(ids.normal)).toMatchObject({ status: 'in_review', waiting: null });
    expect(await attributes(ids.vacant)).toMatchObject({ status: 'in_review', waiting: 'vacant' });
    expect(await attributes(ids.blocked)).toMatchObject({ status: 'in_review', waiting: 'blocked', stage: 'Kepala Bidang' });
  }, 60_000);

  it('answers every query of docs/OPERATIONS.md as it is written there', async () => {
    const doc = readFileSync(join(__dirname, '..', 'docs', 'OPERATIONS.md'), 'utf8');
    const documented = [...new Set([...doc.matchAll(/--query "([^"]+)"/g)].map((m) => m[1]))];
    const all = Object.keys(ids) as (keyof typeof ids)[];
    const stuck = ['vacant', 'blocked'] as const;
    // What each query finds among this file's approvals; a query added to the page must be added here.
    const finds: Record<string, readonly (keyof typeof ids)[]> = {
      "ExecutionStatus='Running' AND EstafetWaiting='vacant'": ['vacant'],
      "ExecutionStatus='Running' AND EstafetWaiting='blocked'": ['blocked'],
      "ExecutionStatus='Running' AND EstafetWaiting IN ('vacant','blocked')": stuck,
      "EstafetUnitCode='DPMPTSP-YAN-USAHA' AND EstafetWaiting IN ('vacant','blocked')": stuck,
      "EstafetStatus='in_review' AND EstafetUnitCode='DPMPTSP-YAN-USAHA'": all,
      "EstafetStatus='in_review' AND EstafetStageOpenedAt < '2026-11-25T00:00:00Z'": all,
      "EstafetWaiting IN ('vacant','blocked') AND EstafetStageOpenedAt < '2026-11-25T00:00:00Z'": stuck,
      "EstafetStatus='in_review' AND EstafetNextDue < '2026-12-09T00:00:00Z'": ['normal', 'atHead', 'vacant'],
      "EstafetStatus='in_review' AND EstafetEscalated=true": [],
      "EstafetStatus='returned'": [],
    };
    expect(documented.sort()).toEqual(Object.keys(finds).sort());

    // The page's example values stand for this file's unit and for moments after (or, as a check that
    // the dates filter at all, before) its stages opened and its tasks fall due.
    const inThisFile = `WorkflowId IN (${Object.values(ids).map((id) => `'${workflowIdForProposal(id)}'`).join(', ')})`;
    const scoped = (query: string, past = false) =>
      `(${query
        .replaceAll("'DPMPTSP-YAN-USAHA'", `'${unitCode()}'`)
        .replaceAll("'2026-11-25T00:00:00Z'", `'${new Date(Date.now() + (past ? -3600e3 : 3600e3)).toISOString()}'`)
        .replaceAll("'2026-12-09T00:00:00Z'", `'${new Date(Date.now() + (past ? -3600e3 : 10 * 24 * 3600e3)).toISOString()}'`)}) AND ${inThisFile}`;
    const nameOf = new Map(Object.entries(ids).map(([name, id]) => [workflowIdForProposal(id), name]));
    const listed = async (query: string) => {
      const found: string[] = [];
      for await (const wf of temporal.workflow.list({ query })) found.push(nameOf.get(wf.workflowId) ?? wf.workflowId);
      return found.sort();
    };
    for (const [query, expected] of Object.entries(finds)) {
      const want = [...expected].sort();
      let got: string[] = [];
      await eventually(async () => {
        got = await listed(scoped(query));
        return JSON.stringify(got) === JSON.stringify(want) && (await temporal.workflow.count(scoped(query))).count === want.length;
      }, 15_000, `${query} to list ${want.join(', ') || 'nothing'}`).catch((err: Error) => {
        throw new Error(`${err.message}; it lists ${got.join(', ') || 'nothing'}`);
      });
      if (/'2026-/.test(query)) expect(await listed(scoped(query, true))).toEqual([]);
    }
  }, 120_000);

  it('marks a task left vacant by the end of a term, and clears the mark when an administrator assigns the tasks', async () => {
    const admin = await org.as('admin');
    const [appointment] = (await admin.get(`/api/positions/${org.post('kasi')}/acting`).expect(200)).body.current as { id: string }[];
    await admin.post(`/api/appointments/${appointment.id}/end`, { reason: 'Pensiun' }).expect(200);
    await eventually(async () => (await attributes(ids.normal)).waiting === 'vacant', 30_000, 'EstafetWaiting=vacant after the holder left');
    await expectInStep(ids.normal);

    const open = await stack.dataSource.getRepository(ApprovalTaskEntity).find({ where: [{ proposalId: ids.normal, status: 'open' }, { proposalId: ids.vacant, status: 'open' }] });
    expect(open).toHaveLength(2);
    await admin.post('/api/admin/tasks/reassign', { taskIds: open.map((t) => t.id), toPersonId: org.person('pengganti'), reason: 'Jabatan kosong, dikerjakan sementara.' }).expect(200);
    for (const id of [ids.normal, ids.vacant]) {
      await eventually(async () => (await attributes(id)).waiting === null, 30_000, 'EstafetWaiting cleared by the Disposisi');
      await expectInStep(id);
    }
  }, 90_000);

  it('starts each approval with a memo an administrator can read, and keeps its title when a revision changes it', async () => {
    const templateCode = await insertTemplate(stack.dataSource, [{ key: 'satu', name: 'Kepala Dinas', approvers: [{ kind: 'position', positionId: org.post('kadis') }], mode: 'any', mayReturn: true }], 'ops');
    const proposer = await org.as('proposer');
    const id = (await proposer.post('/api/proposals', validProposal({ title: 'Aplikasi antrean puskesmas', templateCode })).expect(201)).body.id as string;
    expect((await handle(id).describe()).memo).toEqual({
      title: 'Aplikasi antrean puskesmas',
      proposerName: 'Nadia Putri',
      unitCode: unitCode(),
      unitName: 'Seksi Layanan Aplikasi',
      template: `${templateCode}@1`,
      templateName: `Rantai uji ${templateCode}`,
    });

    const task = await eventually(async () => (await stack.dataSource.getRepository(ApprovalTaskEntity).findOneBy({ proposalId: id, status: 'open' })) ?? undefined, 20_000, 'the task');
    await (await org.as('kadis')).post(`/api/tasks/${task.id}/decision`, { decision: 'return', comment: 'Perjelas cakupan layanan.' }).expect(200);
    await eventually(async () => (await attributes(id)).status === 'returned', 20_000, 'EstafetStatus=returned');
    await proposer.patch(`/api/proposals/${id}`, { title: 'Aplikasi antrean puskesmas dan posyandu' }).expect(200);
    await proposer.post(`/api/proposals/${id}/resubmit`, { note: 'Cakupan diperjelas.' }).expect(200);
    await eventually(async () => (await handle(id).describe()).memo?.title === 'Aplikasi antrean puskesmas dan posyandu', 20_000, 'the new title in the memo');
    expect((await handle(id).describe()).memo).toMatchObject({ proposerName: 'Nadia Putri', unitCode: unitCode() });
    await expectInStep(id);
  }, 60_000);

  it('keeps the memo and the attributes across continue-as-new', async () => {
    const stages: StageDefinition[] = ['Tahap 1', 'Tahap 2', 'Tahap 3'].map((name, n) => ({ key: `t${n}`, name, approvers: [{ kind: 'position', positionId: positionId('KADIS-DINKES') }], mode: 'any' }));
    const templateCode = await insertTemplate(stack.dataSource, stages, 'ops');
    const { proposal } = await startApprovalDirectly(stack, templateCode, stages, { continueAsNewAfterEvents: 12 });
    const maya = await stack.as('Maya Kusuma');
    for (let n = 0; n < 2; n++) {
      const task = await eventually(async () => (await stack.dataSource.getRepository(ApprovalTaskEntity).findOneBy({ proposalId: proposal.id, status: 'open', stageIndex: n })) ?? undefined, 20_000, `the task of stage ${n + 1}`);
      await maya.post(`/api/tasks/${task.id}/decision`, { decision: 'approve' }).expect(200);
    }
    await eventually(async () => (await handle(proposal.id).query(stateQuery)).run > 1, 20_000, 'a continued run');
    const described = await handle(proposal.id).describe();
    expect(described.memo).toMatchObject({ title: proposal.title, unitCode: 'DPMPTSP-YAN-USAHA', proposerName: 'Rina Wulandari' });
    expect(described.typedSearchAttributes.get(SA_UNIT_CODE)).toBe('DPMPTSP-YAN-USAHA');
    await expectInStep(proposal.id, 'DPMPTSP-YAN-USAHA');
  }, 60_000);
});

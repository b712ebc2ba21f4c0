import type { Client } from '@temporalio/client';
import { stateQuery, workflowIdForProposal } from '../libs/contracts/approval.contract';
import { SA_STAGE, SA_STATUS } from '../libs/contracts/search-attributes';
import type { StageDefinition } from '../libs/domain/chain';
import { ApprovalTaskEntity, HistoryEventEntity, ProposalEntity } from '../libs/persistence/entities';
import { TEMPORAL_CLIENT } from '../libs/temporal/temporal-client.module';
import { AppStack, eventually, startAppStack, validProposal } from './support/app-stack';
import { buildOrg, Org } from './support/org-fixture';
import { insertTemplate } from './support/templates';

/**
 * What an administrator sees of approvals in Temporal: search attributes that say the same as the
 * read model at every step (visibility is eventually consistent: every check polls).
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
      people: { kadis: 'Bayu Anggara', kasi: 'Citra Kirana', proposer: 'Nadia Putri', admin: 'Admin Kominfo' },
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

  /** The attributes the read model implies for a proposal, once its first step is written. */
  async function expectedAttributes(proposalId: string) {
    const proposal = await stack.dataSource.getRepository(ProposalEntity).findOneByOrFail({ id: proposalId });
    const open = await stack.dataSource.getRepository(ApprovalTaskEntity).findBy({ proposalId, status: 'open' });
    const blocked = await stack.dataSource.getRepository(HistoryEventEntity).findOneBy({ proposalId, type: 'stage.blocked' });
    if (!open.length && !blocked) return undefined;
    return { status: proposal.status, stage: proposal.currentStageName };
  }
  async function attributes(proposalId: string) {
    const sa = (await handle(proposalId).describe()).typedSearchAttributes;
    return { status: sa.get(SA_STATUS) ?? null, stage: sa.get(SA_STAGE) ?? null };
  }
  /** Polls until the workflow's attributes say what the read model says; fails with both when they never do. */
  async function expectInStep(proposalId: string) {
    let last: unknown;
    await eventually(async () => {
      const expected = await expectedAttributes(proposalId);
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
    for (const id of Object.values(ids)) expect(await attributes(id)).toMatchObject({ status: 'in_review' });
    const inReview: string[] = [];
    await eventually(async () => {
      inReview.length = 0;
      const inThisFile = Object.values(ids).map((id) => `'${workflowIdForProposal(id)}'`).join(', ');
      for await (const wf of temporal.workflow.list({ query: `EstafetStatus='in_review' AND WorkflowId IN (${inThisFile})` })) inReview.push(wf.workflowId);
      return inReview.length === Object.keys(ids).length;
    }, 15_000, "every approval listed by EstafetStatus='in_review'");
  }, 60_000);
});

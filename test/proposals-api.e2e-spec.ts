import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import type { StageDefinition } from '@libs/domain/chain';
import { ChainTemplateEntity } from '@libs/persistence/entities';
import { AppStack, eventually, personId, startAppStack, validProposal } from './support/app-stack';

/**
 * The proposer's side of the proposals API: edit, submit, resubmit, withdraw, "my proposals",
 * the timeline and the versions of the content, against the real stack.
 */
describe('proposals API (proposer side)', () => {
  let stack: AppStack;
  let rina: string;
  let dimas: string;
  let siti: string;
  let yoga: string;
  const run = randomUUID().slice(0, 8);
  /** One stage, head of the proposer's unit (Siti for Rina); `mayReturn` so a proposal can come back. */
  const ONE_STAGE = `uji-satu-${run}`;
  const ONE_STAGE_NAME = 'Kepala Seksi (uji)';

  interface Task {
    id: string;
    status: string;
    round: number;
    stageIndex: number;
  }

  async function insertTemplate(code: string, stages: StageDefinition[], categories: string[] = []): Promise<string> {
    const id = randomUUID();
    await stack.dataSource.getRepository(ChainTemplateEntity).insert({ id, code, version: 1, name: `Uji ${code}`, categories, definition: { stages } });
    return id;
  }

  beforeAll(async () => {
    stack = await startAppStack();
    [rina, dimas, siti, yoga] = await Promise.all(
      ['Rina Wulandari', 'Dimas Pratama', 'Siti Rahmawati', 'Yoga Permana'].map((n) => stack.tokenFor(n)),
    );
    await insertTemplate(ONE_STAGE, [
      { key: 'kasi', name: ONE_STAGE_NAME, approvers: [{ kind: 'head-of-proposer-unit' }], mode: 'any', sla: 'P2D', mayReturn: true },
    ]);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const as = (token: string) => ({
    get: (url: string) => stack.http.get(url).auth(token, { type: 'bearer' }),
    post: (url: string, body?: object) => stack.http.post(url).auth(token, { type: 'bearer' }).send(body ?? {}),
    patch: (url: string, body: object) => stack.http.patch(url).auth(token, { type: 'bearer' }).send(body),
  });

  async function draft(token: string, overrides: Record<string, unknown> = {}): Promise<{ id: string; body: Response['body'] }> {
    const res = await as(token).post('/api/proposals', validProposal({ templateCode: ONE_STAGE, submit: false, ...overrides })).expect(201);
    expect(res.body).toMatchObject({ status: 'draft', version: 1 });
    return { id: res.body.id, body: res.body };
  }

  async function openTask(token: string, proposalId: string, round = 1): Promise<Task> {
    return eventually(async () => {
      const res = await as(token).get(`/api/proposals/${proposalId}`);
      return (res.body.tasks as Task[] | undefined)?.find((t) => t.status === 'open' && t.round === round);
    }, 20_000, `an open task of round ${round}`);
  }

  async function decide(token: string, taskId: string, decision: string, comment?: string) {
    return as(token).post(`/api/tasks/${taskId}/decision`, { decision, ...(comment ? { comment } : {}) }).expect(200);
  }

  const fields = (res: Response) => (res.body.details as { field: string }[]).map((d) => d.field);

  describe('PATCH /api/proposals/:id', () => {
    it('edits a draft and bumps its version by one per edit; null clears a nullable field', async () => {
      const { id } = await draft(rina);
      const first = await as(rina).patch(`/api/proposals/${id}`, { title: 'Antrean daring versi kedua' }).expect(200);
      expect(first.body).toMatchObject({ id, status: 'draft', version: 2, title: 'Antrean daring versi kedua', problem: validProposal().problem });
      const second = await as(rina).patch(`/api/proposals/${id}`, { budgetEstimate: null, pilotPlan: null, indicators: [] }).expect(200);
      expect(second.body).toMatchObject({ version: 3, budgetEstimate: null, pilotPlan: null, indicators: [], title: 'Antrean daring versi kedua' });
      const third = await as(rina).patch(`/api/proposals/${id}`, { budgetEstimate: 1250000.5, pilotPlan: { durationMonths: 3, scope: 'Satu loket' } }).expect(200);
      expect(third.body).toMatchObject({ version: 4, budgetEstimate: 1250000.5, pilotPlan: { durationMonths: 3, scope: 'Satu loket' } });
    });

    it('applies If-Match: an edit made on an older version is refused with 409', async () => {
      const { id } = await draft(rina);
      await as(rina).patch(`/api/proposals/${id}`, { goals: 'Sasaran A' }).set('If-Match', '"1"').expect(200);
      const stale = await as(rina).patch(`/api/proposals/${id}`, { goals: 'Sasaran B' }).set('If-Match', '"1"').expect(409);
      expect(stale.body).toMatchObject({ code: 'VERSION_MISMATCH', details: { currentVersion: 2 } });
      const bad = await as(rina).patch(`/api/proposals/${id}`, { goals: 'Sasaran B' }).set('If-Match', 'kemarin').expect(422);
      expect(fields(bad)).toEqual(['If-Match']);
      const fresh = await as(rina).patch(`/api/proposals/${id}`, { goals: 'Sasaran B' }).set('If-Match', '2').expect(200);
      expect(fresh.body).toMatchObject({ version: 3, goals: 'Sasaran B' });
    });

    it('loses no edit when several arrive at once: each applies and counts', async () => {
      const { id } = await draft(rina);
      const titles = [1, 2, 3, 4, 5].map((n) => `Judul serentak nomor ${n}`);
      const answers = await Promise.all(titles.map((title) => as(rina).patch(`/api/proposals/${id}`, { title })));
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      const after = await as(rina).get(`/api/proposals/${id}`).expect(200);
      expect(after.body.version).toBe(6);
      expect(titles).toContain(after.body.title);
    });

    it('answers invalid bodies with 422 and field paths, and changes nothing', async () => {
      const { id } = await draft(rina);
      const cases: [object, string[]][] = [
        [{ title: null }, ['title']],
        [{ title: 'abc' }, ['title']],
        [{ pilotPlan: { durationMonths: 0, scope: 'Satu loket' } }, ['pilotPlan.durationMonths']],
        [{ indicators: [{ name: '', baseline: 'a', target: 'b' }] }, ['indicators.0.name']],
        [{ type: 'analog', category: 'Bukan Slug' }, ['category', 'type']],
        [{ submit: true }, ['submit']],
        [{ status: 'approved' }, ['status']],
        [{ version: 9 }, ['version']],
      ];
      for (const [body, expected] of cases) {
        const res = await as(rina).patch(`/api/proposals/${id}`, body);
        expect([JSON.stringify(body), res.status, res.body.code]).toEqual([JSON.stringify(body), 422, 'VALIDATION_FAILED']);
        expect(fields(res).sort()).toEqual(expected);
      }
      const empty = await as(rina).patch(`/api/proposals/${id}`, {}).expect(422);
      expect(empty.body.code).toBe('NOTHING_TO_CHANGE');
      const unknownTemplate = await as(rina).patch(`/api/proposals/${id}`, { templateCode: 'tidak-ada-sama-sekali' }).expect(422);
      expect(fields(unknownTemplate)).toEqual(['templateCode']);
      const unchanged = await as(rina).get(`/api/proposals/${id}`).expect(200);
      expect(unchanged.body.version).toBe(1);
    });

    it('refuses an edit while in review (409) and by anyone but the proposer (403), and answers 404/422 for bad ids', async () => {
      const submitted = await as(rina).post('/api/proposals', validProposal({ templateCode: ONE_STAGE })).expect(201);
      const inReview = await as(rina).patch(`/api/proposals/${submitted.body.id}`, { title: 'Diubah saat ditinjau' }).expect(409);
      expect(inReview.body).toMatchObject({ code: 'NOT_EDITABLE' });

      const { id } = await draft(rina);
      for (const other of [dimas, siti, yoga]) {
        const res = await as(other).patch(`/api/proposals/${id}`, { title: 'Bukan usulan saya' }).expect(403);
        expect(res.body.code).toBe('NOT_PROPOSER');
      }
      await as(rina).patch(`/api/proposals/${randomUUID()}`, { title: 'Tidak ada usulan ini' }).expect(404);
      await as(rina).patch('/api/proposals/bukan-uuid', { title: 'Tidak ada usulan ini' }).expect(422);
      const unchanged = await as(rina).get(`/api/proposals/${id}`).expect(200);
      expect(unchanged.body).toMatchObject({ version: 1, title: validProposal().title });
    });

    it('changes the chain template of a draft: when named, or with the category when the category chose it', async () => {
      const catA = `kat-a-${run}`;
      const catB = `kat-b-${run}`;
      const templateA = await insertTemplate(`uji-kat-a-${run}`, [{ key: 'a', name: 'A', approvers: [{ kind: 'head-of-proposer-unit' }], mode: 'any' }], [catA]);
      const templateB = await insertTemplate(`uji-kat-b-${run}`, [{ key: 'b', name: 'B', approvers: [{ kind: 'head-of-proposer-unit' }], mode: 'any' }], [catB]);

      const byCategory = await draft(rina, { templateCode: undefined, category: catA });
      expect(byCategory.body.templateId).toBe(templateA);
      const moved = await as(rina).patch(`/api/proposals/${byCategory.id}`, { category: catB }).expect(200);
      expect(moved.body.templateId).toBe(templateB);

      const named = await draft(rina, { templateCode: `uji-kat-a-${run}`, category: `kat-c-${run}` });
      const kept = await as(rina).patch(`/api/proposals/${named.id}`, { category: catB }).expect(200);
      expect(kept.body.templateId).toBe(templateA);
      const renamed = await as(rina).patch(`/api/proposals/${named.id}`, { templateCode: `uji-kat-b-${run}` }).expect(200);
      expect(renamed.body).toMatchObject({ templateId: templateB, version: 3 });
    });
  });

  describe('POST /api/proposals/:id/submit', () => {
    it('submits a draft once (proposer only); a second submit is 409', async () => {
      const { id } = await draft(dimas, { title: 'Draf yang diajukan kemudian' });
      expect((await as(rina).post(`/api/proposals/${id}/submit`).expect(403)).body.code).toBe('NOT_PROPOSER');
      const submitted = await as(dimas).post(`/api/proposals/${id}/submit`).expect(200);
      expect(submitted.body).toMatchObject({ id, status: 'submitted', statusLabel: 'Diajukan', workflowId: `proposal-${id}`, version: 1 });
      const task = await openTask(dimas, id);
      const view = await as(dimas).get(`/api/proposals/${id}`).expect(200);
      expect(view.body).toMatchObject({ status: 'in_review', currentStageName: ONE_STAGE_NAME });
      expect(view.body.tasks).toEqual([expect.objectContaining({ id: task.id, stageName: ONE_STAGE_NAME, assigneeName: 'Siti Rahmawati' })]);

      const again = await as(dimas).post(`/api/proposals/${id}/submit`).expect(409);
      expect(again.body.code).toBe('NOT_A_DRAFT');
      await as(dimas).post(`/api/proposals/${randomUUID()}/submit`).expect(404);
    });

    it('submits a draft on the latest version of its template', async () => {
      const code = `uji-versi-${run}`;
      await insertTemplate(code, [{ key: 'v1', name: 'Tahap versi 1', approvers: [{ kind: 'head-of-proposer-unit' }], mode: 'any' }]);
      const { id } = await draft(rina, { templateCode: code });
      const v2 = randomUUID();
      await stack.dataSource.getRepository(ChainTemplateEntity).insert({
        id: v2, code, version: 2, name: `Uji ${code} v2`, categories: [],
        definition: { stages: [{ key: 'v2', name: 'Tahap versi 2', approvers: [{ kind: 'head-of-proposer-unit' }], mode: 'any' }] },
      });
      const submitted = await as(rina).post(`/api/proposals/${id}/submit`).expect(200);
      expect(submitted.body.templateId).toBe(v2);
      await openTask(rina, id);
      const view = await as(rina).get(`/api/proposals/${id}`).expect(200);
      expect(view.body.currentStageName).toBe('Tahap versi 2');
    });

    it('never shows a submitted proposal without its submission time, even before the workflow has recorded it', async () => {
      // With the worker stopped, only what the API wrote itself is there to read.
      const resume = await stack.pauseWorker();
      let id: string;
      try {
        const created = await as(rina).post('/api/proposals', validProposal({ title: `Belum dicatat ${run}`, templateCode: ONE_STAGE })).expect(201);
        id = created.body.id;
        expect(created.body).toMatchObject({ status: 'submitted', submittedAt: expect.any(String) });
        const listed = await as(rina).get(`/api/proposals?q=${encodeURIComponent(`Belum dicatat ${run}`)}`).expect(200);
        expect(listed.body.items).toEqual([expect.objectContaining({ id, status: 'submitted', submittedAt: expect.any(String) })]);
      } finally {
        await resume();
      }
      await openTask(rina, id);
      const view = await as(rina).get(`/api/proposals/${id}`).expect(200);
      expect(view.body).toMatchObject({ status: 'in_review', submittedAt: expect.any(String) });
    }, 60_000);
  });

  describe('drafts need only a title; submitting needs everything', () => {
    const REQUIRED = ['problem', 'proposedChange', 'category', 'type', 'form', 'initiatorKind'];

    it('keeps a title-only draft (201), its missing content empty; what a draft does send is still checked', async () => {
      const res = await as(rina).post('/api/proposals', { title: `Hanya judul ${run}`, templateCode: ONE_STAGE, submit: false }).expect(201);
      expect(res.body).toMatchObject({
        status: 'draft', title: `Hanya judul ${run}`, problem: '', proposedChange: '', category: '', type: '', form: '', initiatorKind: '',
        budgetEstimate: null, pilotPlan: null, indicators: [], attachments: [],
      });
      const bad = await as(rina).post('/api/proposals', { title: 'Abc', problem: 'pendek', type: 'hologram', budgetEstimate: '75 juta', submit: false }).expect(422);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      expect(fields(bad).sort()).toEqual(['budgetEstimate', 'problem', 'title', 'type']);
      expect((await as(rina).post('/api/proposals', { submit: false }).expect(422)).body.details).toEqual([{ field: 'title', messages: expect.any(Array) }]);
    });

    it('refuses to create and submit at once without the required fields, naming each (422)', async () => {
      const res = await as(rina).post('/api/proposals', { title: `Langsung diajukan ${run}`, templateCode: ONE_STAGE }).expect(422);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(fields(res).sort()).toEqual([...REQUIRED].sort());
      expect((await as(rina).get(`/api/proposals?q=${encodeURIComponent(`Langsung diajukan ${run}`)}`).expect(200)).body.items).toEqual([]);
    });

    it('refuses to submit an incomplete draft with 422 naming what is missing; once filled in, it submits', async () => {
      const { body } = await as(rina).post('/api/proposals', { title: `Draf belum lengkap ${run}`, templateCode: ONE_STAGE, submit: false, problem: validProposal().problem }).expect(201);
      const refused = await as(rina).post(`/api/proposals/${body.id}/submit`).expect(422);
      expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('proposedChange') });
      expect(refused.body.details).toEqual(REQUIRED.filter((f) => f !== 'problem').map((field) => ({ field, messages: [`${field} must not be blank`] })));
      expect((await as(rina).get(`/api/proposals/${body.id}`).expect(200)).body).toMatchObject({ status: 'draft', workflowId: null });

      const { proposedChange, category, type, form, initiatorKind } = validProposal();
      await as(rina).patch(`/api/proposals/${body.id}`, { proposedChange, category, type, form }).expect(200);
      const still = await as(rina).post(`/api/proposals/${body.id}/submit`).expect(422);
      expect(still.body.details).toEqual([{ field: 'initiatorKind', messages: ['initiatorKind must not be blank'] }]);
      await as(rina).patch(`/api/proposals/${body.id}`, { initiatorKind }).expect(200);
      const submitted = await as(rina).post(`/api/proposals/${body.id}/submit`).expect(200);
      expect(submitted.body).toMatchObject({ status: 'submitted', category, initiatorKind });
      await openTask(rina, body.id);
    });
  });

  describe('GET /api/categories', () => {
    it('lists each category with the chain its proposals take, the general one last, to any signed-in person', async () => {
      const claimed = `uji-kategori-${run}`;
      await insertTemplate(`uji-rute-${run}`, [{ key: 'satu', name: 'Tahap rute uji', approvers: [{ kind: 'head-of-proposer-unit' }], mode: 'any' }], [claimed]);
      const res = await as(siti).get('/api/categories').expect(200);
      const items = res.body.items as { category: string; general: boolean; templateCode: string; templateName: string; stages: { name: string }[] }[];
      expect(items.find((c) => c.category === 'pelayanan-publik')).toMatchObject({
        general: false, templateCode: 'inovasi-pelayanan-publik', templateVersion: 1, templateName: 'Inovasi Pelayanan Publik v1',
        stages: ['Kepala Seksi', 'Kepala Bidang', 'Kepala Dinas', 'Tim Evaluasi Inovasi BRIDA', 'Penetapan Wali Kota'].map((name, index) => ({ index, name, condition: null })),
      });
      expect(items.find((c) => c.category === claimed)).toMatchObject({ templateCode: `uji-rute-${run}`, stages: [{ index: 0, name: 'Tahap rute uji', condition: null }] });
      expect(items.at(-1)).toMatchObject({ category: 'umum', general: true, templateCode: 'umum' });
      expect(items.filter((c) => c.category === 'umum')).toHaveLength(1);
      // What the list says is where a proposal of the category goes.
      const made = await as(rina).post('/api/proposals', validProposal({ title: `Ke rute uji ${run}`, category: claimed, submit: false })).expect(201);
      expect(made.body.chain).toMatchObject({ code: `uji-rute-${run}` });
    });
  });

  describe('GET /api/proposals', () => {
    const token = `penanda${run}`;
    const catX = `daftar-x-${run}`;
    const catY = `daftar-y-${run}`;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      // Created one after another so "newest first" has a defined order: d1, d2, s1, w1 (newest).
      ids.d1 = (await draft(rina, { title: `Draf pertama ${token}`, category: catX })).id;
      ids.d2 = (await draft(rina, { title: `Draf KEDUA ${token.toUpperCase()}`, category: catY })).id;
      ids.s1 = (await as(rina).post('/api/proposals', validProposal({ title: `Diajukan ${token}`, category: catX, templateCode: ONE_STAGE })).expect(201)).body.id;
      ids.w1 = (await draft(rina, { title: `Ditarik ${token}`, category: catY })).id;
      await as(rina).post(`/api/proposals/${ids.w1}/withdraw`, { reason: 'Tidak jadi.' }).expect(200);
      ids.other = (await draft(dimas, { title: `Milik Dimas ${token}`, category: catX })).id;
    });

    const list = (who: string, query: string) => as(who).get(`/api/proposals?q=${token}&${query}`);
    const idsOf = (res: Response) => (res.body.items as { id: string }[]).map((i) => i.id);

    it('lists my proposals newest first, with their summary and labels', async () => {
      const res = await list(rina, '').expect(200);
      expect(res.body).toMatchObject({ total: 4, page: 1, pageSize: 20 });
      expect(idsOf(res)).toEqual([ids.w1, ids.s1, ids.d2, ids.d1]);
      expect(res.body.items[0]).toEqual({
        id: ids.w1,
        title: `Ditarik ${token}`,
        category: catY,
        proposerId: personId('Rina Wulandari'),
        proposerName: 'Rina Wulandari',
        status: 'withdrawn',
        statusLabel: 'Ditarik',
        round: 1,
        version: 1,
        currentStageName: null,
        escalated: false,
        submittedAt: null,
        decidedAt: expect.any(String),
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        currentStage: null,
        holders: [],
        dueAt: null,
        overdue: false,
      });
      expect(res.body.items[1]).toMatchObject({ id: ids.s1, status: expect.stringMatching(/^(submitted|in_review)$/), submittedAt: expect.any(String) });
      expect(res.body.items[3]).toMatchObject({ id: ids.d1, status: 'draft', statusLabel: 'Draf' });
    });

    it('filters by one or more statuses, comma-separated or repeated', async () => {
      expect(idsOf(await list(rina, 'status=draft').expect(200))).toEqual([ids.d2, ids.d1]);
      expect(idsOf(await list(rina, 'status=draft,withdrawn').expect(200))).toEqual([ids.w1, ids.d2, ids.d1]);
      expect(idsOf(await list(rina, 'status=draft&status=withdrawn').expect(200))).toEqual([ids.w1, ids.d2, ids.d1]);
      expect(idsOf(await list(rina, 'status=approved').expect(200))).toEqual([]);
    });

    it('filters by category and searches titles case-insensitively, wildcards included literally', async () => {
      expect(idsOf(await list(rina, `category=${catX}`).expect(200))).toEqual([ids.s1, ids.d1]);
      expect(idsOf(await list(rina, `category=${catY}&status=draft`).expect(200))).toEqual([ids.d2]);
      const mixedCase = await as(rina).get(`/api/proposals?q=${encodeURIComponent(`kedua ${token.toUpperCase()}`)}`).expect(200);
      expect(idsOf(mixedCase)).toEqual([ids.d2]);
      expect(idsOf(await as(rina).get(`/api/proposals?q=${encodeURIComponent(`%${token}`)}`).expect(200))).toEqual([]);
    });

    it('pages', async () => {
      const first = await list(rina, 'pageSize=3&page=1').expect(200);
      expect(first.body).toMatchObject({ total: 4, page: 1, pageSize: 3 });
      expect(idsOf(first)).toEqual([ids.w1, ids.s1, ids.d2]);
      expect(idsOf(await list(rina, 'pageSize=3&page=2').expect(200))).toEqual([ids.d1]);
      expect((await list(rina, 'pageSize=3&page=3').expect(200)).body).toMatchObject({ items: [], total: 4 });
    });

    it("does not show my proposals to another proposer; an administrator may see everyone's with scope=all", async () => {
      expect(idsOf(await list(dimas, '').expect(200))).toEqual([ids.other]);
      expect(idsOf(await list(yoga, 'scope=all').expect(200))).toEqual([ids.other, ids.w1, ids.s1, ids.d2, ids.d1]);
      expect(idsOf(await list(yoga, '').expect(200))).toEqual([]);
      expect((await list(rina, 'scope=all').expect(403)).body.code).toBe('ADMIN_ONLY');
    });

    it('answers bad filters with 422 and the field', async () => {
      const cases: [string, string][] = [
        ['status=bogus', 'status'],
        ['status=draft,bogus', 'status'],
        ['category=Bukan%20Slug', 'category'],
        ['page=0', 'page'],
        ['page=satu', 'page'],
        ['pageSize=0', 'pageSize'],
        ['pageSize=101', 'pageSize'],
        ['scope=everyone', 'scope'],
        ['sort=title', 'sort'],
        ['q=a&q=b', 'q'],
      ];
      for (const [query, field] of cases) {
        const res = await as(rina).get(`/api/proposals?${query}`);
        expect([query, res.status]).toEqual([query, 422]);
        expect(fields(res)).toEqual([field]);
      }
    });
  });

  describe('POST /api/proposals/:id/withdraw', () => {
    it('withdraws a draft: status Ditarik, one record row naming the proposer and the reason, and nothing more can be done', async () => {
      const { id } = await draft(rina);
      expect((await as(dimas).post(`/api/proposals/${id}/withdraw`, { reason: 'Bukan milik saya.' }).expect(403)).body.code).toBe('NOT_PROPOSER');
      const res = await as(rina).post(`/api/proposals/${id}/withdraw`, { reason: '  Sudah ada program serupa.  ' }).expect(200);
      expect(res.body).toMatchObject({ proposalStatus: 'withdrawn', cancelledTasks: [], closedAt: expect.any(String) });
      expect(res.body.proposal).toMatchObject({ id, status: 'withdrawn', statusLabel: 'Ditarik', decidedAt: expect.any(String) });
      expect(res.body.proposal.timeline).toEqual([
        expect.objectContaining({ seq: 1, type: 'proposal.withdrawn', label: 'Ditarik', actorName: 'Rina Wulandari', reason: 'Sudah ada program serupa.' }),
      ]);
      // Never reached: its stage stays pending.
      expect(res.body.proposal.stages).toEqual([{ stageIndex: 0, name: ONE_STAGE_NAME, state: 'pending' }]);

      const history = await as(rina).get(`/api/proposals/${id}/history`).expect(200);
      expect(history.body).toEqual([
        expect.objectContaining({ seq: 1, type: 'proposal.withdrawn', actorPersonId: personId('Rina Wulandari'), data: { reason: 'Sudah ada program serupa.' } }),
      ]);
      expect((await as(rina).get(`/api/proposals/${id}/history/verify`).expect(200)).body).toEqual({ valid: true, count: 1 });

      expect((await as(rina).post(`/api/proposals/${id}/withdraw`, { reason: 'Sekali lagi.' }).expect(409)).body.code).toBe('APPROVAL_ENDED');
      expect((await as(rina).patch(`/api/proposals/${id}`, { title: 'Diubah setelah ditarik' }).expect(409)).body.code).toBe('NOT_EDITABLE');
      expect((await as(rina).post(`/api/proposals/${id}/submit`).expect(409)).body.code).toBe('NOT_A_DRAFT');
    });

    it('needs a reason of 1-2000 characters (422 on field reason)', async () => {
      const { id } = await draft(rina);
      for (const body of [{}, { reason: '' }, { reason: '   ' }, { reason: 'x'.repeat(2001) }, { reason: 42 }]) {
        const res = await as(rina).post(`/api/proposals/${id}/withdraw`, body);
        expect([JSON.stringify(body).slice(0, 40), res.status]).toEqual([JSON.stringify(body).slice(0, 40), 422]);
        expect(fields(res)).toEqual(['reason']);
      }
      const extra = await as(rina).post(`/api/proposals/${id}/withdraw`, { reason: 'Alasan.', force: true }).expect(422);
      expect(fields(extra)).toEqual(['force']);
      expect((await as(rina).get(`/api/proposals/${id}`).expect(200)).body.status).toBe('draft');
    });

    it('withdraws a proposal returned for revision through its workflow', async () => {
      const created = await as(rina).post('/api/proposals', validProposal({ templateCode: ONE_STAGE })).expect(201);
      const id: string = created.body.id;
      const task = await openTask(rina, id);
      await decide(siti, task.id, 'return', 'Perlu kajian biaya.');
      expect((await as(rina).get(`/api/proposals/${id}`).expect(200)).body.status).toBe('returned');
      const res = await as(rina).post(`/api/proposals/${id}/withdraw`, { reason: 'Kajian biaya tidak memungkinkan.' }).expect(200);
      expect(res.body).toMatchObject({ proposalStatus: 'withdrawn', cancelledTasks: [], proposal: { status: 'withdrawn', statusLabel: 'Ditarik' } });
      expect(res.body.proposal.stages).toEqual([{ stageIndex: 0, name: ONE_STAGE_NAME, state: 'returned' }]);
      const history = await as(rina).get(`/api/proposals/${id}/history`).expect(200);
      expect(history.body.at(-1)).toMatchObject({ type: 'proposal.withdrawn', actorName: 'Rina Wulandari', data: expect.objectContaining({ reason: 'Kajian biaya tidak memungkinkan.' }) });
      expect((await as(rina).post(`/api/proposals/${id}/resubmit`, {}).expect(409)).body.code).toBe('APPROVAL_ENDED');
    });

    it('refuses to withdraw an approved proposal (409); its timeline reads in Bahasa Indonesia', async () => {
      const created = await as(rina).post('/api/proposals', validProposal({ templateCode: ONE_STAGE })).expect(201);
      const id: string = created.body.id;
      const task = await openTask(rina, id);
      await decide(siti, task.id, 'approve', 'Setuju, lanjutkan.');
      const res = await as(rina).post(`/api/proposals/${id}/withdraw`, { reason: 'Terlambat.' }).expect(409);
      expect(res.body).toMatchObject({ code: 'APPROVAL_ENDED', message: expect.stringContaining('Disetujui') });

      // The approver who decided reads the same timeline as the proposer; an outsider reads nothing.
      const view = await as(siti).get(`/api/proposals/${id}`).expect(200);
      expect(view.body.status).toBe('approved');
      expect(view.body.timeline.map((t: { label: string }) => t.label)).toEqual([
        'Diajukan', 'Tahapan dibuka', 'Tugas dibuat', 'Disetujui', 'Tahapan disetujui', 'Usulan Disetujui',
      ]);
      expect(view.body.timeline[3]).toEqual({
        seq: 4,
        type: 'task.decided',
        label: 'Disetujui',
        occurredAt: expect.any(String),
        actorName: 'Siti Rahmawati',
        actorPositionTitle: 'Kepala Seksi Perizinan Usaha',
        capacity: 'definitif',
        stageName: ONE_STAGE_NAME,
        round: 1,
        comment: 'Setuju, lanjutkan.',
      });
      expect(view.body.timeline[0]).toMatchObject({ label: 'Diajukan', actorName: 'Rina Wulandari' });
      expect(view.body.stages).toEqual([{ stageIndex: 0, name: ONE_STAGE_NAME, state: 'approved' }]);
      await as(dimas).get(`/api/proposals/${id}`).expect(403);
    });
  });

  describe('returned for revision: edit, resubmit', () => {
    it('lets the proposer edit and resubmit once (idempotent with a key); others and wrong states are refused', async () => {
      const created = await as(rina).post('/api/proposals', validProposal({ templateCode: ONE_STAGE })).expect(201);
      const id: string = created.body.id;
      expect((await as(rina).post(`/api/proposals/${id}/resubmit`, {}).expect(409)).body.code).toBe('INVALID_STATE');
      const task = await openTask(rina, id);
      await decide(siti, task.id, 'return', 'Lengkapi indikator.');
      const returned = await as(rina).get(`/api/proposals/${id}`).expect(200);
      expect(returned.body).toMatchObject({ status: 'returned', statusLabel: 'Dikembalikan untuk Perbaikan' });
      expect(returned.body.stages).toEqual([{ stageIndex: 0, name: ONE_STAGE_NAME, state: 'returned' }]);

      const locked = await as(rina).patch(`/api/proposals/${id}`, { templateCode: ONE_STAGE }).expect(409);
      expect(locked.body).toMatchObject({ code: 'TEMPLATE_LOCKED', details: [{ field: 'templateCode', messages: [expect.any(String)] }] });
      const edited = await as(rina).patch(`/api/proposals/${id}`, { indicators: [{ name: 'Pengaduan terjawab', baseline: '10%', target: '90%' }] }).expect(200);
      expect(edited.body).toMatchObject({ status: 'returned', version: 2 });
      expect((await as(rina).post(`/api/proposals/${id}/submit`).expect(409)).body.code).toBe('NOT_A_DRAFT');

      expect((await as(dimas).post(`/api/proposals/${id}/resubmit`, {}).expect(403)).body.code).toBe('NOT_PROPOSER');
      const badKey = await as(rina).post(`/api/proposals/${id}/resubmit`, {}).set('Idempotency-Key', 'tidak boleh spasi').expect(422);
      expect(fields(badKey)).toEqual(['Idempotency-Key']);
      const badNote = await as(rina).post(`/api/proposals/${id}/resubmit`, { note: 7 }).expect(422);
      expect(fields(badNote)).toEqual(['note']);

      const key = `resubmit-${run}`;
      const first = await as(rina).post(`/api/proposals/${id}/resubmit`, { note: 'Indikator dilengkapi.' }).set('Idempotency-Key', key).expect(200);
      expect(first.body).toMatchObject({ round: 2, stageIndex: 0, proposalStatus: 'in_review', proposal: { id, status: 'in_review', round: 2, version: 2 } });
      const retried = await as(rina).post(`/api/proposals/${id}/resubmit`, { note: 'Indikator dilengkapi.' }).set('Idempotency-Key', key).expect(200);
      expect({ round: retried.body.round, stageIndex: retried.body.stageIndex }).toEqual({ round: 2, stageIndex: 0 });
      expect((await as(rina).post(`/api/proposals/${id}/resubmit`, {}).expect(409)).body.code).toBe('INVALID_STATE');

      const history = await as(rina).get(`/api/proposals/${id}/history`).expect(200);
      expect(history.body.filter((e: { type: string }) => e.type === 'proposal.resubmitted')).toEqual([
        expect.objectContaining({ actorName: 'Rina Wulandari', data: expect.objectContaining({ round: 2, proposalVersion: 2, note: 'Indikator dilengkapi.' }) }),
      ]);
      await openTask(rina, id, 2);
      expect((await as(rina).get(`/api/proposals/${id}`).expect(200)).body.stages).toEqual([{ stageIndex: 0, name: ONE_STAGE_NAME, state: 'open' }]);
    });

    it('refuses to resubmit a draft', async () => {
      const { id } = await draft(rina);
      expect((await as(rina).post(`/api/proposals/${id}/resubmit`, {}).expect(409)).body.code).toBe('NOT_SUBMITTED');
    });
  });

  describe('GET /api/proposals/:id/versions/:version', () => {
    it('returns the draft being edited from the proposal, submitted versions from the record, and 404 otherwise', async () => {
      const { id } = await draft(rina, { title: 'Judul versi satu' });
      const v1 = await as(rina).get(`/api/proposals/${id}/versions/1`).expect(200);
      expect(v1.body).toMatchObject({ proposalId: id, version: 1, source: 'current', round: null, content: { version: 1, title: 'Judul versi satu' } });

      await as(rina).patch(`/api/proposals/${id}`, { title: 'Judul versi dua' }).expect(200);
      expect((await as(rina).get(`/api/proposals/${id}/versions/1`).expect(404)).body.code).toBe('VERSION_NOT_FOUND');

      await as(rina).post(`/api/proposals/${id}/submit`).expect(200);
      const v2 = await eventually(async () => {
        const res = await as(rina).get(`/api/proposals/${id}/versions/2`);
        return res.status === 200 && res.body.source === 'submitted' ? res : undefined;
      }, 20_000, 'version 2 in the record');
      expect(v2.body).toMatchObject({
        version: 2,
        source: 'submitted',
        round: 1,
        recordedAt: expect.any(String),
        content: { version: 2, title: 'Judul versi dua', problem: validProposal().problem, budgetEstimate: 75000000, category: 'tata-kelola' },
      });
      await as(rina).get(`/api/proposals/${id}/versions/3`).expect(404);
      await as(rina).get(`/api/proposals/${id}/versions/dua`).expect(422);
      await as(dimas).get(`/api/proposals/${id}/versions/2`).expect(403);
      await as(yoga).get(`/api/proposals/${id}/versions/2`).expect(200);
      await as(rina).get(`/api/proposals/${randomUUID()}/versions/1`).expect(404);
    });
  });

  it('documents every route in OpenAPI, with examples', async () => {
    const res = await stack.http.get('/api/docs-json').expect(200);
    const paths = res.body.paths;
    expect(paths['/api/proposals']).toHaveProperty('get');
    expect(paths['/api/proposals/{id}']).toHaveProperty('patch');
    for (const action of ['submit', 'resubmit', 'withdraw']) expect(paths[`/api/proposals/{id}/${action}`]).toHaveProperty('post');
    expect(paths['/api/proposals/{id}/versions/{version}']).toHaveProperty('get');
    const schemas = res.body.components.schemas;
    expect(schemas.WithdrawDto.properties.reason.example).toEqual(expect.any(String));
    expect(schemas.UpdateProposalDto.properties.title.example).toEqual(expect.any(String));
    expect(schemas.ProposalView.properties.timeline).toBeDefined();
    expect(schemas.TimelineItemView.properties.label.example).toBe('Dikembalikan untuk Perbaikan');
    expect(schemas.ProposalView.properties.stages.items).toEqual({ $ref: '#/components/schemas/StageStateView' });
    expect(schemas.StageStateView.properties.state.enum).toEqual(['pending', 'open', 'approved', 'rejected', 'returned', 'skipped', 'blocked', 'stopped']);
    expect(schemas.ProposalPageView.properties.items).toBeDefined();
    expect(paths['/api/proposals/{id}/resubmit'].post.requestBody.content['application/json'].examples).toBeDefined();
    expect(paths['/api/proposals'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['status', 'category', 'q', 'scope', 'page', 'pageSize']),
    );
  });
});

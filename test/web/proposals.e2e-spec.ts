import { randomBytes, randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { ApprovalTaskEntity, OrgUnitEntity, PositionEntity } from '@libs/persistence/entities';
import { AppStack, eventually, positionId, SignedInClient, validProposal } from '../support/app-stack';
import { launchBrowser, openPage, screenshot, signIn, startWebStack, Viewport } from '../support/browser';
import { buildOrg } from '../support/org-fixture';
import { insertTemplate } from '../support/templates';

jest.setTimeout(180_000);

const RINA_NIP = '199503122020122001';
const KASI_TITLE = 'Kepala Seksi Perizinan Usaha';
const KABID_TITLE = 'Kepala Bidang Pelayanan Perizinan';
/** The stages of the seeded "Inovasi Pelayanan Publik" chain, which the pelayanan-publik category selects. */
const PUBLIC_SERVICE_STAGES = ['Kepala Seksi', 'Kepala Bidang', 'Kepala Dinas', 'Tim Evaluasi Inovasi BRIDA', 'Penetapan Wali Kota'];

interface Task {
  id: string;
  stageIndex: number;
  round: number;
  status: string;
}

/**
 * The proposer's pages (Usulan Saya, Usulan Baru, the detail and the edit form) in a real browser
 * against the real stack, and the list's read model (who holds each proposal, Jatuh Tempo) over HTTP.
 */
describe('web app: the proposer pages', () => {
  let stack: AppStack;
  let baseUrl: string;
  let browser: Browser;
  let rina: SignedInClient;
  let siti: SignedInClient;
  let agus: SignedInClient;
  /** Unique to this run: titles carry it so searches find only this file's proposals in the shared database. */
  const run = randomBytes(4).toString('hex');

  beforeAll(async () => {
    ({ stack, baseUrl } = await startWebStack());
    browser = await launchBrowser();
    [rina, siti, agus] = await Promise.all(['Rina Wulandari', 'Siti Rahmawati', 'Agus Setiawan'].map((n) => stack.as(n)));
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const createProposal = async (title: string, overrides: Record<string, unknown> = {}): Promise<string> =>
    (await rina.post('/api/proposals', validProposal({ title, category: 'pelayanan-publik', ...overrides })).expect(201)).body.id as string;

  const openTask = (proposalId: string, stageIndex: number, round = 1): Promise<Task> =>
    eventually(async () => {
      const res = await rina.get(`/api/proposals/${proposalId}`).expect(200);
      return (res.body.tasks as Task[]).find((t) => t.status === 'open' && t.stageIndex === stageIndex && t.round === round);
    }, 30_000, `an open task at stage ${stageIndex}, round ${round}`);

  /** Reloads until the locator shows (the workflow moves on its own time). */
  async function reloadUntil(page: Page, check: () => Promise<boolean>, what: string): Promise<void> {
    await eventually(async () => {
      if (await check()) return true;
      await page.reload();
      await page.getByRole('heading', { level: 1 }).waitFor();
      return false;
    }, 30_000, what);
  }

  describe('GET /api/proposals: who holds each proposal now', () => {
    it('lists the open tasks of each proposal with post, holder (or a vacant post), capacity, due date and overdue', async () => {
      const suffix = randomBytes(3).toString('hex');
      const unitId = randomUUID();
      const vacantPost = randomUUID();
      await stack.dataSource.getRepository(OrgUnitEntity).insert({ id: unitId, code: `UJI-WEB-${suffix}`, name: `Bidang Uji Web ${suffix}`, kind: 'bidang', parentId: null });
      await stack.dataSource.getRepository(PositionEntity).insert({
        id: vacantPost, code: `UJI-WEB-KOSONG-${suffix}`.toUpperCase(), title: `Jabatan Kosong ${suffix}`, unitId, level: 'pengawas', superiorPositionId: null, isUnitHead: true,
      });
      // Two slots, one at a post nobody holds; a deadline of one second that only tells the admins when passed.
      const templateCode = await insertTemplate(stack.dataSource, [
        {
          key: 'dua', name: `Dua Pemegang ${suffix}`, approvers: [{ kind: 'positions', positionIds: [vacantPost, positionId('KASI-USAHA')] }],
          mode: 'all', sla: 'PT1S', onTimeout: { action: 'notify-admin' },
        },
      ], 'web');
      const token = `pemegang${run}`;
      const id = await createProposal(`Dipegang dua ${token}`, { templateCode });
      const draftId = await createProposal(`Draf saja ${token}`, { submit: false });
      await eventually(async () => (await stack.dataSource.getRepository(ApprovalTaskEntity).countBy({ proposalId: id, status: 'open' })) === 2, 30_000, 'two open tasks');

      const item = await eventually(async () => {
        const res = await rina.get(`/api/proposals?q=${token}`).expect(200);
        const found = (res.body.items as { id: string; overdue: boolean }[]).find((i) => i.id === id);
        return found?.overdue ? found : undefined;
      }, 30_000, 'the proposal listed as overdue');
      const tasks = (await rina.get(`/api/proposals/${id}`).expect(200)).body.tasks as { id: string; positionId: string; dueAt: string }[];
      const taskAt = (post: string) => tasks.find((t) => t.positionId === post)!;
      expect(item).toMatchObject({ status: 'in_review', currentStage: 0, currentStageName: `Dua Pemegang ${suffix}`, overdue: true });
      expect(item).toHaveProperty('holders', [
        {
          taskId: taskAt(vacantPost).id, stageIndex: 0, stageName: `Dua Pemegang ${suffix}`, positionId: vacantPost, positionTitle: `Jabatan Kosong ${suffix}`,
          personId: null, personName: null, capacity: null, onBehalfOfName: null, dueAt: taskAt(vacantPost).dueAt, overdue: true, escalationLevel: 0,
        },
        {
          taskId: taskAt(positionId('KASI-USAHA')).id, stageIndex: 0, stageName: `Dua Pemegang ${suffix}`, positionId: positionId('KASI-USAHA'), positionTitle: KASI_TITLE,
          personId: expect.any(String), personName: 'Siti Rahmawati', capacity: 'definitif', onBehalfOfName: null, dueAt: taskAt(positionId('KASI-USAHA')).dueAt, overdue: true, escalationLevel: 0,
        },
      ]);
      expect(new Date((item as unknown as { dueAt: string }).dueAt).getTime()).toBe(Math.min(...tasks.map((t) => new Date(t.dueAt).getTime())));

      const draft = ((await rina.get(`/api/proposals?q=${token}&status=draft`).expect(200)).body.items as { id: string }[])[0];
      expect(draft).toMatchObject({ id: draftId, holders: [], dueAt: null, overdue: false, currentStage: null });
    });

    it('gives the detail every stage of its chain, opened or not, and documents the new fields', async () => {
      const id = await createProposal(`Rantai lengkap ${run}`, { submit: false });
      const view = (await rina.get(`/api/proposals/${id}`).expect(200)).body;
      expect(view.chain).toMatchObject({ code: 'inovasi-pelayanan-publik', version: 1, name: 'Inovasi Pelayanan Publik v1' });
      expect(view.chain.stages.map((s: { name: string }) => s.name)).toEqual(PUBLIC_SERVICE_STAGES);
      expect(view.chain.stages[0]).toEqual({ index: 0, key: 'kepala-seksi', name: 'Kepala Seksi', mode: 'any', sla: 'P2D', approverCount: 1, mayReturn: false, requiresDefinitive: false, condition: null });
      expect(view.chain.stages[3]).toMatchObject({ mode: 'quorum:2', sla: 'P10D' });
      expect(view.chain.stages[4]).toMatchObject({ requiresDefinitive: true, sla: 'P14D' });
      expect(view.stages).toEqual(PUBLIC_SERVICE_STAGES.map((name, stageIndex) => ({ stageIndex, name, state: 'pending' })));

      const schemas = (await stack.http.get('/api/docs-json').expect(200)).body.components.schemas;
      expect(schemas.ProposalSummaryView.properties.holders.items).toEqual({ $ref: '#/components/schemas/TaskHolderView' });
      expect(schemas.ProposalSummaryView.properties.dueAt.example).toEqual(expect.any(String));
      expect(schemas.TaskHolderView.properties.personName.description).toMatch(/vacant/);
      expect(schemas.ProposalView.properties.chain.allOf ?? [schemas.ProposalView.properties.chain]).toContainEqual(expect.objectContaining({ $ref: '#/components/schemas/ProposalChainView' }));
      expect(schemas.ChainStageView.properties.mode.example).toBe('any');
    });
  });

  it('submits through the form: inline messages keep what was typed, a draft is saved, then submitted; it shows in Usulan Saya and its chain', async () => {
    const { page, errors } = await openPage(browser, baseUrl);
    await signIn(page, RINA_NIP);
    await page.getByRole('navigation').getByRole('link', { name: 'Usulan Baru' }).click();
    await page.getByRole('heading', { level: 1, name: 'Usulan Baru' }).waitFor();

    const title = `Antrean daring perizinan ${run}`;
    await page.getByLabel('Judul usulan').fill('Abc');
    await page.getByLabel('Permasalahan').fill('Pemohon izin antre berjam-jam di loket tanpa kepastian waktu.');
    await page.getByLabel('Rancang bangun').fill('Nomor antrean diambil daring; notifikasi SMS saat giliran mendekat.');
    await page.getByLabel('Tujuan').fill('Memangkas waktu tunggu di loket.');
    await page.getByLabel('Manfaat').fill('Pemohon menunggu dari rumah.');
    await page.getByLabel('Kategori usulan').selectOption('pelayanan-publik');
    await page.getByLabel('Jenis inovasi').selectOption('digital');
    await page.getByLabel('Bentuk inovasi').selectOption('pelayanan-publik');
    await page.getByLabel('Inisiator').selectOption('kelompok');
    await page.getByLabel('Perkiraan anggaran').fill('75000000');
    await page.getByLabel('Lama uji coba').fill('99');
    await page.getByLabel('Lingkup uji coba').fill('Loket perizinan kantor pusat');
    await page.getByLabel('Risiko').fill('Sebagian pemohon belum memiliki ponsel pintar.');
    await page.locator('#f-indicators-0-name').fill('Waktu tunggu rata-rata');
    await page.locator('#f-indicators-0-baseline').fill('120 menit');
    await page.locator('#f-indicators-0-target').fill('30 menit');
    await page.getByRole('button', { name: 'Tambah indikator' }).click();
    await page.locator('#f-indicators-1-name').fill('Pengaduan dijawab');
    await page.locator('#f-indicators-1-baseline').fill('20%');
    await page.locator('#f-indicators-1-target').fill('90%');
    await page.getByLabel('Pilih unit untuk ditambahkan').selectOption({ label: 'Dinas Kesehatan' });
    await page.getByRole('button', { name: 'Tambahkan unit' }).click();
    await page.getByRole('button', { name: 'Tambah Bukti Dukung' }).click();
    await page.locator('#f-attachments-0-name').fill('Kajian awal');
    // A browser accepts this address; the API does not (no domain): its 422 must land on the field too.
    await page.locator('#f-attachments-0-url').fill('http://intranet/kajian.pdf');

    // 1. Checked in the browser: messages at the fields, nothing sent, nothing lost.
    await page.getByRole('button', { name: 'Simpan Draf' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.getAttribute('role')).toBe('alert');
    expect(await page.locator('#f-title-error').textContent()).toBe('Minimal 5 karakter.');
    expect(await page.locator('#f-title').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#f-title').getAttribute('aria-describedby')).toContain('f-title-error');
    expect(await page.locator('#f-pilotPlan-durationMonths-error').textContent()).toBe('Tidak boleh lebih dari 60.');
    expect(await page.locator('#f-problem').inputValue()).toBe('Pemohon izin antre berjam-jam di loket tanpa kepastian waktu.');
    expect(await page.locator('#f-indicators-1-target').inputValue()).toBe('90%');
    expect(await page.locator('#f-attachments-0-url').inputValue()).toBe('http://intranet/kajian.pdf');
    await page.locator('.chip', { hasText: 'Dinas Kesehatan' }).waitFor();
    expect(page.url()).toMatch(/\/usulan\/baru$/);
    await screenshot(page, 'usulan-baru-pesan', 'desktop');

    // 2. The API's 422: its field message next to the attachment's link, still nothing lost.
    await page.getByLabel('Judul usulan').fill(title);
    await page.getByLabel('Lama uji coba').fill('6');
    expect(await page.locator('#f-title').getAttribute('aria-invalid')).toBeNull();
    await page.getByRole('button', { name: 'Simpan Draf' }).click();
    await page.locator('#f-attachments-0-url-error').waitFor();
    expect(await page.locator('#f-attachments-0-url-error').textContent()).toMatch(/^Harus berupa alamat http\(s\) yang lengkap/);
    expect(await page.locator('#f-attachments-0-url').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#f-title').inputValue()).toBe(title);
    expect(await page.locator('#f-indicators-1-name').inputValue()).toBe('Pengaduan dijawab');
    expect(page.url()).toMatch(/\/usulan\/baru$/);

    // 3. Saved as a draft: the edit form of the draft, loaded from the server.
    await page.locator('#f-attachments-0-url').fill('https://dokumen.example.go.id/kajian-awal.pdf');
    await page.getByRole('button', { name: 'Simpan Draf' }).click();
    await page.waitForURL(/\/usulan\/[0-9a-f-]{36}\/ubah$/);
    const id = /\/usulan\/([0-9a-f-]{36})\/ubah$/.exec(page.url())![1]!;
    await page.getByRole('heading', { level: 1, name: 'Ubah Usulan' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Draf tersimpan.' }).waitFor();
    expect(await page.locator('#f-title').inputValue()).toBe(title);
    const stored = (await rina.get(`/api/proposals/${id}`).expect(200)).body;
    expect(stored).toMatchObject({
      status: 'draft', title, category: 'pelayanan-publik', budgetEstimate: 75000000, pilotPlan: { durationMonths: 6, scope: 'Loket perizinan kantor pusat' },
      indicators: [{ name: 'Waktu tunggu rata-rata', baseline: '120 menit', target: '30 menit' }, { name: 'Pengaduan dijawab', baseline: '20%', target: '90%' }],
      attachments: [{ name: 'Kajian awal', url: 'https://dokumen.example.go.id/kajian-awal.pdf' }],
    });
    expect(stored.collaboratingUnitIds).toHaveLength(1);

    // 4. Submitted (Ajukan): the detail shows the chain with stage 1 open at Siti.
    await page.getByRole('button', { name: 'Ajukan', exact: true }).click();
    await page.waitForURL(new RegExp(`/usulan/${id}$`));
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const stage1 = page.getByTestId('stage-0');
    await eventually(async () => (await stage1.getAttribute('class'))?.includes('stage-open'), 30_000, 'stage 1 open');
    expect(await stage1.innerText()).toEqual(expect.stringContaining('Kepala Seksi'));
    await stage1.getByText('Siti Rahmawati').waitFor();
    expect(await stage1.innerText()).toContain(KASI_TITLE);
    expect(await stage1.innerText()).toContain('Sedang berjalan');
    expect(await stage1.innerText()).toContain('Menunggu keputusan');
    expect(await stage1.innerText()).toContain('Jatuh Tempo');
    for (const [i, name] of PUBLIC_SERVICE_STAGES.entries()) {
      const stage = page.getByTestId(`stage-${i}`);
      expect(await stage.locator('h3').innerText()).toContain(name);
      if (i > 0) expect(await stage.innerText()).toContain('Belum dimulai');
    }
    await screenshot(page, 'detail-usulan-diajukan', 'desktop');

    // 5. Usulan Saya: status, who holds it, Jatuh Tempo.
    await page.getByRole('navigation').getByRole('link', { name: 'Usulan Saya' }).click();
    await page.getByRole('heading', { level: 1, name: 'Usulan Saya' }).waitFor();
    await page.getByLabel('Cari judul').fill(run);
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL(/q=/);
    const row = page.getByTestId('proposal-row').filter({ hasText: title });
    await row.waitFor();
    await reloadUntil(page, async () => (await row.innerText()).includes('Siti Rahmawati'), 'the holder in the list');
    const text = await row.innerText();
    expect(text).toContain('Menunggu Persetujuan');
    expect(text).toContain('Siti Rahmawati');
    expect(text).toContain(KASI_TITLE);
    expect(text).toContain('Pejabat Definitif');
    expect(await row.locator('td').nth(4).locator('time').count()).toBe(1);
    expect(await row.getByRole('link', { name: title }).getAttribute('href')).toBe(`/usulan/${id}`);
    await screenshot(page, 'usulan-saya', 'desktop');

    // The status filter narrows the list.
    await page.getByLabel('Saring menurut status').selectOption('draft');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL(/status=draft/);
    await page.getByRole('heading', { level: 1, name: 'Usulan Saya' }).waitFor();
    await eventually(async () => (await page.getByTestId('proposal-row').filter({ hasText: title }).count()) === 0, 10_000, 'the filtered list');
    expect(errors).toEqual([]);
  });

  describe('the form: categories and their chains, amounts as written, drafts, Enter, leaving unsaved text', () => {
    const apiPosts = (page: Page) => {
      const posts: string[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/proposals') posts.push(r.url());
      });
      return posts;
    };

    it.each<Viewport>(['desktop', 'phone'])('shows the chain a category leads to, reads "Rp 75 juta" as 75.000.000 and saves it in a draft (%s)', async (viewport) => {
      const { page, errors } = await openPage(browser, baseUrl, viewport);
      await signIn(page, RINA_NIP);
      await page.goto('/usulan/baru');
      await page.getByRole('heading', { level: 1, name: 'Usulan Baru' }).waitFor();
      const category = page.getByLabel('Kategori usulan');
      await eventually(async () => (await category.locator('option').count()) > 2, 10_000, 'the categories');
      expect(await category.locator('option[value="pelayanan-publik"]').innerText()).toBe('Pelayanan publik — rantai Inovasi Pelayanan Publik v1');
      expect(await category.locator('option').last().getAttribute('value')).toBe('umum');
      expect(await page.getByTestId('chain-preview').count()).toBe(0);

      await category.selectOption('pelayanan-publik');
      const chain = page.getByTestId('chain-preview');
      await chain.waitFor();
      expect(await chain.innerText()).toContain('Usulan akan melalui rantai persetujuan Inovasi Pelayanan Publik v1');
      expect(await chain.locator('li').allInnerTexts()).toEqual(PUBLIC_SERVICE_STAGES);
      await category.selectOption('umum');
      await eventually(async () => (await chain.innerText()).includes('Persetujuan Sederhana v1'), 5_000, 'the general chain');
      await category.selectOption('pelayanan-publik');

      // Bentuk inovasi is something else than the category: its own words, and it routes nothing.
      expect(await page.getByLabel('Bentuk inovasi').locator('option[value="pelayanan-publik"]').innerText()).toBe('Inovasi pelayanan publik');

      const budget = page.getByLabel('Perkiraan anggaran');
      const reading = page.getByTestId('budget-reading');
      await budget.fill('tujuh puluh lima juta');
      await budget.press('Tab');
      expect(await reading.innerText()).toBe('Tidak terbaca sebagai jumlah rupiah. Tulis misalnya 75.000.000, Rp 75 juta, atau 1,5 miliar.');
      expect(await budget.getAttribute('aria-invalid')).toBe('true');
      await budget.fill('Rp 75 juta');
      expect(await reading.innerText()).toBe('Terbaca: Rp 75.000.000 (Rp 75 juta)');
      await budget.press('Tab');
      expect(await budget.inputValue()).toBe('Rp 75.000.000');
      await screenshot(page, 'usulan-baru-kategori-anggaran', viewport);

      const title = `Kategori dan anggaran ${viewport} ${run}`;
      await page.getByLabel('Judul usulan').fill(title);
      await page.getByRole('button', { name: 'Simpan Draf' }).click();
      await page.waitForURL(/\/usulan\/[0-9a-f-]{36}\/ubah$/);
      await page.getByRole('status').filter({ hasText: 'Draf tersimpan.' }).waitFor();
      const id = /\/usulan\/([0-9a-f-]{36})\/ubah$/.exec(page.url())![1]!;
      expect((await rina.get(`/api/proposals/${id}`).expect(200)).body).toMatchObject({
        status: 'draft', title, category: 'pelayanan-publik', budgetEstimate: 75000000, problem: '', type: '', chain: { code: 'inovasi-pelayanan-publik' },
      });
      expect(await page.getByLabel('Perkiraan anggaran').inputValue()).toBe('Rp 75.000.000');
      await page.getByTestId('chain-preview').waitFor();
      await screenshot(page, 'ubah-draf-kategori', viewport);
      expect(errors).toEqual([]);
    });

    it('saves a draft with only a title; Enter in a one-line field sends nothing, in a text area it starts a line; Ajukan still needs everything', async () => {
      const { page, errors } = await openPage(browser, baseUrl);
      const posts = apiPosts(page);
      await signIn(page, RINA_NIP);
      await page.goto('/usulan/baru');
      await page.getByRole('heading', { level: 1, name: 'Usulan Baru' }).waitFor();
      await page.getByText(/^Draf cukup dengan judul\./).waitFor();

      const title = `Hanya judul ${run}`;
      await page.getByLabel('Judul usulan').fill(title);
      await page.getByLabel('Judul usulan').press('Enter');
      await page.getByLabel('Lama uji coba').fill('3');
      await page.getByLabel('Lama uji coba').press('Enter');
      await page.locator('#f-indicators-0-name').press('Enter');
      await page.getByLabel('Permasalahan').fill('Baris pertama');
      await page.getByLabel('Permasalahan').press('Enter');
      await page.getByLabel('Permasalahan').pressSequentially('baris kedua');
      expect(await page.getByLabel('Permasalahan').inputValue()).toBe('Baris pertama\nbaris kedua');
      await page.waitForLoadState('networkidle');
      expect(posts).toEqual([]);
      expect(page.url()).toMatch(/\/usulan\/baru$/);
      expect(await page.getByTestId('error-summary').count()).toBe(0);

      // Simpan Draf with only a title (the rest emptied again).
      await page.getByLabel('Permasalahan').fill('');
      await page.getByLabel('Lama uji coba').fill('');
      await page.getByRole('button', { name: 'Simpan Draf' }).click();
      await page.waitForURL(/\/usulan\/[0-9a-f-]{36}\/ubah$/);
      await page.getByRole('status').filter({ hasText: 'Draf tersimpan.' }).waitFor();
      expect(posts).toHaveLength(1);
      const id = /\/usulan\/([0-9a-f-]{36})\/ubah$/.exec(page.url())![1]!;
      expect((await rina.get(`/api/proposals/${id}`).expect(200)).body).toMatchObject({ status: 'draft', title, problem: '', proposedChange: '', category: '', type: '', form: '', initiatorKind: '' });

      // Ajukan: the form says what is missing, field by field, and nothing is submitted.
      await page.getByRole('button', { name: 'Ajukan', exact: true }).click();
      const summary = page.getByTestId('error-summary');
      await summary.waitFor();
      for (const label of ['Permasalahan', 'Rancang bangun', 'Kategori usulan', 'Jenis inovasi', 'Bentuk inovasi', 'Inisiator']) expect(await summary.innerText()).toContain(label);
      expect(await page.locator('#f-category-error').innerText()).toBe('Pilih salah satu.');
      expect((await rina.get(`/api/proposals/${id}`).expect(200)).body.status).toBe('draft');
      await screenshot(page, 'ubah-draf-judul-saja', 'desktop');
      expect(errors).toEqual([]);
    });

    it('asks before leaving the form with unsaved text (stay or leave, in either language) and when the tab closes', async () => {
      const { page, errors } = await openPage(browser, baseUrl);
      await signIn(page, RINA_NIP);
      const nav = page.getByRole('navigation');
      // Nothing typed: leaving asks nothing.
      await page.goto('/usulan/baru');
      await page.getByRole('heading', { level: 1, name: 'Usulan Baru' }).waitFor();
      await nav.getByRole('link', { name: 'Usulan Saya' }).click();
      await page.getByRole('heading', { level: 1, name: 'Usulan Saya' }).waitFor();

      await nav.getByRole('link', { name: 'Usulan Baru' }).click();
      await page.getByRole('heading', { level: 1, name: 'Usulan Baru' }).waitFor();
      await page.getByLabel('Judul usulan').fill(`Belum disimpan ${run}`);
      await page.getByLabel('Rancang bangun').fill('Sebagian gagasan');
      await nav.getByRole('link', { name: 'Usulan Saya' }).click();
      const dialog = page.getByRole('dialog', { name: 'Tinggalkan halaman ini?' });
      await dialog.waitFor();
      expect(await dialog.innerText()).toContain('Ada isian yang belum disimpan.');
      expect(await page.evaluate('document.activeElement && document.activeElement.textContent')).toBe('Tetap di halaman ini');
      await screenshot(page, 'usulan-baru-tinggalkan', 'desktop');
      await dialog.getByRole('button', { name: 'Tetap di halaman ini' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect(page.url()).toMatch(/\/usulan\/baru$/);
      expect(await page.getByLabel('Judul usulan').inputValue()).toBe(`Belum disimpan ${run}`);

      // Escape stays too; in English the dialog reads in English.
      await page.getByRole('link', { name: 'Batal' }).click();
      await dialog.waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      expect(page.url()).toMatch(/\/usulan\/baru$/);
      await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
      await page.getByRole('heading', { level: 1, name: 'New Proposal' }).waitFor();
      await nav.getByRole('link', { name: 'My Proposals' }).click();
      const english = page.getByRole('dialog', { name: 'Leave this page?' });
      await english.waitFor();
      expect(await english.innerText()).toContain('Some of what you typed is not saved.');
      await english.getByRole('button', { name: 'Leave without saving' }).click();
      await page.getByRole('heading', { level: 1, name: 'My Proposals' }).waitFor();
      await page.getByRole('button', { name: 'Switch language to Bahasa Indonesia' }).click();

      // Closing or reloading the tab: the page asks the browser to ask (its beforeunload handler
      // cancels the event) only while something is unsaved. The event is dispatched here because a
      // real closing dialog takes the headless browser down with it.
      const unloadCancelled = () =>
        page.evaluate<boolean>(`(() => { const e = new Event('beforeunload', { cancelable: true }); window.dispatchEvent(e); return e.defaultPrevented; })()`);
      await nav.getByRole('link', { name: 'Usulan Baru' }).click();
      await page.getByRole('heading', { level: 1, name: 'Usulan Baru' }).waitFor();
      expect(await unloadCancelled()).toBe(false);
      await page.getByLabel('Judul usulan').fill(`Belum disimpan juga ${run}`);
      expect(await unloadCancelled()).toBe(true);
      await page.getByLabel('Judul usulan').fill('');
      expect(await unloadCancelled()).toBe(false);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  });

  it('shows a title with markup as text in the list and on the detail page', async () => {
    const title = `<script>window.__xss = 1</script> <b>tebal</b> ${run}`;
    const id = await createProposal(title);
    const { page, errors } = await openPage(browser, baseUrl);
    await signIn(page, RINA_NIP);
    await page.goto(`/usulan?q=${encodeURIComponent(`tebal</b> ${run}`)}`);
    const link = page.getByRole('link', { name: title });
    await link.waitFor();
    expect(await link.textContent()).toBe(title);
    expect(await page.evaluate('window.__xss')).toBeUndefined();
    expect(await page.locator('main b').count()).toBe(0);
    await link.click();
    await page.waitForURL(new RegExp(`/usulan/${id}$`));
    const heading = page.getByRole('heading', { level: 1, name: title, exact: true });
    await heading.waitFor();
    expect(await heading.textContent()).toBe(title);
    expect(await page.evaluate('window.__xss')).toBeUndefined();
    expect(await page.evaluate(`[...document.scripts].some((s) => (s.textContent || '').includes('__xss'))`)).toBe(false);
    expect(errors).toEqual([]);
  });

  it('withdraws from the detail page: a reason is required; then Ditarik, in the Riwayat, verified', async () => {
    const title = `Usulan yang ditarik ${run}`;
    const id = await createProposal(title);
    await openTask(id, 0);
    const { page, errors } = await openPage(browser, baseUrl);
    await signIn(page, RINA_NIP);
    await page.goto(`/usulan/${id}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByTestId('history-verified').waitFor();

    // Siti, who holds its task, may read it and decide, but has none of the proposer's actions.
    const approver = await openPage(browser, baseUrl);
    await signIn(approver.page, '198804102010012003');
    await approver.page.goto(`/usulan/${id}`);
    await approver.page.getByRole('heading', { level: 1, name: title }).waitFor();
    await approver.page.getByTestId('stage-0').getByText('Siti Rahmawati').waitFor();
    await approver.page.locator('.page-actions').getByRole('link', { name: 'Putuskan', exact: true }).waitFor();
    expect(await approver.page.locator('.page-actions').innerText()).toBe('Putuskan');
    expect(approver.errors).toEqual([]);
    await approver.page.context().close();

    await page.getByRole('button', { name: 'Tarik Usulan' }).click();
    const reason = page.getByLabel('Alasan penarikan');
    await reason.waitFor();
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('withdraw-reason');
    await page.getByRole('button', { name: 'Ya, tarik usulan' }).click();
    const message = page.locator('#withdraw-reason-error');
    await message.waitFor();
    expect(await message.getAttribute('role')).toBe('alert');
    expect(await message.textContent()).toBe('Alasan penarikan wajib diisi.');
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect((await rina.get(`/api/proposals/${id}`).expect(200)).body.status).toBe('in_review');

    await reason.fill('Program serupa sudah dijalankan oleh Diskominfo.');
    await page.getByRole('button', { name: 'Ya, tarik usulan' }).click();
    await page.getByRole('status').filter({ hasText: 'Usulan telah ditarik.' }).waitFor();
    await eventually(async () => (await page.getByTestId('proposal-status').innerText()).includes('Ditarik'), 20_000, 'status Ditarik');
    const last = page.getByTestId('timeline').locator('li').last();
    await eventually(async () => (await last.innerText()).includes('Ditarik'), 20_000, 'the withdrawal in the Riwayat');
    expect(await last.innerText()).toContain('Alasan: Program serupa sudah dijalankan oleh Diskominfo.');
    expect(await last.innerText()).toContain('Rina Wulandari');
    await eventually(async () => (await page.getByTestId('history-verified').count()) === 1, 20_000, 'the verified badge');
    expect(await page.getByTestId('history-verified').innerText()).toContain('Terverifikasi');
    expect(await page.getByRole('button', { name: 'Tarik Usulan' }).count()).toBe(0);
    expect(await page.getByTestId('stage-0').innerText()).toContain('Dihentikan');
    await screenshot(page, 'detail-usulan-ditarik', 'desktop');
    expect(errors).toEqual([]);
  });

  it('draws hand-overs in the chain and the Riwayat: a Plh. taking over, then an Eskalasi at the deadline', async () => {
    // A private organization: a section head (Ani) under a division head (Budi); Citra will stand in as Plh.
    const org = await buildOrg(stack, {
      units: [{ key: 'dinas', name: 'Dinas Uji Estafet', kind: 'dinas' }],
      posts: [
        { key: 'kabid', title: 'Kepala Bidang Uji Estafet', unit: 'dinas', head: true, holder: 'kabid' },
        { key: 'kasi', title: 'Kepala Seksi Uji Estafet', unit: 'dinas', superior: 'kabid', holder: 'kasi' },
      ],
      people: { kabid: 'Budi Kabid Uji', kasi: 'Ani Kasi Uji', plh: 'Citra Plh Uji', admin: 'Admin Uji' },
      admins: ['admin'],
    });
    const templateCode = await insertTemplate(stack.dataSource, [
      { key: 'kasi', name: 'Seksi Uji', approvers: [{ kind: 'position', positionId: org.post('kasi') }], mode: 'any', sla: 'PT12S', onTimeout: { action: 'escalate-superior', maxEscalations: 1 } },
    ], 'web-esk');
    const title = `Usulan berpindah tangan ${run}`;
    const id = await createProposal(title, { templateCode });
    const tasksOf = async () => (await rina.get(`/api/proposals/${id}`).expect(200)).body.tasks as { assigneeName: string | null; status: string; capacity: string | null }[];
    await eventually(async () => (await tasksOf()).some((t) => t.status === 'open' && t.assigneeName === 'Ani Kasi Uji'), 30_000, 'the task at Ani');
    const endsAt = new Date(Date.now() + 86_400_000).toISOString();
    await (await org.as('admin')).post(`/api/positions/${org.post('kasi')}/appointments`, { personId: org.person('plh'), capacity: 'plh', endsAt }).expect(201);
    await eventually(async () => (await tasksOf()).some((t) => t.assigneeName === 'Citra Plh Uji' && t.capacity === 'plh'), 30_000, 'the task moved to the Plh.');
    await eventually(async () => (await tasksOf()).some((t) => t.status === 'open' && t.assigneeName === 'Budi Kabid Uji'), 60_000, 'the task escalated to Budi');

    const { page, errors } = await openPage(browser, baseUrl);
    await signIn(page, RINA_NIP);
    await page.goto(`/usulan/${id}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const tasks = page.getByTestId('stage-0').locator('li.task');
    await eventually(async () => (await tasks.count()) === 3, 10_000, 'three hands in the stage');
    expect(await tasks.nth(0).innerText()).toMatch(/Ani Kasi Uji[\s\S]*Pejabat Definitif[\s\S]*Kepala Seksi Uji Estafet[\s\S]*Dialihkan/);
    expect(await tasks.nth(1).innerText()).toMatch(/Citra Plh Uji[\s\S]*Plh\.[\s\S]*Dialihkan dari Ani Kasi Uji[\s\S]*Dieskalasi/);
    expect(await tasks.nth(2).innerText()).toMatch(/Budi Kabid Uji[\s\S]*Kepala Bidang Uji Estafet[\s\S]*Eskalasi tingkat 1[\s\S]*Menunggu keputusan/);
    const timeline = await page.getByTestId('timeline').innerText();
    expect(timeline).toContain('Penunjukan Plh.: Ani Kasi Uji → Citra Plh Uji (Plh.)');
    expect(timeline).toContain('Dieskalasi ke Budi Kabid Uji');
    expect(await page.locator('.facts').innerText()).toContain('Eskalasi');
    await screenshot(page, 'detail-usulan-eskalasi', 'desktop');

    await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Stages' }).waitFor();
    const english = await page.getByTestId('timeline').innerText();
    expect(english).toContain('Daily acting holder (Plh.) appointed: Ani Kasi Uji → Citra Plh Uji, Daily acting (Plh.)');
    expect(english).toContain('Escalated to Budi Kabid Uji');
    expect(await tasks.nth(2).innerText()).toContain('Escalation level 1');
    await page.getByRole('button', { name: 'Switch language to Bahasa Indonesia' }).click();

    // In Usulan Saya: escalated, held by the superior post now.
    await page.goto(`/usulan?q=${encodeURIComponent(title)}`);
    const row = page.getByTestId('proposal-row').filter({ hasText: title });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Eskalasi[\s\S]*Budi Kabid Uji[\s\S]*Kepala Bidang Uji Estafet/);
    expect(errors).toEqual([]);
  });

  /** A proposal Siti approved at stage 1 and Agus returned at stage 2, with a note. */
  async function returnedProposal(title: string): Promise<string> {
    const id = await createProposal(title);
    const first = await openTask(id, 0);
    await siti.post(`/api/tasks/${first.id}/decision`, { decision: 'approve', comment: 'Setuju, lanjut ke Kepala Bidang.' }).expect(200);
    const second = await openTask(id, 1);
    await agus.post(`/api/tasks/${second.id}/decision`, { decision: 'return', comment: 'Sasaran kinerja belum terukur; mohon dilengkapi.' }).expect(200);
    await eventually(async () => (await rina.get(`/api/proposals/${id}`).expect(200)).body.status === 'returned', 30_000, 'returned');
    return id;
  }

  it('edits a returned proposal and resubmits it from the browser: round 2 shows', async () => {
    const title = `Usulan dikembalikan ${run}`;
    const id = await returnedProposal(title);
    const { page, errors } = await openPage(browser, baseUrl);
    await signIn(page, RINA_NIP);
    await page.goto(`/usulan/${id}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await page.getByTestId('stage-1').innerText()).toContain('Sasaran kinerja belum terukur; mohon dilengkapi.');
    expect(await page.getByRole('button', { name: 'Tarik Usulan' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Ubah dan Ajukan Ulang' }).click();
    await page.waitForURL(new RegExp(`/usulan/${id}/ubah$`));
    await page.getByRole('heading', { level: 1, name: 'Ubah Usulan' }).waitFor();
    expect(await page.locator('.alert-warn').innerText()).toContain('Sasaran kinerja belum terukur; mohon dilengkapi.');
    expect(await page.locator('#f-title').inputValue()).toBe(title);

    const revised = `${title} (perbaikan)`;
    await page.getByLabel('Judul usulan').fill(revised);
    await page.locator('#f-indicators-0-target').fill('20 menit');
    await page.getByLabel('Catatan untuk pejabat penyetuju').fill('Sasaran sudah diukur dalam menit.');
    await page.getByRole('button', { name: 'Ajukan Ulang' }).click();
    await page.waitForURL(new RegExp(`/usulan/${id}$`));
    await page.getByRole('heading', { level: 1, name: revised }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Usulan telah diajukan ulang.' }).waitFor();

    const view = (await rina.get(`/api/proposals/${id}`).expect(200)).body;
    expect(view).toMatchObject({ round: 2, version: 2, title: revised, indicators: [expect.objectContaining({ target: '20 menit' })] });
    await openTask(id, 1, 2);
    await reloadUntil(page, async () => (await page.getByTestId('stage-1').innerText()).includes('Putaran 2'), 'round 2 at stage 2');
    const stage2 = await page.getByTestId('stage-1').innerText();
    expect(stage2).toContain('Putaran 1');
    expect(stage2).toContain('Putaran 2');
    expect(stage2).toContain('Agus Setiawan');
    expect(stage2).toContain(KABID_TITLE);
    expect(await page.locator('.facts').innerText()).toMatch(/Putaran\s+2/);
    const timeline = await page.getByTestId('timeline').innerText();
    expect(timeline).toContain('Diajukan ulang');
    expect(timeline).toContain('Sasaran sudah diukur dalam menit.');
    await screenshot(page, 'detail-usulan-putaran-2', 'desktop');
    expect(errors).toEqual([]);
  });

  describe('language and phone width', () => {
    let detailId: string;
    let draftId: string;
    const title = `Usulan dua bahasa ${run}`;
    const draftTitle = `Draf dua bahasa ${run}`;

    beforeAll(async () => {
      detailId = await returnedProposal(title);
      draftId = await createProposal(draftTitle, {
        submit: false,
        attachments: [{ name: 'Kajian awal', url: 'https://dokumen.example.go.id/kajian-awal.pdf' }],
        collaboratingUnitIds: [(await stack.dataSource.getRepository(OrgUnitEntity).findOneByOrFail({ code: 'DINKES' })).id],
      });
    });

    /** The pages of this area, as a signed-in proposer reaches them, with the heading each one shows in each language. */
    const pages = () => [
      { name: 'usulan-saya', path: `/usulan?q=${encodeURIComponent(`dua bahasa ${run}`)}`, id: 'Usulan Saya', en: 'My Proposals' },
      { name: 'usulan-baru', path: '/usulan/baru', id: 'Usulan Baru', en: 'New Proposal' },
      { name: 'detail-usulan', path: `/usulan/${detailId}`, id: title, en: title },
      { name: 'ubah-usulan', path: `/usulan/${detailId}/ubah`, id: 'Ubah Usulan', en: 'Edit Proposal' },
      { name: 'ubah-draf', path: `/usulan/${draftId}/ubah`, id: 'Ubah Usulan', en: 'Edit Proposal' },
      { name: 'detail-draf', path: `/usulan/${draftId}`, id: draftTitle, en: draftTitle },
    ];

    /**
     * Data is shown as stored, in both languages: the titles, the people, posts, units, chain and
     * stage names, and what was written in the proposals (validProposal's text). Nothing else may
     * read the same in both languages.
     */
    const DATA = [
      title, draftTitle, 'Estafet', 'Rina Wulandari', 'Siti Rahmawati', 'Agus Setiawan', KASI_TITLE, KABID_TITLE, 'Pengadministrasi Perizinan', 'Seksi Perizinan Usaha',
      ...PUBLIC_SERVICE_STAGES, 'Inovasi Pelayanan Publik v1', 'Dinas Kesehatan', 'Kajian awal', 'pelayanan-publik',
      ...(['problem', 'proposedChange', 'goals', 'benefits'] as const).map((field) => validProposal()[field]),
      'Loket perizinan kantor pusat', 'Waktu tunggu rata-rata', '120 menit', '30 menit',
    ];
    const DATE = /^\d{1,2} \S{3,4} \d{4},? \d{2}[.:]\d{2}$/;
    const isData = (line: string, unitNames: string[]) => {
      if (DATA.includes(line) || unitNames.includes(line) || DATE.test(line)) return true;
      // A line made only of data values, numbers and separators ("Rina Wulandari · Pengadministrasi Perizinan").
      const rest = [...DATA].sort((a, b) => b.length - a.length).reduce((l, d) => l.split(d).join(''), line);
      return /^[\s\d.,:;·—–\-→()%]*$/.test(rest);
    };
    const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

    it('reads every page in Bahasa Indonesia and, after the toggle, in English: no interface line stays the same', async () => {
      const { page, errors } = await openPage(browser, baseUrl);
      await signIn(page, RINA_NIP);
      for (const p of pages()) {
        await page.goto(p.path);
        // The choice is kept: the previous page left the app in English.
        if ((await page.locator('html').getAttribute('lang')) === 'en') await page.getByRole('button', { name: 'Switch language to Bahasa Indonesia' }).click();
        await page.getByRole('heading', { level: 1, name: p.id, exact: true }).waitFor();
        await settle(page);
        expect([p.name, await page.locator('html').getAttribute('lang')]).toEqual([p.name, 'id']);
        const indonesian = lines(await page.locator('body').innerText());
        const unitNames = await page.locator('#unit-to-add option:not([value=""])').allInnerTexts();
        await screenshot(page, `${p.name}-id`, 'desktop');
        await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
        await page.getByRole('heading', { level: 1, name: p.en, exact: true }).waitFor();
        expect([p.name, await page.locator('html').getAttribute('lang')]).toEqual([p.name, 'en']);
        const english = lines(await page.locator('body').innerText());
        const untranslated = english.filter((line) => indonesian.includes(line) && !isData(line, unitNames.map((u) => u.trim())));
        expect([p.name, untranslated]).toEqual([p.name, []]);
        expect(english.length).toBeGreaterThan(3);
        await screenshot(page, `${p.name}-en`, 'desktop');
      }
      expect(errors).toEqual([]);
    });

    it.each<Viewport>(['desktop', 'phone'])('lays every page out at %s width without sideways scrolling', async (viewport) => {
      const { page, errors } = await openPage(browser, baseUrl, viewport);
      await signIn(page, RINA_NIP);
      for (const p of pages()) {
        await page.goto(p.path);
        await page.getByRole('heading', { level: 1, name: p.id, exact: true }).waitFor();
        await settle(page);
        const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
        expect([p.name, overflow]).toEqual([p.name, 0]);
        await screenshot(page, p.name, viewport);
      }
      expect(errors).toEqual([]);
    });
  });
});

/** Waits until the page has no loading or checking indicator left (everything it fetches has arrived). */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await eventually(async () => (await page.locator('.loading').count()) === 0 && (await page.getByText(/Memeriksa keutuhan|Checking the history/).count()) === 0, 10_000, 'the page loaded');
}

import type { Browser, Locator, Page } from 'playwright-core';
import type { StageDefinition } from '@libs/domain/chain';
import { AppStack, eventually, validProposal } from '../support/app-stack';
import { launchBrowser, openPage, screenshot, signIn, startWebStack, Viewport, VIEWPORTS } from '../support/browser';
import { buildOrg, Org } from '../support/org-fixture';
import { insertTemplate } from '../support/templates';

const SITI = '198804102010012003';

interface InboxTask {
  id: string;
  proposalTitle: string;
  capacity: string | null;
}

jest.setTimeout(120_000);

/** Tugas Saya and Pelimpahan in the browser: deciding, refusals explained, a rotation to a Plt., delegating and revoking. */
describe('web app: Tugas Saya and Pelimpahan', () => {
  let stack: AppStack;
  let baseUrl: string;
  let browser: Browser;
  let org: Org;
  const templates: Record<string, string> = {};

  beforeAll(async () => {
    ({ stack, baseUrl } = await startWebStack());
    browser = await launchBrowser();
    // Names early in the alphabet: Masuk lists the first 200 people by name.
    org = await buildOrg(stack, {
      units: [
        { key: 'dinas', name: 'Dinas Uji Tugas', kind: 'dinas' },
        { key: 'seksi', name: 'Seksi Uji Tugas', kind: 'seksi', parent: 'dinas' },
        { key: 'bidang', name: 'Bidang Uji Putaran', kind: 'bidang', parent: 'dinas' },
      ],
      posts: [
        { key: 'kadis', title: 'Kepala Dinas Uji Tugas', unit: 'dinas', level: 'jpt-pratama', head: true, holder: 'kadis' },
        { key: 'sek', title: 'Sekretaris Dinas Uji Tugas', unit: 'dinas', superior: 'kadis', holder: 'sek' },
        { key: 'kasi', title: 'Kepala Seksi Uji Tugas', unit: 'seksi', level: 'pengawas', superior: 'kadis', head: true, holder: 'kasi' },
        { key: 'staf', title: 'Pengadministrasi Uji Tugas', unit: 'seksi', level: 'pelaksana', superior: 'kasi', holder: 'proposer' },
        { key: 'kabag', title: 'Kepala Bagian Uji Tugas', unit: 'dinas', superior: 'kadis', holder: 'kabag' },
        { key: 'subag', title: 'Kepala Subbagian Uji Tugas', unit: 'dinas', level: 'pengawas', superior: 'kabag', holder: 'subag' },
        // The approver's loop: its own posts, so no other test's tasks or rotations reach them.
        { key: 'kabid', title: 'Kepala Bidang Uji Putaran', unit: 'bidang', head: true, superior: 'kadis', holder: 'kabid' },
        { key: 'analis', title: 'Analis Uji Putaran', unit: 'bidang', level: 'pelaksana', superior: 'kabid', holder: 'analis' },
        { key: 'eval1', title: 'Evaluator Satu Uji Putaran', unit: 'dinas', superior: 'kadis', holder: 'eval1' },
        { key: 'eval2', title: 'Evaluator Dua Uji Putaran', unit: 'dinas', superior: 'kadis', holder: 'eval2' },
      ],
      people: {
        kadis: 'Ahmad Kadis', sek: 'Agung Sekretaris', kasi: 'Abdul Kasi', plt: 'Adi Plt', proposer: 'Aisyah Pengusul', deputy: 'Ayu Wakil',
        kabag: 'Anton Kabag', subag: 'Arif Subag', admin: 'Aan Admin Tugas',
        kabid: 'Bima Kabid', analis: 'Bayu Analis', eval1: 'Beni Evaluator', eval2: 'Bunga Evaluator',
      },
      admins: ['admin'],
    });
    const at = (post: string, extra: Partial<StageDefinition> = {}): StageDefinition[] => [
      { key: 'satu', name: 'Persetujuan Kepala', approvers: [{ kind: 'position', positionId: org.post(post) }], mode: 'any', sla: 'P5D', ...extra },
    ];
    templates.kasi = await insertTemplate(stack.dataSource, at('kasi'), 'tgs');
    templates.kasiDefinitive = await insertTemplate(stack.dataSource, at('kasi', { name: 'Penetapan Kepala', requiresDefinitive: true }), 'tgs');
    templates.kadis = await insertTemplate(stack.dataSource, at('kadis'), 'tgs');
    // Two seconds to decide, then the task goes up to the Kepala Bagian, whose task is due as fast and stays open.
    templates.subag = await insertTemplate(stack.dataSource, at('subag', { name: 'Telaah Cepat', sla: 'PT2S', onTimeout: { action: 'escalate-superior', maxEscalations: 1 } }), 'tgs');
    templates.sek = await insertTemplate(stack.dataSource, at('sek', { name: 'Telaah Sekretaris', sla: 'PT2H' }), 'tgs');
    // A stage that may return the proposal, then one every evaluator must approve.
    templates.loop = await insertTemplate(
      stack.dataSource,
      [
        ...at('kabid', { key: 'telaah', name: 'Telaah Kepala Bidang', mayReturn: true }),
        { key: 'penilaian', name: 'Penilaian Bersama', approvers: ['eval1', 'eval2'].map((k) => ({ kind: 'position' as const, positionId: org.post(k) })), mode: 'all', sla: 'P5D' },
      ],
      'tgs',
    );
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const submitAsRina = async (title: string, templateCode = 'umum') =>
    (await (await stack.as('Rina Wulandari')).post('/api/proposals', validProposal({ title, templateCode })).expect(201)).body.id as string;
  const submitInOrg = async (templateCode: string, title: string) =>
    (await (await org.as('proposer')).post('/api/proposals', validProposal({ title, templateCode })).expect(201)).body.id as string;
  /** The person's open task of the proposal with this title, once the workflow has created it. */
  const openTaskOf = (inbox: () => Promise<InboxTask[]>, title: string, capacity?: string) =>
    eventually(async () => (await inbox()).find((t) => t.proposalTitle === title && (!capacity || t.capacity === capacity)), 40_000, `the task of ${title}`);
  const sitiInbox = (title: string) => async () => (await (await stack.as('Siti Rahmawati')).get(`/api/tasks?q=${encodeURIComponent(title)}`).expect(200)).body.items as InboxTask[];
  const orgInbox = (key: string) => async () => (await (await org.as(key)).get('/api/tasks?pageSize=100').expect(200)).body.items as InboxTask[];
  const card = (page: Page, title: string): Locator => page.locator('article.task-card').filter({ has: page.getByRole('heading', { level: 2, name: title }) });
  /** Keputusan Anda (Your decision) on the proposal's page. */
  const decisionPanel = (page: Page, name = 'Keputusan Anda'): Locator => page.getByRole('region', { name });

  async function searchInbox(page: Page, title: string) {
    await page.getByLabel('Cari judul usulan').fill(title);
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await card(page, title).waitFor();
  }

  it('lands Siti on Tugas Saya; the card names proposer, unit, budget and round and opens the proposal, where she approves after one confirmation', async () => {
    const title = `Loket antrean daring ${org.suffix}`;
    const proposalId = await submitAsRina(title);
    await openTaskOf(sitiInbox(title), title);
    const { page, errors } = await openPage(browser, baseUrl);
    await signIn(page, SITI);
    // With tasks waiting she starts on them, not on an empty Usulan Saya; the menu says how many.
    await page.waitForURL('**/tugas');
    await expectHeading(page, 'Tugas Saya');
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: /^Tugas Saya \(\d+ tugas terbuka\)$/ }).waitFor();
    await searchInbox(page, title);
    const task = card(page, title);
    const facts = await task.locator('dl').innerText();
    for (const fact of ['Rina Wulandari', 'Seksi Perizinan Usaha', 'Kepala Unit Pengusul', 'putaran ke-1', 'Kepala Seksi Perizinan Usaha', 'Pejabat Definitif', 'Jatuh Tempo']) expect(facts).toContain(fact);
    expect(facts).toMatch(/Anggaran\s+Rp\s75\.000\.000/);
    // Deciding happens on the proposal, with its content at hand: the card has no decision buttons.
    expect(await task.getByRole('button').count()).toBe(0);
    await task.getByRole('link', { name: `Buka dan putuskan usulan ${title}` }).click();
    await page.waitForURL(`**/usulan/${proposalId}`);
    await expectHeading(page, title);
    expect(await page.getByTestId('proposal-proposer').innerText()).toBe('Rina Wulandari');
    expect(await page.getByTestId('proposal-unit').innerText()).toBe('Seksi Perizinan Usaha');
    const panel = decisionPanel(page);
    expect(await panel.locator('.decision-context').innerText()).toContain('Tahap Kepala Unit Pengusul, putaran ke-1, sebagai Kepala Seksi Perizinan Usaha');

    await panel.getByLabel('Catatan').fill('Setuju, lanjutkan uji coba.');
    await panel.getByRole('button', { name: 'Setujui', exact: true }).click();
    const confirm = panel.getByTestId('decision-confirm');
    expect(await confirm.innerText()).toContain(`Setujui usulan „${title}”?`);
    expect(await confirm.innerText()).toContain('Ini tahap terakhir: usulan akan disetujui.');
    await expect(page.evaluate('document.activeElement?.textContent')).resolves.toBe('Ya, Setujui');
    // Batal sends nothing.
    await confirm.getByRole('button', { name: 'Batal' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect((await sitiInbox(title)()).length).toBe(1);

    await panel.getByRole('button', { name: 'Setujui', exact: true }).click();
    await confirm.getByRole('button', { name: 'Ya, Setujui' }).click();
    const notice = page.getByTestId('decided-notice');
    await notice.filter({ hasText: `Usulan „${title}” Anda setujui.` }).waitFor();
    await panel.waitFor({ state: 'detached' });
    await eventually(async () => (await page.getByTestId('proposal-status').innerText()).includes('Disetujui'), 20_000, 'status Disetujui');
    // The decision went through the workflow, with the comment.
    const decided = (await (await stack.as('Siti Rahmawati')).get(`/api/tasks?status=done&q=${encodeURIComponent(title)}`).expect(200)).body.items;
    expect(decided).toEqual([expect.objectContaining({ proposalTitle: title, status: 'approved', decision: 'approve' })]);

    await notice.getByRole('link', { name: 'Kembali ke Tugas Saya' }).click();
    await expectHeading(page, 'Tugas Saya');
    await page.getByRole('link', { name: 'Sudah Saya Putuskan' }).click();
    await searchInbox(page, title);
    const done = card(page, title);
    expect(await done.innerText()).toContain('Disetujui');
    await done.getByRole('link', { name: `Lihat usulan ${title}` }).waitFor();
    expect(await done.getByRole('link', { name: /Buka dan putuskan/ }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('refuses a rejection without a reason inline, says what approving or rejecting leads to, and explains a task someone already decided', async () => {
    const title = `Pengaduan lewat SMS ${org.suffix}`;
    // Five stages: after Siti's decision the approval goes on, and the workflow itself names who decided.
    const proposalId = await submitAsRina(title, 'inovasi-pelayanan-publik');
    const open = await openTaskOf(sitiInbox(title), title);
    const { page, errors } = await openPage(browser, baseUrl);
    await signIn(page, SITI);
    await page.goto(`/usulan/${proposalId}`);
    const panel = decisionPanel(page);
    const comment = panel.getByLabel('Catatan');
    await comment.waitFor();
    // Kepala Seksi may not return this proposal: Kembalikan is not offered, and the hint says why.
    expect(await panel.getByRole('button', { name: 'Kembalikan' }).count()).toBe(0);
    expect(await panel.innerText()).toContain('Tahap ini tidak dapat mengembalikan usulan untuk perbaikan.');

    await panel.getByRole('button', { name: 'Tolak', exact: true }).click();
    const alert = panel.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toBe('Tuliskan alasan penolakan di Catatan sebelum menolak.');
    expect(await comment.getAttribute('aria-invalid')).toBe('true');
    expect(await comment.getAttribute('aria-describedby')).toContain(await alert.getAttribute('id'));
    await expect(comment.evaluate((el: { ownerDocument: { activeElement: unknown } }) => el === el.ownerDocument.activeElement)).resolves.toBe(true);
    expect(await panel.getByTestId('decision-confirm').count()).toBe(0);
    // Nothing was sent: the task is still open.
    expect((await sitiInbox(title)()).map((t) => t.id)).toEqual([open.id]);

    // Approving names the next stage of the chain.
    await panel.getByRole('button', { name: 'Setujui', exact: true }).click();
    expect(await panel.getByTestId('decision-confirm').innerText()).toContain('Usulan diteruskan ke tahap Kepala Bidang.');
    await panel.getByRole('button', { name: 'Batal' }).click();

    await comment.fill('Belum ada kajian biaya.');
    await panel.getByRole('button', { name: 'Tolak', exact: true }).click();
    const confirm = panel.getByTestId('decision-confirm');
    expect(await confirm.innerText()).toContain(`Tolak usulan „${title}”?`);
    expect(await confirm.innerText()).toContain('Usulan ditolak dan proses berhenti.');
    await screenshot(page, 'keputusan-konfirmasi-tolak', 'desktop');

    // Meanwhile Siti decides it elsewhere (another tab, the API): the page explains the 409.
    await (await stack.as('Siti Rahmawati')).post(`/api/tasks/${open.id}/decision`, { decision: 'approve', comment: 'Lanjut.' }).expect(200);
    await confirm.getByRole('button', { name: 'Ya, Tolak' }).click();
    await panel.getByRole('alert').filter({ hasText: 'Tugas ini sudah diputuskan oleh Siti Rahmawati.' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('moves a task to the Plt. appointed after the holder leaves; the Plt. sees it as Plt. and approves it, but not a stage for definitive holders', async () => {
    const routine = `Rotasi rutin ${org.suffix}`;
    const definitive = `Rotasi penetapan ${org.suffix}`;
    await submitInOrg(templates.kasi, routine);
    const definitiveId = await submitInOrg(templates.kasiDefinitive, definitive);
    await openTaskOf(orgInbox('kasi'), routine);
    await openTaskOf(orgInbox('kasi'), definitive);

    const admin = await org.as('admin');
    const current = (await admin.get(`/api/positions/${org.post('kasi')}/acting`).expect(200)).body.current as { id: string }[];
    await admin.post(`/api/appointments/${current[0].id}/end`, { reason: 'Mutasi ke dinas lain' }).expect(200);
    await admin.post(`/api/positions/${org.post('kasi')}/appointments`, { personId: org.person('plt'), capacity: 'plt', basis: 'SK Plt. Nomor 1' }).expect(201);
    await openTaskOf(orgInbox('plt'), routine, 'plt');
    await openTaskOf(orgInbox('plt'), definitive, 'plt');

    const { page, errors } = await openPage(browser, baseUrl);
    await signIn(page, org.nip('plt'));
    await page.waitForURL('**/tugas');
    await expectHeading(page, 'Tugas Saya');
    const routineCard = card(page, routine);
    await routineCard.waitFor();
    expect(await routineCard.locator('dl').innerText()).toMatch(/Bertindak sebagai\s+Plt\./);
    expect(await routineCard.locator('dl').innerText()).toContain('Kepala Seksi Uji Tugas');

    await page.goto(`/usulan/${definitiveId}`);
    const panel = decisionPanel(page);
    await panel.getByRole('button', { name: 'Setujui', exact: true }).click();
    await panel.getByRole('button', { name: 'Ya, Setujui' }).click();
    await panel
      .getByRole('alert')
      .filter({ hasText: 'Tahap ini hanya dapat diputuskan oleh Pejabat Definitif, bukan oleh Plt., Plh., atau penerima Pelimpahan.' })
      .waitFor();

    await page.goto('/tugas');
    await routineCard.getByRole('link', { name: `Buka dan putuskan usulan ${routine}` }).click();
    await expectHeading(page, routine);
    expect(await panel.locator('.decision-context').innerText()).toContain('Plt.');
    await panel.getByRole('button', { name: 'Setujui', exact: true }).click();
    await panel.getByRole('button', { name: 'Ya, Setujui' }).click();
    await page.getByTestId('decided-notice').waitFor();
    const done = (await (await org.as('plt')).get('/api/tasks?status=done').expect(200)).body.items;
    expect(done).toEqual([expect.objectContaining({ proposalTitle: routine, capacity: 'plt', decision: 'approve' })]);
    await page.goto('/tugas');
    await card(page, definitive).waitFor();
    expect(await card(page, routine).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('delegates a post while away: the delegate sees the task as Pelimpahan; revoking brings it back', async () => {
    const title = `Pelimpahan saat cuti ${org.suffix}`;
    await submitInOrg(templates.kadis, title);
    const holderTask = await openTaskOf(orgInbox('kadis'), title);

    const { page, errors } = await openPage(browser, baseUrl);
    await signIn(page, org.nip('kadis'));
    await page.goto('/tugas');
    await page.getByRole('link', { name: 'Pelimpahan', exact: true }).click();
    await expectHeading(page, 'Pelimpahan');
    const form = page.getByRole('form', { name: 'Limpahkan selama tidak di tempat' });
    expect(await form.getByLabel('Jabatan yang dilimpahkan').inputValue()).toBe(org.post('kadis'));

    // Without a delegate or a reason: refused next to the fields.
    await form.getByRole('button', { name: 'Simpan Pelimpahan' }).click();
    await form.getByText('Pilih penerima Pelimpahan.').waitFor();
    await form.getByText('Tuliskan alasannya.').waitFor();
    expect(await form.getByLabel('Alasan (cuti, dinas luar, …)').getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel('Penerima Pelimpahan').fill(org.nip('deputy'));
    await form.getByRole('radio', { name: /Ayu Wakil/ }).check();
    await form.getByText('Dipilih: Ayu Wakil').waitFor();
    await form.getByLabel('Alasan (cuti, dinas luar, …)').fill('Cuti tahunan');
    await form.getByRole('button', { name: 'Simpan Pelimpahan' }).click();
    await page.getByRole('status').filter({ hasText: 'Pelimpahan jabatan Kepala Dinas Uji Tugas kepada Ayu Wakil tersimpan' }).waitFor();
    const given = page.locator('table').first();
    const row = given.locator('tbody tr').filter({ hasText: 'Ayu Wakil' });
    await row.waitFor();
    expect(await row.innerText()).toContain('Berlaku');
    expect(await row.innerText()).toContain('Cuti tahunan');

    // The delegate finds the task in Tugas Saya, as delegate of the holder.
    await openTaskOf(orgInbox('deputy'), title, 'delegate');
    const deputy = await openPage(browser, baseUrl);
    await signIn(deputy.page, org.nip('deputy'));
    await deputy.page.goto('/tugas');
    const delegated = card(deputy.page, title);
    await delegated.waitFor();
    await delegated.locator('dl').getByText('Pelimpahan dari Ahmad Kadis').waitFor();
    await deputy.page.goto('/tugas/pelimpahan');
    await deputy.page.locator('table tbody tr').filter({ hasText: 'Ahmad Kadis' }).filter({ hasText: 'Berlaku' }).waitFor();

    await row.getByRole('button', { name: 'Cabut Pelimpahan jabatan Kepala Dinas Uji Tugas kepada Ayu Wakil' }).click();
    await page.getByRole('status').filter({ hasText: 'sudah dicabut' }).waitFor();
    await row.filter({ hasText: 'Dicabut' }).waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    // The open task returns to the holder.
    const back = await openTaskOf(orgInbox('kadis'), title, 'definitif');
    expect(back.id).not.toBe(holderTask.id);
    expect(errors).toEqual([]);
    expect(deputy.errors).toEqual([]);
  });

  it('marks a task that reached me by escalation, and one past its due time, in words as well as colour', async () => {
    const title = `Eskalasi karena lewat tenggat ${org.suffix}`;
    await submitInOrg(templates.subag, title);
    const overdue = async () => (await (await org.as('kabag')).get('/api/tasks?overdue=true').expect(200)).body.items as (InboxTask & { onEscalation: boolean })[];
    const escalated = await eventually(async () => (await overdue()).find((t) => t.proposalTitle === title), 40_000, 'the escalated task past its due time');
    expect(escalated.onEscalation).toBe(true);

    const { page, errors } = await openPage(browser, baseUrl);
    await signIn(page, org.nip('kabag'));
    await page.goto('/tugas');
    const task = card(page, title);
    await task.waitFor();
    expect(await task.getAttribute('class')).toContain('overdue');
    expect(await task.locator('.markers').innerText()).toMatch(/Lewat Jatuh Tempo\s+⤴? ?Eskalasi/);
    expect(await task.locator('dl').innerText()).toContain('Kepala Bagian Uji Tugas');
    await screenshot(page, 'tugas-saya-eskalasi', 'desktop');
    expect(errors).toEqual([]);
  });


  describe("the approver's loop: a deep link, round 2 with the resubmission note and what changed, a stage every evaluator approves", () => {
    const title = `Antrean daring putaran kedua ${Date.now().toString(36)}`;
    const note = 'Anggaran sudah dirinci per kegiatan; indikator pengaduan ditambahkan.';
    let proposalId: string;
    beforeAll(async () => {
      const analis = await org.as('analis');
      proposalId = (await analis.post('/api/proposals', validProposal({ title, templateCode: templates.loop })).expect(201)).body.id as string;
      const first = await openTaskOf(orgInbox('kabid'), title);
      await (await org.as('kabid')).post(`/api/tasks/${first.id}/decision`, { decision: 'return', comment: 'Anggaran perlu dirinci.' }).expect(200);
      await eventually(async () => (await analis.get(`/api/proposals/${proposalId}`).expect(200)).body.status === 'returned', 20_000, 'the return');
      // The proposer changes the budget, the pilot plan and the indicators, then resubmits with a note.
      await analis
        .patch(`/api/proposals/${proposalId}`, {
          budgetEstimate: 90000000,
          pilotPlan: { durationMonths: 3, scope: 'Loket perizinan kantor pusat' },
          indicators: [...validProposal().indicators, { name: 'Pengaduan terjawab', baseline: '40%', target: '90%' }],
        })
        .expect(200);
      await analis.post(`/api/proposals/${proposalId}/resubmit`, { note }).expect(200);
      await eventually(async () => (await orgInbox('kabid')()).find((t) => t.proposalTitle === title && t.id !== first.id), 40_000, 'the task of round 2');
    });

    it('returns to the proposal asked for after signing in, shows who proposed it, the note and each change, and moves it on after one confirmation', async () => {
      // A link from a message, opened in a fresh browser: signed out, so Masuk first, then the page asked for.
      const { page, errors } = await openPage(browser, baseUrl);
      await page.goto(`/usulan/${proposalId}`);
      await page.waitForURL('**/masuk');
      await page.locator('#person-search').fill(org.nip('kabid'));
      await eventually(async () => (await page.locator('#person').inputValue()) === org.nip('kabid'), 10_000, 'the picker to offer Bima Kabid');
      await page.locator('form button[type=submit]').click();
      await page.waitForURL(`**/usulan/${proposalId}`);
      await expectHeading(page, title);
      const count = page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Tugas Saya (1 tugas terbuka)' });
      await count.waitFor();
      expect(await page.getByTestId('proposal-proposer').innerText()).toBe('Bayu Analis');
      expect(await page.getByTestId('proposal-unit').innerText()).toBe('Bidang Uji Putaran');

      const changes = page.getByTestId('round-changes');
      await changes.getByRole('heading', { name: 'Perubahan pada putaran ke-2' }).waitFor();
      expect(await changes.locator('.resubmit-note').innerText()).toBe(note);
      const changed = changes.locator('ul.changes > li');
      await changed.first().waitFor();
      expect(await changed.evaluateAll((items) => items.map((li) => li.getAttribute('data-field')))).toEqual(['budgetEstimate', 'pilotPlan', 'indicators']);
      const budget = await changes.locator('[data-field=budgetEstimate]').innerText();
      expect(budget).toMatch(/Sebelumnya\s+Rp\s75\.000\.000\s+Sekarang\s+Rp\s90\.000\.000/);
      expect(await changes.locator('[data-field=pilotPlan]').innerText()).toMatch(/6 bulan — Loket perizinan kantor pusat\s+Sekarang\s+3 bulan — Loket perizinan kantor pusat/);
      expect(await changes.locator('[data-field=indicators] .change-after').innerText()).toContain('Pengaduan terjawab: 40% → 90%');
      expect(await changes.locator('[data-field=indicators] .change-before').innerText()).not.toContain('Pengaduan terjawab');
      // The chain so far, with the note of the return.
      expect(await page.getByTestId('stage-0').innerText()).toContain('Anggaran perlu dirinci.');

      const panel = decisionPanel(page);
      // A return needs a reason, said at once.
      await panel.getByRole('button', { name: 'Kembalikan' }).click();
      await panel.getByRole('alert').filter({ hasText: 'Tuliskan apa yang perlu diperbaiki di Catatan sebelum mengembalikan.' }).waitFor();
      await page.getByRole('link', { name: 'Putuskan', exact: true }).click();
      await screenshot(page, 'keputusan-putaran-2', 'desktop');

      await panel.getByRole('button', { name: 'Setujui', exact: true }).click();
      const confirm = panel.getByTestId('decision-confirm');
      expect(await confirm.innerText()).toContain('Usulan diteruskan ke tahap Penilaian Bersama.');
      await confirm.getByRole('button', { name: 'Ya, Setujui' }).click();
      await page.getByTestId('decided-notice').waitFor();
      // The menu's count follows the decision.
      await count.waitFor({ state: 'detached' });
      expect(await page.getByTestId('open-task-count').count()).toBe(0);
      expect(errors).toEqual([]);
    });

    it('on a phone, lands an evaluator on Tugas Saya, reaches the proposal from the card and says the stage still waits for the other evaluator', async () => {
      await openTaskOf(orgInbox('eval1'), title);
      const { page, errors } = await openPage(browser, baseUrl, 'phone');
      await signIn(page, org.nip('eval1'));
      await page.waitForURL('**/tugas');
      const task = card(page, title);
      await task.waitFor();
      const facts = await task.locator('dl').innerText();
      for (const fact of ['Bayu Analis', 'Bidang Uji Putaran', 'Penilaian Bersama', 'putaran ke-2']) expect(facts).toContain(fact);
      expect(facts).toMatch(/Rp\s90\.000\.000/);
      const open = task.getByRole('link', { name: `Buka dan putuskan usulan ${title}` });
      // The action spans the card: within the screen and big enough for a thumb.
      const box = (await open.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(VIEWPORTS.phone.width);
      expect(box.width).toBeGreaterThan(VIEWPORTS.phone.width / 2);
      expect(box.height).toBeGreaterThanOrEqual(44);
      await expectNoSidewaysScroll(page, 'phone');
      await screenshot(page, 'tugas-saya-kartu', 'phone');
      await open.click();
      await expectHeading(page, title);
      await page.getByTestId('round-changes').locator('ul.changes').waitFor();
      const panel = decisionPanel(page);
      await panel.getByRole('button', { name: 'Setujui', exact: true }).click();
      expect(await panel.getByTestId('decision-confirm').innerText()).toContain(
        'Persetujuan Anda dicatat, tetapi tahap ini masih menunggu persetujuan lain di tahap ini (1 lagi) sebelum usulan diteruskan.',
      );
      await expectNoSidewaysScroll(page, 'phone');
      await screenshot(page, 'keputusan-menunggu', 'phone');
      await panel.getByRole('button', { name: 'Ya, Setujui' }).click();
      await page.getByTestId('decided-notice').waitFor();
      expect((await (await org.as('eval1')).get('/api/tasks?status=done').expect(200)).body.items).toEqual([expect.objectContaining({ proposalTitle: title, decision: 'approve' })]);
      expect(errors).toEqual([]);
    });

    it('reads the decision and the changes in English after the toggle, and approves at the last stage', async () => {
      await openTaskOf(orgInbox('eval2'), title);
      const { page, errors } = await openPage(browser, baseUrl);
      await signIn(page, org.nip('eval2'));
      await page.goto(`/usulan/${proposalId}`);
      await expectHeading(page, title);
      const sections = () => page.locator('[data-testid=round-changes], #keputusan');
      await page.getByTestId('round-changes').locator('ul.changes').waitFor();
      await decisionPanel(page).getByRole('button', { name: 'Setujui', exact: true }).click();
      const before = lines((await sections().allInnerTexts()).join('\n'));
      await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
      const panel = decisionPanel(page, 'Your decision');
      await panel.waitFor();
      await page.getByRole('heading', { name: 'Changes in review round 2' }).waitFor();
      const after = lines((await sections().allInnerTexts()).join('\n'));
      // What people wrote stays as written; every interface line reads differently.
      const data = [note, 'Waktu tunggu rata-rata: 120 menit → 30 menit', 'Pengaduan terjawab: 40% → 90%'];
      expect(after.filter((line) => before.includes(line) && !data.includes(line))).toEqual([]);
      const confirm = panel.getByTestId('decision-confirm');
      expect(await confirm.innerText()).toContain(`Approve the proposal “${title}”?`);
      expect(await confirm.innerText()).toContain('This is the last stage: the proposal will be approved.');
      await screenshot(page, 'keputusan-en', 'desktop');
      await confirm.getByRole('button', { name: 'Yes, approve' }).click();
      await page.getByTestId('decided-notice').filter({ hasText: `You approved the proposal “${title}”.` }).waitFor();
      await eventually(async () => (await page.getByTestId('proposal-status').innerText()).includes('Approved'), 20_000, 'status Approved');
      expect(errors).toEqual([]);
    });
  });

  describe('every string in Bahasa Indonesia and English, at desktop and phone width', () => {
    const title = `Telaah naskah akademik ${Date.now().toString(36)}`;
    beforeAll(async () => {
      await submitInOrg(templates.sek, title);
      await openTaskOf(orgInbox('sek'), title);
    });

    it.each<Viewport>(['desktop', 'phone'])('shows Tugas Saya and Pelimpahan without sideways scrolling at %s width', async (viewport) => {
      const { page, errors } = await openPage(browser, baseUrl, viewport);
      await signIn(page, org.nip('sek'));
      await page.goto('/tugas');
      await card(page, title).waitFor();
      await expectNoSidewaysScroll(page, viewport);
      await screenshot(page, 'tugas-saya', viewport);
      await page.goto('/tugas/pelimpahan');
      await expectHeading(page, 'Pelimpahan');
      await page.getByRole('heading', { name: 'Pelimpahan yang saya terima' }).waitFor();
      await expectNoSidewaysScroll(page, viewport);
      await screenshot(page, 'pelimpahan', viewport);
      expect(errors).toEqual([]);
    });

    it.each([
      ['/tugas', 'Tugas Saya', 'My tasks'],
      ['/tugas?status=done', 'Tugas Saya', 'My tasks'],
      ['/tugas/pelimpahan', 'Pelimpahan', 'Delegations'],
    ])('translates every line of %s', async (path, indonesian, english) => {
      const { page, errors } = await openPage(browser, baseUrl);
      await signIn(page, org.nip('sek'));
      await page.goto(path);
      await expectHeading(page, indonesian);
      // Wait for the data, so both languages show the same content.
      await page.locator('.loading').waitFor({ state: 'detached' });
      if (path === '/tugas') await card(page, title).waitFor();
      if (path === '/tugas/pelimpahan') await page.getByRole('heading', { name: 'Pelimpahan yang saya terima' }).waitFor();
      const before = lines(await page.locator('main').innerText());
      await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
      await expectHeading(page, english);
      const after = lines(await page.locator('main').innerText());
      // Data keeps its words: the proposal's title, the stage and post names of the chain, and dates.
      const data = [title, 'Telaah Sekretaris', 'Sekretaris Dinas Uji Tugas', 'Aisyah Pengusul', 'Seksi Uji Tugas'];
      const untranslated = after.filter((line) => before.includes(line) && !data.includes(line) && !/^\d/.test(line));
      expect(untranslated).toEqual([]);
      expect(after.length).toBeGreaterThan(3);
      const nav = await page.getByRole('navigation', { name: 'Main menu' }).innerText();
      expect(nav).toContain('My tasks');
      expect(errors).toEqual([]);
    });
  });
});

const lines = (text: string) => text.split(/[\n\t]/).map((l) => l.trim()).filter(Boolean);

async function expectHeading(page: Page, name: string) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

async function expectNoSidewaysScroll(page: Page, viewport: Viewport) {
  const width = await page.evaluate<number>('document.documentElement.scrollWidth');
  expect(width).toBeLessThanOrEqual(VIEWPORTS[viewport].width);
}

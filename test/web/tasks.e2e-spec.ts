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
      ],
      posts: [
        { key: 'kadis', title: 'Kepala Dinas Uji Tugas', unit: 'dinas', level: 'jpt-pratama', head: true, holder: 'kadis' },
        { key: 'sek', title: 'Sekretaris Dinas Uji Tugas', unit: 'dinas', superior: 'kadis', holder: 'sek' },
        { key: 'kasi', title: 'Kepala Seksi Uji Tugas', unit: 'seksi', level: 'pengawas', superior: 'kadis', head: true, holder: 'kasi' },
        { key: 'staf', title: 'Pengadministrasi Uji Tugas', unit: 'seksi', level: 'pelaksana', superior: 'kasi', holder: 'proposer' },
        { key: 'kabag', title: 'Kepala Bagian Uji Tugas', unit: 'dinas', superior: 'kadis', holder: 'kabag' },
        { key: 'subag', title: 'Kepala Subbagian Uji Tugas', unit: 'dinas', level: 'pengawas', superior: 'kabag', holder: 'subag' },
      ],
      people: {
        kadis: 'Ahmad Kadis', sek: 'Agung Sekretaris', kasi: 'Abdul Kasi', plt: 'Adi Plt', proposer: 'Aisyah Pengusul', deputy: 'Ayu Wakil',
        kabag: 'Anton Kabag', subag: 'Arif Subag', admin: 'Aan Admin Tugas',
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

  async function searchInbox(page: Page, title: string) {
    await page.getByLabel('Cari judul usulan').fill(title);
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await card(page, title).waitFor();
  }

  it('lets Siti approve from Tugas Saya a proposal Rina submitted; it leaves the inbox and shows under what she decided', async () => {
    const title = `Loket antrean daring ${org.suffix}`;
    const proposalId = await submitAsRina(title);
    await openTaskOf(sitiInbox(title), title);
    const { page, errors } = await openPage(browser, baseUrl);
    await signIn(page, SITI);
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Tugas Saya' }).click();
    await expectHeading(page, 'Tugas Saya');
    await searchInbox(page, title);
    const task = card(page, title);
    await expect(task.getByRole('link', { name: title }).getAttribute('href')).resolves.toBe(`/usulan/${proposalId}`);
    const facts = await task.locator('dl').innerText();
    expect(facts).toContain('Kepala Unit Pengusul');
    expect(facts).toContain('Kepala Seksi Perizinan Usaha');
    expect(facts).toContain('Pejabat Definitif');
    expect(facts).toContain('Jatuh Tempo');

    await task.getByLabel('Catatan').fill('Setuju, lanjutkan uji coba.');
    await task.getByRole('button', { name: 'Setujui' }).click();
    await page.getByRole('status').filter({ hasText: `Usulan „${title}” Anda setujui.` }).waitFor();
    // The inbox reloads without it.
    await page.getByText('Tidak ada tugas dengan judul usulan seperti itu.').waitFor();
    expect(await page.locator('article.task-card').count()).toBe(0);
    // The decision went through the workflow, with the comment.
    const decided = (await (await stack.as('Siti Rahmawati')).get(`/api/tasks?status=done&q=${encodeURIComponent(title)}`).expect(200)).body.items;
    expect(decided).toEqual([expect.objectContaining({ proposalTitle: title, status: 'approved', decision: 'approve' })]);

    await page.getByRole('link', { name: 'Sudah Saya Putuskan' }).click();
    await searchInbox(page, title);
    const done = card(page, title);
    expect(await done.innerText()).toContain('Disetujui');
    expect(await done.getByRole('button', { name: 'Setujui' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('refuses a rejection or return without a reason inline, and explains a task someone already decided', async () => {
    const title = `Pengaduan lewat SMS ${org.suffix}`;
    // Five stages: after Siti's decision the approval goes on, and the workflow itself names who decided.
    await submitAsRina(title, 'inovasi-pelayanan-publik');
    const open = await openTaskOf(sitiInbox(title), title);
    const { page, errors } = await openPage(browser, baseUrl);
    await signIn(page, SITI);
    await page.goto('/tugas');
    await searchInbox(page, title);
    const task = card(page, title);
    const comment = task.getByLabel('Catatan');

    await task.getByRole('button', { name: 'Tolak' }).click();
    const alert = task.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toBe('Tuliskan alasan penolakan di Catatan sebelum menolak.');
    expect(await comment.getAttribute('aria-invalid')).toBe('true');
    expect(await comment.getAttribute('aria-describedby')).toContain(await alert.getAttribute('id'));
    await expect(comment.evaluate((el: { ownerDocument: { activeElement: unknown } }) => el === el.ownerDocument.activeElement)).resolves.toBe(true);
    await comment.fill('   ');
    await task.getByRole('button', { name: 'Kembalikan' }).click();
    await task.getByRole('alert').filter({ hasText: 'Tuliskan apa yang perlu diperbaiki di Catatan sebelum mengembalikan.' }).waitFor();
    // Nothing was sent: the task is still open.
    expect((await sitiInbox(title)()).map((t) => t.id)).toEqual([open.id]);
    await screenshot(page, 'tugas-saya-alasan-wajib', 'desktop');

    // Meanwhile Siti decides it elsewhere (another tab, the API): the page explains the 409.
    await (await stack.as('Siti Rahmawati')).post(`/api/tasks/${open.id}/decision`, { decision: 'approve', comment: 'Lanjut.' }).expect(200);
    await comment.fill('Setuju.');
    await task.getByRole('button', { name: 'Setujui' }).click();
    await task.getByRole('alert').filter({ hasText: 'Tugas ini sudah diputuskan oleh Siti Rahmawati.' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('moves a task to the Plt. appointed after the holder leaves; the Plt. sees it as Plt. and approves it, but not a stage for definitive holders', async () => {
    const routine = `Rotasi rutin ${org.suffix}`;
    const definitive = `Rotasi penetapan ${org.suffix}`;
    await submitInOrg(templates.kasi, routine);
    await submitInOrg(templates.kasiDefinitive, definitive);
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
    await page.goto('/tugas');
    await expectHeading(page, 'Tugas Saya');
    const routineCard = card(page, routine);
    await routineCard.waitFor();
    expect(await routineCard.locator('dl').innerText()).toMatch(/Bertindak sebagai\s+Plt\./);
    expect(await routineCard.locator('dl').innerText()).toContain('Kepala Seksi Uji Tugas');

    const definitiveCard = card(page, definitive);
    await definitiveCard.getByRole('button', { name: 'Setujui' }).click();
    await definitiveCard
      .getByRole('alert')
      .filter({ hasText: 'Tahap ini hanya dapat diputuskan oleh Pejabat Definitif, bukan oleh Plt., Plh., atau penerima Pelimpahan.' })
      .waitFor();

    await routineCard.getByRole('button', { name: 'Setujui' }).click();
    await routineCard.waitFor({ state: 'detached' });
    const done = (await (await org.as('plt')).get('/api/tasks?status=done').expect(200)).body.items;
    expect(done).toEqual([expect.objectContaining({ proposalTitle: routine, capacity: 'plt', decision: 'approve' })]);
    expect(await card(page, definitive).count()).toBe(1);
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
    const form = page.getByRole('form', { name: 'Delegasikan selama tidak di tempat' });
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
      const data = [title, 'Telaah Sekretaris', 'Sekretaris Dinas Uji Tugas'];
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

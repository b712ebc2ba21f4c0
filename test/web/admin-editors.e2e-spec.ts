import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { AppStack, eventually, validProposal } from '../support/app-stack';
import { launchBrowser, openPage, screenshot, signIn, startWebStack, Viewport, VIEWPORTS } from '../support/browser';
import { buildOrg, Org } from '../support/org-fixture';
import { insertTemplate } from '../support/templates';

jest.setTimeout(180_000);

/**
 * The chain-template form editor (stages, approvers picked from the organization, days and hours,
 * the API's errors in the reader's language, the JSON view), the organization tree with an acting
 * appointment ended early, and a proposal's record to print and as a PDF.
 */
describe('web app: template form, organization tree, printable record', () => {
  let stack: AppStack;
  let baseUrl: string;
  let browser: Browser;
  let org: Org;
  /** A template for each width to add a version to. */
  const versioned: Partial<Record<Viewport, string>> = {};
  let proposalId: string;
  const title = () => `Usulan untuk dicetak ${org.suffix}`;

  beforeAll(async () => {
    ({ stack, baseUrl } = await startWebStack());
    browser = await launchBrowser();
    // Names early in the alphabet: Masuk lists the first 200 people by name.
    org = await buildOrg(stack, {
      units: [
        { key: 'dinas', name: 'Dinas Uji Editor', kind: 'dinas' },
        { key: 'seksi', name: 'Seksi Uji Editor', kind: 'seksi', parent: 'dinas' },
      ],
      posts: [
        { key: 'kadis', title: 'Kepala Dinas Uji Editor', unit: 'dinas', level: 'jpt-pratama', head: true, holder: 'kadis' },
        { key: 'kasi', title: 'Kepala Seksi Uji Editor', unit: 'seksi', level: 'pengawas', superior: 'kadis', head: true, holder: 'kasi' },
        { key: 'kosong', title: 'Kepala Subbagian Uji Editor', unit: 'dinas', level: 'pengawas', superior: 'kadis' },
        { key: 'staf', title: 'Pengadministrasi Uji Editor', unit: 'seksi', level: 'pelaksana', superior: 'kasi', holder: 'proposer' },
      ],
      people: { kadis: 'Abi Kadis Editor', kasi: 'Acep Kasi Editor', plt: 'Ade Plt Editor', proposer: 'Adi Pengusul Editor', admin: 'Aan Admin Editor' },
      admins: ['admin'],
    });
    const admin = await org.as('admin');
    await admin.post(`/api/positions/${org.post('kosong')}/appointments`, { personId: org.person('plt'), capacity: 'plt', endsAt: '2099-12-31T05:00:00.000Z', basis: 'SK Plt. Uji' }).expect(201);
    for (const viewport of ['desktop', 'phone'] as const) {
      versioned[viewport] = await insertTemplate(stack.dataSource, [
        { key: 'satu', name: 'Telaah Kepala Seksi', approvers: [{ kind: 'position', positionId: org.post('kasi') }], mode: 'any', sla: 'P1DT2H' },
      ], 'edt');
    }
    // A proposal decided with a note, for the record.
    const templateCode = await insertTemplate(stack.dataSource, [
      { key: 'satu', name: 'Persetujuan Kepala Seksi', approvers: [{ kind: 'position', positionId: org.post('kasi') }], mode: 'any', sla: 'P5D', mayReturn: true },
    ], 'ctk');
    proposalId = (await (await org.as('proposer')).post('/api/proposals', validProposal({ title: title(), templateCode })).expect(201)).body.id as string;
    const kasi = await org.as('kasi');
    const task = await eventually(
      async () => ((await kasi.get('/api/tasks?pageSize=100').expect(200)).body.items as { id: string; proposalTitle: string }[]).find((t) => t.proposalTitle === title()),
      60_000,
      'the task of the Kepala Seksi',
    );
    await kasi.post(`/api/tasks/${task.id}/decision`, { decision: 'approve', comment: 'Layak, silakan dicetak.' }).expect(200);
    await eventually(async () => (await kasi.get(`/api/proposals/${proposalId}`).expect(200)).body.status === 'approved', 60_000, 'the approval');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function signInAs(key: string, viewport: Viewport = 'desktop') {
    const opened = await openPage(browser, baseUrl, viewport);
    await signIn(opened.page, org.nip(key));
    return opened;
  }
  const stage = (page: Page, n: number): Locator => page.getByRole('group', { name: new RegExp(`^Tahap ${n}:`) });
  /** Picks a post in a stage's approver search, by its code. */
  async function pickPost(scope: Locator, key: string, postTitle: string) {
    await scope.getByLabel('Cari jabatan (kode atau nama)').fill(`${key}-${org.suffix}`.toUpperCase());
    await scope.getByRole('list', { name: 'Hasil pencarian jabatan' }).getByRole('button', { name: postTitle }).click();
    await scope.getByTestId('picked-post').filter({ hasText: postTitle }).waitFor();
  }
  const noSidewaysScroll = async (page: Page, viewport: Viewport) =>
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(VIEWPORTS[viewport].width);

  it('builds a new template in the form: a post picked, 2 days 4 hours, errors in Indonesian by their fields, JSON and back', async () => {
    const { page, errors } = await signInAs('admin');
    await page.goto('/admin/templat');
    const open = page.getByRole('button', { name: 'Buat Templat Baru' });
    await open.click();
    expect(await open.getAttribute('aria-expanded')).toBe('true');
    const code = `uji-form-${org.suffix}`;
    await page.getByLabel('Kode templat').fill(code);
    await page.getByLabel('Nama templat').fill(`Rantai Formulir ${org.suffix}`);

    const first = stage(page, 1);
    await first.getByLabel('Nama tahap').fill('Persetujuan Kepala Seksi');
    // The key follows the name until it is typed in.
    expect(await first.getByLabel('Kunci tahap').inputValue()).toBe('persetujuan-kepala-seksi');
    await pickPost(first, 'kasi', 'Kepala Seksi Uji Editor');
    const sla = first.getByRole('group', { name: 'Batas Waktu' });
    await sla.getByLabel('Hari').fill('2');
    await sla.getByLabel('Jam').fill('4');

    await page.getByRole('button', { name: 'Tambah tahap' }).click();
    const second = stage(page, 2);
    // The keyboard goes to the new stage's name.
    expect(await page.evaluate<string>("document.activeElement?.id ?? ''")).toMatch(/-name$/);
    await second.getByLabel('Nama tahap').fill('Penetapan Kepala Dinas');
    await pickPost(second, 'kadis', 'Kepala Dinas Uji Editor');
    await second.getByLabel('Cara memutuskan').selectOption('quorum');
    await second.getByLabel('Jumlah persetujuan yang diperlukan').fill('3');
    const secondSla = second.getByRole('group', { name: 'Batas Waktu' });

    // Checked before anything is sent: more than 23 hours.
    await secondSla.getByLabel('Jam').fill('30');
    await page.getByRole('button', { name: 'Simpan Templat' }).click();
    await secondSla.getByRole('alert').filter({ hasText: 'Jam paling banyak 23; 24 jam ditulis sebagai 1 hari.' }).waitFor();
    expect(await secondSla.getByLabel('Jam').getAttribute('aria-invalid')).toBe('true');

    // Refused by the API: each message next to its field, in Indonesian.
    await secondSla.getByLabel('Jam').fill('');
    await secondSla.getByLabel('Hari').fill('400');
    await page.getByRole('button', { name: 'Simpan Templat' }).click();
    await page.getByRole('alert').filter({ hasText: 'Rantai tahapan belum benar.' }).waitFor();
    await secondSla.getByRole('alert').filter({ hasText: 'Paling lama 366 hari.' }).waitFor();
    await second.getByRole('alert').filter({ hasText: 'Kuorum 3 terlalu besar: penyetuju tahap ini paling banyak 1 jabatan.' }).waitFor();
    expect(await first.getByRole('alert').count()).toBe(0);
    const shown = await page.locator('main').innerText();
    expect(shown).not.toMatch(/must be|needs 3 approvals|ISO-8601/);
    await screenshot(page, 'admin-templat-formulir-galat', 'desktop');

    // The messages stay with their stage when the stages are reordered.
    await second.getByRole('button', { name: 'Naikkan tahap 2' }).click();
    const movedUp = stage(page, 1);
    expect(await movedUp.getByLabel('Nama tahap').inputValue()).toBe('Penetapan Kepala Dinas');
    await movedUp.getByRole('alert').filter({ hasText: 'Paling lama 366 hari.' }).waitFor();
    expect(await stage(page, 2).getByRole('alert').count()).toBe(0);
    await movedUp.getByRole('button', { name: 'Turunkan tahap 1' }).click();
    expect(await stage(page, 1).getByLabel('Nama tahap').inputValue()).toBe('Persetujuan Kepala Seksi');

    // The same chain as JSON, changed there, and back in the form.
    await page.getByRole('button', { name: 'Teks JSON' }).click();
    const json = page.getByLabel('Isi templat baru dalam JSON');
    const body = JSON.parse(await json.inputValue()) as { code: string; stages: Record<string, unknown>[] };
    expect(body.code).toBe(code);
    expect(body.stages[0]).toEqual({ key: 'persetujuan-kepala-seksi', name: 'Persetujuan Kepala Seksi', approvers: [{ kind: 'position', positionId: org.post('kasi') }], mode: 'any', sla: 'P2DT4H' });
    expect(body.stages[1]).toMatchObject({ mode: 'quorum:3', sla: 'P400D', approvers: [{ kind: 'position', positionId: org.post('kadis') }] });
    body.stages[1] = { ...body.stages[1], mode: 'any', sla: 'PT12H' };
    await json.fill(JSON.stringify(body, null, 2));
    await page.getByRole('button', { name: 'Formulir' }).click();
    expect(await stage(page, 2).getByLabel('Cara memutuskan').inputValue()).toBe('any');
    expect(await stage(page, 2).getByRole('group', { name: 'Batas Waktu' }).getByLabel('Jam').inputValue()).toBe('12');
    expect(await stage(page, 1).getByRole('group', { name: 'Batas Waktu' }).getByLabel('Hari').inputValue()).toBe('2');
    expect(await stage(page, 1).getByTestId('picked-post').innerText()).toBe('Kepala Seksi Uji Editor');

    await page.getByRole('button', { name: 'Simpan Templat' }).click();
    await page.waitForURL(`**/admin/templat/${code}`);
    await page.getByRole('status').filter({ hasText: `Templat Rantai Formulir ${org.suffix} tersimpan sebagai versi 1.` }).waitFor();
    const saved = (await (await org.as('admin')).get(`/api/templates/${code}`).expect(200)).body as { stages: { sla: string; mode: string }[] };
    expect(saved.stages.map((s) => [s.sla, s.mode])).toEqual([
      ['P2DT4H', 'any'],
      ['PT12H', 'any'],
    ]);
    const stageList = page.locator('.stage-list > li').first();
    await stageList.getByText('Jabatan: Kepala Seksi Uji Editor', { exact: true }).waitFor();
    expect(await stageList.locator('dl').innerText()).toMatch(/Batas Waktu\s+2 hari 4 jam/);
    expect(errors).toEqual([]);
  });

  it.each<Viewport>(['desktop', 'phone'])('edits a new version in English at %s width, with the English messages', async (viewport) => {
    const { page, errors } = await signInAs('admin', viewport);
    await page.goto(`/admin/templat/${versioned[viewport]}`);
    await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Create a new version' }).waitFor();
    const first = page.getByRole('group', { name: /^Stage 1:/ });
    await first.getByTestId('picked-post').filter({ hasText: 'Kepala Seksi Uji Editor' }).waitFor();
    const sla = first.getByRole('group', { name: 'Deadline' });
    expect([await sla.getByLabel('Days').inputValue(), await sla.getByLabel('Hours').inputValue()]).toEqual(['1', '2']);
    await first.getByLabel('Stage name').fill('');
    await sla.getByLabel('Days').fill('dua');
    await page.getByRole('button', { name: 'Save new version' }).click();
    await sla.getByRole('alert').filter({ hasText: 'Give a whole number, e.g. 2.' }).waitFor();
    await sla.getByLabel('Days').fill('3');
    await page.getByRole('button', { name: 'Save new version' }).click();
    await first.getByRole('alert').filter({ hasText: 'Required.' }).waitFor();
    await noSidewaysScroll(page, viewport);
    await screenshot(page, 'admin-templat-versi-formulir-en', viewport);
    await first.getByLabel('Stage name').fill('Telaah Kepala Seksi (revisi)');
    await page.getByRole('button', { name: 'Save new version' }).click();
    await page.getByRole('status').filter({ hasText: 'Version 2 saved.' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('shows the organization as a tree, opened with the keyboard, and ends an acting appointment early', async () => {
    const { page, errors } = await signInAs('admin');
    await page.goto('/admin/organisasi');
    const tree = page.getByRole('region', { name: 'Struktur organisasi' });
    const dinas = tree.getByRole('button', { name: 'Dinas Uji Editor' });
    expect(await dinas.getAttribute('aria-expanded')).toBe('false');
    await dinas.focus();
    await page.keyboard.press('Enter');
    expect(await dinas.getAttribute('aria-expanded')).toBe('true');
    const panel = tree.locator(`#unit-${org.unit('dinas')}`);
    const vacantPost = panel.locator(`li[data-position-id="${org.post('kosong')}"]`);
    await vacantPost.waitFor();
    const acting = vacantPost.locator('.tree-acting');
    expect(await acting.innerText()).toMatch(/^Plt\. ditunjuk: Ade Plt Editor sampai 31 Des 2099/);
    expect(await acting.innerText()).toContain('WIB');
    expect(await panel.locator(`li[data-position-id="${org.post('kadis')}"]`).innerText()).toContain('Pejabat Definitif: Abi Kadis Editor');
    // The unit below opens inside.
    const seksi = panel.getByRole('button', { name: 'Seksi Uji Editor' });
    await seksi.click();
    await panel.locator(`li[data-position-id="${org.post('kasi')}"]`).getByText('Pejabat Definitif: Acep Kasi Editor').waitFor();
    await screenshot(page, 'admin-organisasi-pohon', 'desktop');

    await acting.getByRole('button', { name: 'Akhiri penunjukan Ade Plt Editor sebagai Plt.' }).click();
    const confirm = acting.getByRole('form', { name: 'Akhiri penunjukan Ade Plt Editor sebagai Plt.' });
    await confirm.getByRole('button', { name: 'Ya, akhiri sekarang' }).click();
    await confirm.getByText('Tuliskan alasan penunjukan diakhiri.').waitFor();
    await confirm.getByLabel('Alasan diakhiri').fill('Pejabat definitif sudah dilantik');
    await confirm.getByRole('button', { name: 'Ya, akhiri sekarang' }).click();
    await tree.getByRole('status').filter({ hasText: 'Penunjukan Ade Plt Editor sebagai Plt. diakhiri; 0 tugas terbuka berpindah.' }).waitFor();
    await eventually(async () => (await vacantPost.locator('.tree-acting').count()) === 0, 10_000, 'the Plt. gone from the tree');
    expect(await vacantPost.innerText()).toContain('Kosong');
    const post = (await (await org.as('admin')).get(`/api/positions/${org.post('kosong')}`).expect(200)).body as { activeAppointments: unknown[]; appointments: { endReason: string | null }[] };
    expect(post.activeAppointments).toEqual([]);
    expect(post.appointments[0].endReason).toBe('Pejabat definitif sudah dilantik');
    expect(errors).toEqual([]);
  });

  it('shows the organization tree at phone width without sideways scrolling', async () => {
    const { page, errors } = await signInAs('admin', 'phone');
    await page.goto('/admin/organisasi');
    const tree = page.getByRole('region', { name: 'Struktur organisasi' });
    await tree.getByRole('button', { name: 'Dinas Uji Editor' }).click();
    await tree.locator(`li[data-position-id="${org.post('kadis')}"]`).waitFor();
    await noSidewaysScroll(page, 'phone');
    await screenshot(page, 'admin-organisasi-pohon', 'phone');
    expect(errors).toEqual([]);
  });

  it.each<Viewport>(['desktop', 'phone'])('prints the record of a proposal at %s width: navigation hidden on paper, a PDF to download', async (viewport) => {
    const { page, errors } = await signInAs('proposer', viewport);
    await page.goto(`/usulan/${proposalId}/cetak`);
    await page.getByRole('heading', { level: 1, name: title() }).waitFor();
    const history = (await (await org.as('proposer')).get(`/api/proposals/${proposalId}/history`).expect(200)).body as unknown[];
    await page.getByTestId('record-verification').filter({ hasText: `Riwayat utuh, tidak diubah: seluruh ${history.length} catatan telah diperiksa.` }).waitFor();
    const rows = page.getByTestId('record-history').locator('tbody tr');
    expect(await rows.count()).toBe(history.length);
    const decided = rows.filter({ hasText: 'Layak, silakan dicetak.' });
    expect(await decided.innerText()).toContain('Acep Kasi Editor (Pejabat Definitif)');
    expect(await decided.locator('td[data-label="Waktu"]').innerText()).toMatch(/ WIB$/);
    expect(await page.locator('main').innerText()).not.toMatch(/hash/i);
    await noSidewaysScroll(page, viewport);
    await screenshot(page, 'usulan-cetak', viewport);

    // On paper: no header, menus or buttons; the record itself stays.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.app-header').isVisible()).toBe(false);
    expect(await page.getByRole('navigation').first().isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Cetak' }).isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: '‹ Kembali ke detail usulan' }).isVisible()).toBe(false);
    expect(await page.getByTestId('record-history').isVisible()).toBe(true);
    await screenshot(page, 'usulan-cetak-kertas', viewport);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.getByRole('button', { name: 'Cetak' }).isVisible()).toBe(true);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh PDF' }).click()]);
    expect(download.suggestedFilename()).toBe(`riwayat-usulan-${proposalId}.pdf`);
    const file = readFileSync((await download.path())!);
    expect(file.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(errors).toEqual([]);
  });

  it('reaches the record from the proposal page, and reads it in English', async () => {
    const { page, errors } = await signInAs('proposer');
    await page.goto(`/usulan/${proposalId}`);
    await page.getByRole('link', { name: 'Cetak / Unduh PDF' }).click();
    await page.waitForURL(`**/usulan/${proposalId}/cetak`);
    await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
    await page.getByTestId('record-verification').filter({ hasText: /^✓ Record verified intact: all \d+ entries were checked and none was changed\.$/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Full history' }).waitFor();
    await page.getByRole('button', { name: 'Download PDF' }).waitFor();
    expect(errors).toEqual([]);
  });
});

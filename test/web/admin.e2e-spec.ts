import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import type { StageDefinition } from '@libs/domain/chain';
import { AppStack, eventually, validProposal } from '../support/app-stack';
import { launchBrowser, openPage, screenshot, signIn, startWebStack, Viewport, VIEWPORTS } from '../support/browser';
import { buildOrg, Org } from '../support/org-fixture';
import { insertTemplate } from '../support/templates';

interface AdminTask {
  taskId: string;
  proposalTitle: string;
  status: string;
  overdueSeconds: number;
  assigneeName: string | null;
}

jest.setTimeout(120_000);

/**
 * The admin pages in the browser, on a private organization: overdue and vacant tasks, cycle-time
 * statistics, posts with their holders (and appointing a Plt.), chain templates and a new version.
 */
describe('web app: Admin', () => {
  let stack: AppStack;
  let baseUrl: string;
  let browser: Browser;
  let org: Org;
  const templates: Record<string, string> = {};
  const titles: Record<string, string> = {};
  const stages: Record<string, string> = {};

  const adminTasks = async (query: Record<string, string>) =>
    (await (await org.as('admin')).get(`/api/admin/tasks?${new URLSearchParams(query).toString()}`).expect(200)).body.items as AdminTask[];
  const submit = async (templateCode: string, title: string) =>
    (await (await org.as('proposer')).post('/api/proposals', validProposal({ title, templateCode })).expect(201)).body.id as string;
  const inbox = async (key: string) => (await (await org.as(key)).get('/api/tasks?pageSize=100').expect(200)).body.items as { id: string; proposalTitle: string }[];
  const openTaskOf = (key: string, title: string) =>
    eventually(async () => (await inbox(key)).find((t) => t.proposalTitle === title), 40_000, `the task of ${title} for ${key}`);

  beforeAll(async () => {
    ({ stack, baseUrl } = await startWebStack());
    browser = await launchBrowser();
    // Names early in the alphabet: Masuk lists the first 200 people by name.
    org = await buildOrg(stack, {
      units: [
        { key: 'dinas', name: 'Dinas Uji Admin', kind: 'dinas' },
        { key: 'seksi', name: 'Seksi Uji Admin', kind: 'seksi', parent: 'dinas' },
      ],
      posts: [
        { key: 'kadis', title: 'Kepala Dinas Uji Admin', unit: 'dinas', level: 'jpt-pratama', head: true, holder: 'kadis' },
        { key: 'kasi', title: 'Kepala Seksi Uji Admin', unit: 'seksi', level: 'pengawas', superior: 'kadis', head: true, holder: 'kasi' },
        { key: 'kosong', title: 'Kepala Subbagian Kosong Uji', unit: 'dinas', level: 'pengawas', superior: 'kadis' },
        { key: 'staf', title: 'Pengadministrasi Uji Admin', unit: 'seksi', level: 'pelaksana', superior: 'kasi', holder: 'proposer' },
      ],
      people: { kadis: 'Bahar Kadis', kasi: 'Abdi Kasi', proposer: 'Arum Pengusul', deputy: 'Asih Pengganti', admin: 'Aan Admin Uji' },
      admins: ['admin'],
    });
    const one = (name: string, post: string, extra: Partial<StageDefinition> = {}): StageDefinition[] => [
      { key: 'satu', name, approvers: [{ kind: 'position', positionId: org.post(post) }], mode: 'any', sla: 'P5D', ...extra },
    ];
    stages.overdue = `Tenggat Singkat ${org.suffix}`;
    stages.vacant = `Jabatan Kosong ${org.suffix}`;
    stages.stats = `Statistik Uji ${org.suffix}`;
    templates.overdue = await insertTemplate(stack.dataSource, one(stages.overdue, 'kasi', { sla: 'PT3S', onTimeout: { action: 'notify-admin' } }), 'adm');
    templates.vacant = await insertTemplate(stack.dataSource, one(stages.vacant, 'kosong'), 'adm');
    templates.stats = await insertTemplate(stack.dataSource, one(stages.stats, 'kasi', { reminders: ['P2D'], mayReturn: true }), 'adm');
    titles.overdue = `Terlambat diputuskan ${org.suffix}`;
    titles.vacant = `Menunggu jabatan kosong ${org.suffix}`;
    titles.stats = `Sudah diputuskan ${org.suffix}`;
    titles.second = `Tugas kedua untuk disposisi ${org.suffix}`;
    await submit(templates.overdue, titles.overdue);
    await submit(templates.vacant, titles.vacant);
    await submit(templates.stats, titles.stats);
    await submit(templates.stats, titles.second);
    const decided = await openTaskOf('kasi', titles.stats);
    await (await org.as('kasi')).post(`/api/tasks/${decided.id}/decision`, { decision: 'approve' }).expect(200);
    await openTaskOf('kasi', titles.second);
    // The 3-second SLA passes; notify-admin leaves the task open and overdue.
    await eventually(async () => (await adminTasks({ view: 'overdue', positionId: org.post('kasi') })).find((t) => t.proposalTitle === titles.overdue), 40_000, 'the overdue task');
    await eventually(async () => (await adminTasks({ view: 'vacant', positionId: org.post('kosong') })).length === 1, 40_000, 'the vacant task');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const row = (page: Page, text: string): Locator => page.locator('tbody tr').filter({ hasText: text });
  const tab = (page: Page, name: string): Locator => page.getByRole('navigation', { name: 'Jenis tugas' }).getByRole('link', { name, exact: true });
  async function signInAdmin(viewport: Viewport = 'desktop') {
    const opened = await openPage(browser, baseUrl, viewport);
    await signIn(opened.page, org.nip('admin'));
    return opened;
  }
  /** Filters the list by this organization's section and waits until the filtered list is the one shown. */
  async function filterByUnit(page: Page, unitName: string) {
    await page.getByLabel('Unit kerja pengusul').selectOption({ label: unitName });
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL((url) => url.searchParams.get('unitId') === org.unit('seksi'));
  }
  const expectRows = (page: Page, n: number) => eventually(async () => (await page.locator('tbody tr').count()) === n, 10_000, `${n} row(s) in the list`);

  it('shows the administrator an overdue task under Terlambat with why it waits and its age in working days', async () => {
    const { page, errors } = await signInAdmin();
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Admin' }).click();
    // Admin opens on the overview (Ringkasan); the task lists are one click further.
    await page.waitForURL((url) => url.pathname === '/admin');
    await expectHeading(page, 'Ringkasan Admin');
    await page.getByRole('navigation', { name: 'Menu admin' }).getByRole('link', { name: 'Tugas', exact: true }).click();
    await page.waitForURL('**/admin/tugas');
    await expectHeading(page, 'Pemantauan Tugas');
    expect(await tab(page, 'Terlambat').getAttribute('aria-current')).toBe('page');
    await filterByUnit(page, 'Seksi Uji Admin');
    await page.waitForURL(`**/admin/tugas?unitId=${org.unit('seksi')}`);
    const task = row(page, titles.overdue);
    await task.waitFor();
    // Only this unit's overdue work: the decided and the not-yet-due tasks are not listed.
    await expectRows(page, 1);
    expect(await task.locator('td[data-label="Tahap"]').innerText()).toBe(stages.overdue);
    expect(await task.locator('td[data-label="Jabatan"]').innerText()).toBe('Kepala Seksi Uji Admin');
    expect(await task.locator('td[data-label="Pemegang tugas"]').innerText()).toBe('Abdi Kasi (Pejabat Definitif)');
    expect(await task.locator('td[data-label="Unit kerja"]').innerText()).toBe('Seksi Uji Admin');
    // Ages and waits in working days, never in minutes and seconds.
    expect(await task.locator('td[data-label="Lama terbuka"]').innerText()).toBe('kurang dari 1 hari kerja');
    expect(lines(await task.locator('td[data-label="Alasan tertahan"]').innerText())).toEqual(['Lewat Jatuh Tempo', 'selama kurang dari 1 hari kerja']);
    expect(await task.locator('td[data-label="Jatuh Tempo"]').innerText()).toContain('Terlambat');
    expect(await task.getAttribute('class')).toContain('overdue');
    expect(errors).toEqual([]);
  });

  it('lists the task of a post nobody acts for under Jabatan Kosong', async () => {
    const { page, errors } = await signInAdmin();
    await page.goto('/admin/tugas');
    await tab(page, 'Jabatan Kosong').click();
    await page.waitForURL('**/admin/tugas?view=vacant');
    await filterByUnit(page, 'Seksi Uji Admin');
    const task = row(page, titles.vacant);
    await task.waitFor();
    await expectRows(page, 1);
    expect(await task.locator('td[data-label="Jabatan"]').innerText()).toBe('Kepala Subbagian Kosong Uji');
    expect(await task.locator('td[data-label="Pemegang tugas"]').innerText()).toBe('Kosong — tidak ada yang bertindak');
    expect(lines(await task.locator('td[data-label="Alasan tertahan"]').innerText())).toEqual(['Tidak ada pemegang jabatan', 'selama kurang dari 1 hari kerja']);
    expect(errors).toEqual([]);
  });

  it('charts the cycle time per stage with the median, the 90th percentile and the Batas Waktu, and units × stages as a heatmap', async () => {
    const { page, errors } = await signInAdmin();
    await page.goto('/admin/statistik');
    await expectHeading(page, 'Statistik Waktu Keputusan');
    await page.getByLabel('Unit kerja pengusul').selectOption({ label: 'Seksi Uji Admin' });
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    const chart = page.getByRole('figure', { name: /Nilai tengah waktu keputusan per tahap/ });
    await chart.waitFor();
    // The unfiltered chart (every unit's decisions) shows first; wait for this unit's.
    const bars = chart.locator('.chart-row');
    await eventually(async () => (await bars.count()) === 1, 10_000, 'the chart of this unit');
    expect(await bars.locator('.bar-label').innerText()).toBe(stages.stats);
    const words = await bars.locator('.bar-value').innerText();
    expect(words).toMatch(/^nilai tengah (kurang dari 1 detik|\d+ (detik|menit).*) · persentil ke-90 .+ · Batas Waktu 5 hari · 1 keputusan$/);
    // Median and p90 as bars, the Batas Waktu as a marker across them.
    expect(await bars.locator('rect.bar-median').count()).toBe(1);
    expect(await bars.locator('rect.bar-p90').count()).toBe(1);
    expect(await bars.locator('line.sla-marker').count()).toBe(1);
    expect(await chart.locator('figcaption').innerText()).toContain('Batas Waktu (garis putus-putus)');
    const stageRow = page.getByTestId('stats-stage-table').locator('tbody tr');
    await eventually(async () => (await stageRow.count()) === 1, 10_000, 'one stage row');
    expect(await stageRow.locator('td[data-label="Tahap"]').innerText()).toBe(stages.stats);
    expect(await stageRow.locator('td[data-label="Jumlah keputusan"]').innerText()).toBe('1');
    expect(await stageRow.locator('td[data-label="Batas Waktu"]').innerText()).toBe('5 hari');
    const median = await stageRow.locator('td[data-label="Nilai tengah"]').innerText();
    expect(words).toContain(`nilai tengah ${median}`);
    // The heatmap: a table of units by stages, each cell with its value in words and a shade named in the legend.
    const heatmap = page.getByTestId('stats-heatmap');
    expect(await heatmap.locator('tbody th').innerText()).toBe('Seksi Uji Admin');
    const cell = heatmap.locator(`td[data-label="${stages.stats}"]`);
    expect(lines(await cell.innerText())).toEqual([median, '1 keputusan']);
    expect(await cell.getAttribute('class')).toMatch(/heat heat-[0-4]/);
    expect(await page.getByRole('list', { name: 'Arti warna' }).locator('li').count()).toBe(6);
    const unitRow = page.getByTestId('stats-unit-table').locator('tbody tr');
    expect(await unitRow.locator('td[data-label="Unit kerja"]').innerText()).toBe('Seksi Uji Admin');

    // A range before anything was decided: nothing to chart.
    await page.getByLabel('Diputuskan sejak').fill('2020-01-01');
    await page.getByLabel('Sampai dengan').fill('2020-01-31');
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page.getByText('Belum ada keputusan pada rentang ini.').waitFor();
    expect(errors).toEqual([]);
  });

  it('lists posts with their holders; a post shows its history, and an administrator appoints a Plt. to the vacant one', async () => {
    const { page, errors } = await signInAdmin();
    await page.goto('/admin/organisasi');
    await expectHeading(page, 'Organisasi');
    await page.getByLabel('Cari kode atau nama jabatan').fill(org.suffix);
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.getByText('4 jabatan', { exact: true }).waitFor();
    const kasi = row(page, 'Kepala Seksi Uji Admin');
    expect(await kasi.locator('td[data-label="Pejabat Definitif"]').innerText()).toBe('Abdi Kasi');
    expect(await kasi.locator('td[data-label="Bertindak sekarang"]').innerText()).toBe('Abdi Kasi (Pejabat Definitif)');
    expect(await kasi.locator('td[data-label="Unit kerja"]').innerText()).toBe('Seksi Uji Admin');
    const vacant = row(page, 'Kepala Subbagian Kosong Uji');
    expect(await vacant.locator('td[data-label="Bertindak sekarang"]').innerText()).toBe('Kosong');

    await vacant.getByRole('link', { name: 'Kepala Subbagian Kosong Uji' }).click();
    await expectHeading(page, 'Kepala Subbagian Kosong Uji');
    await page.getByText('Jabatan ini belum pernah diisi.').waitFor();
    const form = page.getByRole('form', { name: 'Tunjuk Plt./Plh.' });
    // A Plh. without an end is refused before anything is sent.
    await form.getByLabel('Ditunjuk sebagai').selectOption('plh');
    await form.getByRole('button', { name: 'Tunjuk' }).click();
    await form.getByText('Pilih pegawai yang ditunjuk.').waitFor();
    await form.getByText('Plh. harus punya tanggal berakhir.').waitFor();
    // The post is vacant: the API refuses a Plh. (nobody to stand in for) and the page says why.
    await form.getByLabel('Pegawai yang ditunjuk').fill(org.nip('deputy'));
    await form.getByRole('radio', { name: /Asih Pengganti/ }).check();
    await form.getByLabel('Berakhir (wajib untuk Plh.)').fill('2099-12-31T12:00');
    await form.getByRole('button', { name: 'Tunjuk' }).click();
    await form.getByRole('alert').filter({ hasText: 'Jabatan ini kosong; Plh. hanya menggantikan pejabat yang berhalangan sementara. Tunjuk Plt.' }).waitFor();

    await form.getByLabel('Ditunjuk sebagai').selectOption('plt');
    await form.getByLabel('Berakhir (tidak wajib)').fill('');
    await form.getByLabel('Dasar (nomor SK atau surat perintah)').fill('SK Plt. Nomor 7');
    await form.getByRole('button', { name: 'Tunjuk' }).click();
    await page.getByRole('status').filter({ hasText: 'Asih Pengganti ditunjuk sebagai Plt.; 1 tugas terbuka berpindah kepadanya.' }).waitFor();
    const history = page.getByTestId('appointment-history').locator('tbody tr');
    await history.first().waitFor();
    expect(await history.count()).toBe(1);
    expect(await history.locator('td[data-label="Pegawai"]').innerText()).toContain('Asih Pengganti');
    expect(await history.locator('td[data-label="Sebagai"]').innerText()).toBe('Plt.');
    expect(await history.locator('td[data-label="Dasar (SK)"]').innerText()).toBe('SK Plt. Nomor 7');
    await page.getByTestId('acting-now').filter({ hasText: 'Asih Pengganti (Plt.)' }).waitFor();
    // The task that waited for nobody now waits for the Plt.
    await openTaskOf('deputy', titles.vacant);
    expect(errors).toEqual([]);
  });

  it('shows a template\'s stages in words; a new version with an error names each field, a valid one is saved', async () => {
    const { page, errors } = await signInAdmin();
    await page.goto('/admin/templat');
    await expectHeading(page, 'Templat Rantai Persetujuan');
    await page.locator(`tr[data-template-code="${templates.stats}"]`).getByRole('link').click();
    await expectHeading(page, `Rantai uji ${templates.stats}`);
    const stage = page.locator('.stage-list > li').first();
    await stage.getByRole('heading', { level: 3, name: `Tahap 1: ${stages.stats}` }).waitFor();
    // Post titles are looked up after the template arrives: wait for the title, not the id.
    await stage.getByText('Jabatan: Kepala Seksi Uji Admin', { exact: true }).waitFor();
    const facts = await stage.locator('dl').innerText();
    expect(facts).toContain('Cukup satu pejabat');
    expect(facts).toMatch(/Batas Waktu\s+5 hari/);
    expect(facts).toMatch(/Pengingat\s+setelah 2 hari/);
    expect(facts).toMatch(/Bila lewat Batas Waktu\s+Eskalasi ke atasan jabatan; paling banyak 2 kali Eskalasi/);
    expect(facts).toMatch(/Boleh dikembalikan untuk perbaikan\s+Ya/);
    expect(facts).toMatch(/Hanya Pejabat Definitif\s+Tidak/);

    // The new version opens in the form; its JSON is a click away (test/web/admin-editors.e2e-spec.ts drives the form).
    await page.getByRole('button', { name: 'Teks JSON' }).click();
    const editor = page.getByLabel('Isi versi baru dalam JSON (diambil dari versi 1)');
    const body = JSON.parse(await editor.inputValue()) as { name: string; categories: string[]; stages: Record<string, unknown>[] };
    expect(body).toEqual({ name: `Rantai uji ${templates.stats}`, categories: [], stages: [expect.objectContaining({ name: stages.stats, mode: 'any' })] });

    await editor.fill('{ "stages": [');
    await page.getByRole('button', { name: 'Simpan Versi Baru' }).click();
    await page.getByRole('alert').filter({ hasText: 'Isian ini bukan JSON yang sah' }).waitFor();

    const broken = { ...body, stages: [{ ...body.stages[0], mode: 'kadang-kadang', sla: 'besok' }] };
    await editor.fill(JSON.stringify(broken, null, 2));
    await page.getByRole('button', { name: 'Simpan Versi Baru' }).click();
    const problems = page.getByRole('list', { name: 'Isian yang bermasalah' });
    await problems.waitFor();
    await page.getByRole('alert').filter({ hasText: 'Rantai tahapan belum benar. Perbaiki isian yang disebut di bawah.' }).waitFor();
    const fields = await problems.locator('li code').allInnerTexts();
    expect(fields.sort()).toEqual(['stages[0].mode', 'stages[0].sla']);
    expect(await editor.getAttribute('aria-invalid')).toBe('true');
    expect((await (await org.as('admin')).get(`/api/templates/${templates.stats}`).expect(200)).body.versions).toEqual([1]);
    await screenshot(page, 'admin-templat-galat', 'desktop');

    await editor.fill(JSON.stringify({ ...body, name: `Rantai uji ${templates.stats} revisi` }, null, 2));
    await page.getByRole('button', { name: 'Simpan Versi Baru' }).click();
    await page.getByRole('status').filter({ hasText: 'Versi 2 tersimpan.' }).waitFor();
    await expectHeading(page, `Rantai uji ${templates.stats} revisi`);
    expect(await page.getByTestId('template-version').innerText()).toBe('versi 2 (terbaru: versi 2)');
    await page.getByRole('button', { name: 'Teks JSON' }).click();
    await page.getByLabel('Isi versi baru dalam JSON (diambil dari versi 2)').waitFor();
    // The first version is still there, unchanged.
    await page.getByRole('link', { name: 'Versi 1' }).click();
    await expectHeading(page, `Rantai uji ${templates.stats}`);
    expect(errors).toEqual([]);
  });

  it('keeps the admin pages from anyone who is not an administrator, and says so', async () => {
    const { page, errors } = await openPage(browser, baseUrl);
    await signIn(page, org.nip('kasi'));
    const nav = await page.getByRole('navigation', { name: 'Menu utama' }).innerText();
    expect(nav).not.toContain('Admin');
    for (const path of ['/admin', '/admin/tugas', '/admin/templat']) {
      await page.goto(path);
      await expectHeading(page, 'Khusus Admin');
      expect(await page.getByRole('alert').innerText()).toContain('Halaman ini hanya untuk admin instansi.');
      expect(await page.locator('table').count()).toBe(0);
    }
    expect(errors).toEqual([]);
  });

  describe('every page in both languages and at both widths', () => {
    const pages = () => [
      ['admin-ringkasan', `/admin?unitId=${org.unit('seksi')}`, 'Ringkasan Admin', 'Administration overview'],
      ['admin-tugas', `/admin/tugas?unitId=${org.unit('seksi')}&view=open`, 'Pemantauan Tugas', 'Task monitoring'],
      ['admin-statistik', '/admin/statistik', 'Statistik Waktu Keputusan', 'Decision time statistics'],
      ['admin-organisasi', `/admin/organisasi?q=${org.suffix}`, 'Organisasi', 'Organization'],
      ['admin-jabatan', `/admin/organisasi/jabatan/${org.post('kasi')}`, 'Kepala Seksi Uji Admin', 'Kepala Seksi Uji Admin'],
      ['admin-templat', '/admin/templat', 'Templat Rantai Persetujuan', 'Approval chain templates'],
      ['admin-templat-rinci', `/admin/templat/${templates.vacant}`, `Rantai uji ${templates.vacant}`, `Rantai uji ${templates.vacant}`],
    ] as const;

    it.each<Viewport>(['desktop', 'phone'])('shows every admin page without sideways scrolling at %s width', async (viewport) => {
      const { page, errors } = await signInAdmin(viewport);
      for (const [name, path, heading] of pages()) {
        await page.goto(path);
        await expectHeading(page, heading);
        await settled(page);
        const width = await page.evaluate<number>('document.documentElement.scrollWidth');
        expect({ name, width }).toEqual({ name, width: expect.any(Number) });
        expect(width).toBeLessThanOrEqual(VIEWPORTS[viewport].width);
        await screenshot(page, name, viewport);
      }
      expect(errors).toEqual([]);
    });

    /** What the pages show as data (names of units, posts, people, templates, stages, categories; codes; titles), as stored now. */
    async function dataNow(): Promise<Set<string>> {
      const admin = await org.as('admin');
      // Other suites share the database (the schema fuzz stores names with tabs, newlines and runs of
      // spaces): each line of a stored value counts, compared as the browser renders it.
      const data = new Set<string>();
      const add = (value: string | null | undefined) => lines(value ?? '').forEach((l) => data.add(rendered(l)));
      [...Object.values(titles), ...Object.values(stages), 'Abdi Kasi', 'Asih Pengganti', 'Bahar Kadis', 'Arum Pengusul', 'SK Plt. Nomor 7'].forEach(add);
      for (const u of (await admin.get('/api/units').expect(200)).body.items) add(u.name);
      for (const p of (await admin.get(`/api/positions?q=${org.suffix}&pageSize=100`).expect(200)).body.items) [p.title, p.code, p.unitName].forEach(add);
      for (const tpl of (await admin.get('/api/templates').expect(200)).body.items) {
        [tpl.name, tpl.code, tpl.categories.join(', '), tpl.stages.map((s: { name: string }) => s.name).join(' → ')].forEach(add);
      }
      // The stage filter offers every stage name of every template version.
      for (const name of (await admin.get('/api/admin/stage-names').expect(200)).body.items) add(name);
      const cycles = (await admin.get('/api/admin/cycle-times').expect(200)).body;
      for (const r of cycles.items) [r.unitName, r.stageName, `${r.unitName} — ${r.stageName}`].forEach(add);
      return data;
    }

    it.each(['admin-ringkasan', 'admin-tugas', 'admin-statistik', 'admin-organisasi', 'admin-jabatan', 'admin-templat', 'admin-templat-rinci'])('translates every line of %s, except data', async (name) => {
      const [, path, indonesian, english] = pages().find(([n]) => n === name)!;
      const { page, errors } = await signInAdmin();
      await page.goto(path);
      await expectHeading(page, indonesian);
      await settled(page);
      const before = lines(await page.locator('main').innerText());
      await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
      await page.getByRole('navigation', { name: 'Administration menu' }).waitFor();
      await expectHeading(page, english);
      const after = lines(await page.locator('main').innerText());
      const data = await dataNow();
      // Lines that are only data, numbers, dates or a dash for "none" may stay the same.
      const untranslated = after.filter((line) => before.includes(line) && !data.has(rendered(line)) && !/^[\d—–-]/.test(line));
      expect(untranslated).toEqual([]);
      expect(after.length).toBeGreaterThan(5);
      expect(errors).toEqual([]);
    });
  });

  /** Disposisi (POST /api/admin/tasks/reassign) from the tasks page: selected rows, a person, a reason. */
  describe('Disposisi: bulk reassignment', () => {
    it('moves the chosen tasks to another person with a reason and shows the outcome of each', async () => {
      const decidedMeanwhile = await openTaskOf('kasi', titles.second);
      const { page, errors } = await signInAdmin();
      await page.goto(`/admin/tugas?view=open&unitId=${org.unit('seksi')}`);
      await row(page, titles.overdue).waitFor();
      await row(page, titles.overdue).getByRole('checkbox').check();
      await row(page, titles.second).getByRole('checkbox').check();
      await page.getByRole('button', { name: 'Alihkan 2 tugas' }).click();
      const form = page.getByRole('form', { name: 'Pengalihan 2 tugas' });
      await form.getByRole('button', { name: 'Alihkan', exact: true }).click();
      await form.getByText('Pilih pegawai penerima tugas.').waitFor();
      await form.getByText('Tuliskan alasan pengalihan.').waitFor();
      await form.getByLabel('Alihkan kepada').fill(org.nip('deputy'));
      await form.getByRole('radio', { name: /Asih Pengganti/ }).check();
      await form.getByLabel('Alasan pengalihan').fill('Kepala seksi sedang tugas belajar');
      // One of the two is decided in the meantime: it is skipped, the other moves.
      await (await org.as('kasi')).post(`/api/tasks/${decidedMeanwhile.id}/decision`, { decision: 'approve' }).expect(200);
      await form.getByRole('button', { name: 'Alihkan', exact: true }).click();
      const results = page.getByRole('region', { name: 'Hasil pengalihan tugas' });
      await results.waitFor();
      await results.getByRole('status').filter({ hasText: '1 tugas dialihkan, 1 dilewati.' }).waitFor();
      expect(await results.locator('tbody tr').filter({ hasText: titles.overdue }).innerText()).toContain('Dialihkan');
      expect(await results.locator('tbody tr').filter({ hasText: titles.second }).innerText()).toContain('Dilewati');
      await openTaskOf('deputy', titles.overdue);
      expect(errors).toEqual([]);
    });
  });

  /**
   * The administrator's glance: Ringkasan (/admin) with the counts of one unit, what needs action and
   * why (in working days), the weekly trend; the task list filtered with pickers; both lists as CSV;
   * and no sideways scrolling on a phone. A second private organization, so its counts are exact.
   */
  describe('Ringkasan: counts, reasons, pickers and CSV', () => {
    let glance: Org;
    const names: Record<string, string> = {};

    beforeAll(async () => {
      glance = await buildOrg(stack, {
        units: [
          { key: 'dinas', name: 'Dinas Ringkasan Uji', kind: 'dinas' },
          { key: 'seksi', name: 'Seksi Ringkasan Uji', kind: 'seksi', parent: 'dinas' },
        ],
        posts: [
          { key: 'kadis', title: 'Kepala Dinas Ringkasan Uji', unit: 'dinas', level: 'jpt-pratama', head: true, holder: 'kadis' },
          { key: 'kasi', title: 'Kepala Seksi Ringkasan Uji', unit: 'seksi', level: 'pengawas', superior: 'kadis', head: true, holder: 'kasi' },
          { key: 'kosong', title: 'Analis Kosong Ringkasan', unit: 'seksi', level: 'fungsional', superior: 'kasi' },
          { key: 'staf', title: 'Pengadministrasi Ringkasan Uji', unit: 'seksi', level: 'pelaksana', superior: 'kasi', holder: 'proposer' },
        ],
        people: { kadis: 'Aab Kadis Ringkasan', kasi: 'Aab Kasi Ringkasan', proposer: 'Aab Pengusul Ringkasan', admin: 'Aab Admin Ringkasan' },
        admins: ['admin'],
      });
      const at = (post: string, name: string, extra: Partial<StageDefinition> = {}): StageDefinition[] => [
        { key: 'satu', name, approvers: [{ kind: 'position', positionId: glance.post(post) }], mode: 'any', sla: 'P5D', ...extra },
      ];
      names.vacantStage = `Kosong Ringkasan ${glance.suffix}`;
      names.overdueStage = `Terlambat Ringkasan ${glance.suffix}`;
      names.onTimeStage = `Tepat Waktu Ringkasan ${glance.suffix}`;
      names.vacant = `Menunggu pemegang jabatan ${glance.suffix}`;
      names.overdue = `Lewat Jatuh Tempo ringkasan ${glance.suffix}`;
      names.onTime = `Masih sesuai jadwal ${glance.suffix}`;
      const chains: [string, StageDefinition[]][] = [
        [names.vacant, at('kosong', names.vacantStage)],
        [names.overdue, at('kasi', names.overdueStage, { sla: 'PT2S', onTimeout: { action: 'notify-admin' } })],
        [names.onTime, at('kasi', names.onTimeStage)],
      ];
      for (const [title, chain] of chains) {
        const templateCode = await insertTemplate(stack.dataSource, chain, 'ringkasan');
        await (await glance.as('proposer')).post('/api/proposals', validProposal({ title, templateCode })).expect(201);
      }
      const mine = async (view: string) =>
        (await (await glance.as('admin')).get(`/api/admin/tasks?view=${view}&unitId=${glance.unit('seksi')}`).expect(200)).body.total as number;
      await eventually(async () => (await mine('open')) === 3, 40_000, 'the three open tasks');
      await eventually(async () => (await mine('overdue')) === 1, 40_000, 'the overdue task');
    }, 120_000);

    async function signInGlance(viewport: Viewport = 'desktop') {
      const opened = await openPage(browser, baseUrl, viewport);
      await signIn(opened.page, glance.nip('admin'));
      return opened;
    }
    const count = (page: Page, kind: string) => page.getByTestId('dashboard-counts').locator(`li[data-count="${kind}"] .count-value`).innerText();
    /** Waits for a download the click starts and gives its name and its rows. */
    async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; rows: string[][] }> {
      const [download] = await Promise.all([page.waitForEvent('download') as Promise<Download>, click()]);
      const text = readFileSync((await download.path())!, 'utf8');
      return { name: download.suggestedFilename(), rows: parse(text, { bom: true }) as string[][] };
    }
    /** No sideways scrolling: the page is no wider than the window. */
    const noOverflow = (page: Page) => page.evaluate<boolean>('document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth');

    it('shows an administrator the counts of a unit, what needs action and why in working days, and the trend', async () => {
      const { page, errors } = await signInGlance();
      await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Admin' }).click();
      await page.waitForURL((url) => url.pathname === '/admin');
      await expectHeading(page, 'Ringkasan Admin');
      expect(await page.getByRole('navigation', { name: 'Menu admin' }).getByRole('link', { name: 'Ringkasan' }).getAttribute('aria-current')).toBe('page');
      await page.getByLabel('Unit kerja pengusul').selectOption({ label: 'Seksi Ringkasan Uji' });
      await page.waitForURL((url) => url.searchParams.get('unitId') === glance.unit('seksi'));
      await eventually(async () => (await count(page, 'open')) === '3', 10_000, "the unit's counts");
      const counts = Object.fromEntries(await Promise.all(['overdue', 'escalated', 'vacant', 'stuck', 'open', 'blocked'].map(async (k) => [k, await count(page, k)])));
      expect(counts).toEqual({ overdue: '1', escalated: '0', vacant: '1', stuck: '0', open: '3', blocked: '0' });
      expect(await page.getByTestId('dashboard-counts').locator('li[data-count="vacant"]').innerText()).toMatch(/^1\s+Jabatan Kosong$/);

      // What needs action: the vacant post's task and the late one, each saying why and for how long.
      const attention = page.getByTestId('attention-table').locator('tbody tr');
      await eventually(async () => (await attention.count()) === 2, 10_000, 'two tasks needing action');
      const vacant = attention.filter({ hasText: names.vacant });
      expect(lines(await vacant.locator('td[data-label="Alasan tertahan"]').innerText())).toEqual(['Tidak ada pemegang jabatan', 'selama kurang dari 1 hari kerja']);
      const late = attention.filter({ hasText: names.overdue });
      expect(lines(await late.locator('td[data-label="Alasan tertahan"]').innerText())).toEqual(['Lewat Jatuh Tempo', 'selama kurang dari 1 hari kerja']);
      expect(await attention.filter({ hasText: names.onTime }).count()).toBe(0);
      await page.getByText('Tidak ada tahapan yang tertahan.').waitFor();

      // The trend of eight weeks: this week's (or, at a Monday midnight, last week's) three tasks opened, one late.
      const weeks = page.getByTestId('trends-table').locator('tbody tr');
      expect(await weeks.count()).toBe(8);
      const opened = await weeks.locator('td[data-label="Tugas masuk"]').allInnerTexts();
      expect(opened.slice(-2).reduce((n, v) => n + Number(v), 0)).toBe(3);
      expect(await weeks.last().locator('td[data-label="Terlambat di akhir minggu"]').innerText()).toBe('1');
      await page.getByRole('figure', { name: /Tugas masuk dan diputuskan per minggu/ }).waitFor();

      // The summary as CSV, with the unit's rows.
      const csv = await downloaded(page, () => page.getByRole('button', { name: 'Unduh ringkasan (CSV)' }).click());
      expect(csv.name).toMatch(/^ringkasan-tugas-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(csv.rows[0]).toEqual(['unitId', 'unitName', 'stageName', 'open', 'overdue', 'escalated', 'stuck', 'vacant', 'oldestAgeSeconds']);
      expect(csv.rows.slice(1).map((r) => r[2]).sort()).toEqual([names.vacantStage, names.overdueStage, names.onTimeStage].sort());
      await screenshot(page, 'admin-ringkasan-unit', 'desktop');

      // The link of a count opens its list with the same unit.
      await page.getByTestId('dashboard-counts').getByRole('link', { name: /Jabatan Kosong/ }).click();
      await page.waitForURL((url) => url.pathname === '/admin/tugas' && url.searchParams.get('view') === 'vacant');
      await row(page, names.vacant).waitFor();
      await expectRows(page, 1);
      expect(errors).toEqual([]);
    });

    it('filters the task list with the unit, stage and post pickers, and downloads what it shows', async () => {
      const { page, errors } = await signInGlance();
      await page.goto('/admin/tugas?view=open');
      await page.getByLabel('Unit kerja pengusul').selectOption({ label: 'Seksi Ringkasan Uji' });
      await page.getByLabel('Nama tahap').selectOption({ label: names.overdueStage });
      await page.getByRole('button', { name: 'Terapkan' }).click();
      await page.waitForURL((url) => url.searchParams.get('stage') === names.overdueStage && url.searchParams.get('unitId') === glance.unit('seksi'));
      await row(page, names.overdue).waitFor();
      await expectRows(page, 1);

      await page.getByRole('button', { name: 'Hapus saringan' }).click();
      await page.waitForURL((url) => !url.searchParams.has('stage'));
      // The post: typed in part, picked from the matches.
      await page.getByLabel('Jabatan', { exact: true }).fill(`Kosong Ringkasan`);
      const results = page.getByLabel('Pilih jabatan dari hasil pencarian');
      await results.waitFor();
      await results.selectOption({ label: 'Analis Kosong Ringkasan — Seksi Ringkasan Uji' });
      await page.getByText('Analis Kosong Ringkasan — Seksi Ringkasan Uji', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Terapkan' }).click();
      await page.waitForURL((url) => url.searchParams.get('positionId') === glance.post('kosong'));
      const task = row(page, names.vacant);
      await task.waitFor();
      await expectRows(page, 1);
      expect(lines(await task.locator('td[data-label="Alasan tertahan"]').innerText())).toEqual(['Tidak ada pemegang jabatan', 'selama kurang dari 1 hari kerja']);
      expect(await task.locator('td[data-label="Lama terbuka"]').innerText()).toBe('kurang dari 1 hari kerja');

      // The CSV holds what the list shows, with the same filters.
      const csv = await downloaded(page, () => page.getByRole('button', { name: 'Unduh CSV' }).click());
      expect(csv.name).toMatch(/^tugas-open-\d{4}-\d{2}-\d{2}\.csv$/);
      const [header, ...body] = csv.rows;
      expect(body).toHaveLength(1);
      expect(body[0][header.indexOf('proposalTitle')]).toBe(names.vacant);
      expect(body[0][header.indexOf('stuckReason')]).toBe('no-holder');
      await screenshot(page, 'admin-tugas-saring', 'desktop');
      expect(errors).toEqual([]);
    });

    it('says the same in English', async () => {
      const { page, errors } = await signInGlance();
      await page.goto(`/admin?unitId=${glance.unit('seksi')}`);
      await expectHeading(page, 'Ringkasan Admin');
      await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
      await expectHeading(page, 'Administration overview');
      expect(await page.getByTestId('dashboard-counts').locator('li[data-count="overdue"]').innerText()).toMatch(/^1\s+Overdue$/);
      const vacant = page.getByTestId('attention-table').locator('tbody tr').filter({ hasText: names.vacant });
      expect(lines(await vacant.locator('td[data-label="Why it waits"]').innerText())).toEqual(['Nobody holds the post', 'for less than 1 working day']);
      await page.getByRole('button', { name: 'Download the summary (CSV)' }).waitFor();
      await page.goto(`/admin/tugas?view=attention&unitId=${glance.unit('seksi')}`);
      await expectHeading(page, 'Task monitoring');
      const needsAction = page.getByRole('navigation', { name: 'Kinds of task' }).getByRole('link', { name: 'Needs action', exact: true });
      expect(await needsAction.getAttribute('aria-current')).toBe('page');
      expect(await row(page, names.overdue).locator('td[data-label="Open for"]').innerText()).toBe('less than 1 working day');
      await screenshot(page, 'admin-tugas-perlu-tindakan-en', 'desktop');
      expect(errors).toEqual([]);
    });

    it('fits a phone: the overview, the task list and the charts scroll only downwards', async () => {
      const { page, errors } = await signInGlance('phone');
      for (const [name, path, heading] of [
        ['admin-ringkasan', `/admin?unitId=${glance.unit('seksi')}`, 'Ringkasan Admin'],
        ['admin-tugas', `/admin/tugas?view=open&unitId=${glance.unit('seksi')}`, 'Pemantauan Tugas'],
        ['admin-statistik', '/admin/statistik', 'Statistik Waktu Keputusan'],
      ] as const) {
        await page.goto(path);
        await expectHeading(page, heading);
        await settled(page);
        expect({ name, fits: await noOverflow(page) }).toEqual({ name, fits: true });
        await screenshot(page, `${name}-glance`, 'phone');
      }
      expect(errors).toEqual([]);
    });
  });
});

const lines = (text: string) => text.split(/[\n\t]/).map((l) => l.trim()).filter(Boolean);
/** A line as innerText gives it: runs of white space are one space. */
const rendered = (line: string) => line.replace(/\s+/g, ' ').trim();

async function expectHeading(page: Page, name: string) {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

/** The page has its data: no loading line, and tables or the empty message are there. */
async function settled(page: Page) {
  await page.locator('.loading').first().waitFor({ state: 'detached' });
  await page.locator('main table, main .empty, main .stage-list').first().waitFor();
}

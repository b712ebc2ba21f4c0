import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { API_TYPES_FILE, renderApiTypes } from '../../scripts/api-types';
import { AppStack, eventually, validProposal } from '../support/app-stack';
import type { Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot, signIn, startWebStack, Viewport } from '../support/browser';

const RINA = '199503122020122001';
const SITI = '198804102010012003';
const YOGA_ADMIN = '199001012015011016';

/** The web app is served by the API at /, starts on Masuk, signs a seeded person in, and switches language. */
describe('web app: Masuk', () => {
  let stack: AppStack;
  let baseUrl: string;
  let browser: Browser;
  beforeAll(async () => {
    ({ stack, baseUrl } = await startWebStack());
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it("has the API types of the document the API serves (else: npm run api-types)", async () => {
    const document = (await (await fetch(`${baseUrl}/api/docs-json`)).json()) as object;
    const generated = renderApiTypes(document).split('\n');
    const checkedIn = readFileSync(API_TYPES_FILE, 'utf8').split('\n');
    // The first line that differs, rather than a diff of thousands of lines.
    const lines = Math.max(generated.length, checkedIn.length);
    const at = Array.from({ length: lines }, (_, i) => i).find((i) => generated[i] !== checkedIn[i]);
    const drift = at === undefined ? null : { line: at + 1, generated: generated[at] ?? '(end)', checkedIn: checkedIn[at] ?? '(end)' };
    expect(drift).toBeNull();
  });

  it.each<Viewport>(['desktop', 'phone'])('signs in a seeded person in Bahasa Indonesia by default, at %s width', async (viewport) => {
    const { page, errors } = await openPage(browser, baseUrl, viewport);
    await page.goto('/');
    await page.waitForURL('**/masuk');
    await expectHeading(page, 'Masuk');
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    await screenshot(page, 'masuk', viewport);
    await signIn(page, '199503122020122001');
    expect(await page.getByTestId('signed-in-as').textContent()).toBe('Rina Wulandari');
    expect(errors).toEqual([]);
  });

  it('switches every string of the page to English and back, and keeps the choice', async () => {
    const { page, errors } = await openPage(browser, baseUrl);
    await page.goto('/masuk');
    await expectHeading(page, 'Masuk');
    const indonesian = await page.locator('body').innerText();
    await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
    await expectHeading(page, 'Sign in');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const english = await page.locator('body').innerText();
    // Every line of the page reads differently, except names and NIPs (data, not interface text).
    const untranslated = lines(english).filter((line) => lines(indonesian).includes(line) && !/^\d|Estafet/.test(line));
    expect(untranslated).toEqual([]);
    await page.reload();
    await expectHeading(page, 'Sign in');
    await page.getByRole('button', { name: 'Switch language to Bahasa Indonesia' }).click();
    await expectHeading(page, 'Masuk');
    expect(errors).toEqual([]);
  });

  it('works with the keyboard alone, and every field has a label', async () => {
    const { page, errors } = await openPage(browser, baseUrl);
    await page.goto('/masuk');
    await expectHeading(page, 'Masuk');
    // The form appears once the server has said that it offers dev-login.
    await page.locator('#person-search').waitFor();
    const unlabelled = await page.evaluate(
      `[...document.querySelectorAll('input, select, textarea')].filter((f) => !f.labels?.length && !f.getAttribute('aria-label')).map((f) => f.outerHTML)`,
    );
    expect(unlabelled).toEqual([]);
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Langsung ke isi');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement?.id')).toBe('main');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.id')).toBe('person-search');
    await page.keyboard.type('198804102010012003');
    await eventually(async () => (await page.locator('#person').inputValue()) === '198804102010012003', 10_000, 'the picker to offer Siti');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.id')).toBe('person');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('signed-in-as').textContent()).toBe('Siti Rahmawati');
    expect(errors).toEqual([]);
  });

  it('lands each person on their own work: a proposer on Usulan Saya, an approver with tasks on Tugas Saya, an administrator on the dashboard', async () => {
    // Siti has at least this task waiting.
    const title = `Tugas untuk pendaratan ${Date.now().toString(36)}`;
    await (await stack.as('Rina Wulandari')).post('/api/proposals', validProposal({ title, templateCode: 'umum' })).expect(201);
    const siti = await stack.as('Siti Rahmawati');
    await eventually(async () => (await siti.get(`/api/tasks?q=${encodeURIComponent(title)}`).expect(200)).body.total === 1, 40_000, "Siti's task");
    for (const [nip, path, heading] of [
      [RINA, '/usulan', 'Usulan Saya'],
      [SITI, '/tugas', 'Tugas Saya'],
    ] as const) {
      const { page, errors } = await openPage(browser, baseUrl);
      await signIn(page, nip);
      await page.waitForURL(`**${path}`);
      await expectHeading(page, heading);
      expect(errors).toEqual([]);
    }
    const { page, errors } = await openPage(browser, baseUrl);
    await signIn(page, YOGA_ADMIN);
    await page.waitForURL('**/admin');
    expect(await page.getByTestId('not-found').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('shows the number of open tasks in the menu, in words for screen readers', async () => {
    const { page, errors } = await openPage(browser, baseUrl);
    await signIn(page, SITI);
    const total = (await (await stack.as('Siti Rahmawati')).get('/api/tasks?pageSize=1').expect(200)).body.total as number;
    expect(total).toBeGreaterThan(0);
    const nav = page.getByRole('navigation', { name: 'Menu utama' });
    await nav.getByRole('link', { name: /^Tugas Saya \(\d+ tugas terbuka\)$/ }).waitFor();
    expect(Number(await nav.getByTestId('open-task-count').innerText())).toBeGreaterThanOrEqual(1);
    // Rina holds no task: no count.
    const rina = await openPage(browser, baseUrl);
    await signIn(rina.page, RINA);
    await rina.page.waitForURL('**/usulan');
    expect(await rina.page.getByTestId('open-task-count').count()).toBe(0);
    expect([...errors, ...rina.errors]).toEqual([]);
  });

  it('keeps a deep link through Masuk and returns to it; after signing out, the next person starts on their own work', async () => {
    const { page, errors } = await openPage(browser, baseUrl);
    await page.goto('/tugas?status=done');
    await page.waitForURL('**/masuk');
    await expectHeading(page, 'Masuk');
    await pickPerson(page, SITI);
    await page.waitForURL('**/tugas?status=done');
    await page.getByRole('link', { name: 'Sudah Saya Putuskan' }).and(page.locator('[aria-current=page]')).waitFor();
    // Back does not lead to Masuk again.
    await page.goBack();
    expect(new URL(page.url()).pathname).not.toBe('/masuk');

    await page.goto('/tugas/pelimpahan');
    await expectHeading(page, 'Pelimpahan');
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.waitForURL('**/masuk');
    await pickPerson(page, RINA);
    await page.waitForURL('**/usulan');
    await expectHeading(page, 'Usulan Saya');
    expect(errors).toEqual([]);
  });

  it.each<Viewport>(['desktop', 'phone'])('shows an unknown address as not found, with the way home, in both languages, at %s width', async (viewport) => {
    const { page, errors } = await openPage(browser, baseUrl, viewport);
    await page.goto('/halaman-yang-tidak-ada');
    await expectHeading(page, 'Halaman tidak ditemukan');
    expect(await page.getByTestId('not-found').innerText()).toContain('/halaman-yang-tidak-ada');
    await screenshot(page, 'tidak-ditemukan', viewport);
    await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
    await expectHeading(page, 'Page not found');
    await page.getByRole('link', { name: 'Go to the start page' }).click();
    // Signed out, home is Masuk.
    await page.waitForURL('**/masuk');
    await expectHeading(page, 'Sign in');
    await page.getByRole('button', { name: 'Switch language to Bahasa Indonesia' }).click();

    // Signed in: the same page inside the app, with the menu; home is the person's own work.
    await signIn(page, RINA);
    await page.goto('/usulan/satu/dua/tiga');
    await expectHeading(page, 'Halaman tidak ditemukan');
    await page.getByRole('navigation', { name: 'Menu utama' }).waitFor();
    await page.getByRole('link', { name: 'Ke halaman utama' }).click();
    await page.waitForURL('**/usulan');
    expect(errors).toEqual([]);
  });

  it('offers dev-login because the server runs with DEV_LOGIN=true (test/dev-login-off.e2e-spec.ts: the page without it)', async () => {
    expect((await stack.http.get('/api/auth/methods').expect(200)).body).toEqual({ devLogin: true });
  });

  it('answers unknown API paths with JSON 404 rather than the app, and app paths with the app', async () => {
    const api = await fetch(`${baseUrl}/api/no-such-thing`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toMatch(/json/);
    const app = await fetch(`${baseUrl}/usulan/123`);
    expect(app.status).toBe(200);
    expect(await app.text()).toContain('<div id="root">');
  });
});

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

async function expectHeading(page: Page, name: string) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Picks a person on the Masuk page already open (signIn() opens Masuk itself, forgetting where to return). */
async function pickPerson(page: Page, nip: string) {
  await page.locator('#person-search').fill(nip);
  await eventually(async () => (await page.locator('#person').inputValue()) === nip, 10_000, `the picker to offer ${nip}`);
  await page.locator('form button[type=submit]').click();
}

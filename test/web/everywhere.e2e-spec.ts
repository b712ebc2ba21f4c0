import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { AppStack, validProposal } from '../support/app-stack';
import { expectAccessible, launchBrowser, openPage, screenshot, signIn, startWebStack } from '../support/browser';

const RINA = '199503122020122001';
const YOGA_ADMIN = '199001012015011016';

jest.setTimeout(120_000);

/** Across the app: failures told in the reader's words with a way to try again; code and languages loaded on demand. */
describe('web app: errors, loading on demand', () => {
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

  /** The paths of the app's own scripts the page fetches from now on. */
  const scriptsFetched = (page: Page): string[] => {
    const seen: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/assets/') && path.endsWith('.js')) seen.push(path);
    });
    return seen;
  };

  it('tells a reader that a proposal does not exist, in their words, whatever the address holds', async () => {
    const { page, errors } = await openPage(browser, baseUrl);
    await signIn(page, RINA);
    for (const id of [randomUUID(), 'not-a-uuid']) {
      await page.goto(`/usulan/${id}`);
      const alert = page.getByRole('alert').filter({ hasText: 'Usulan tidak ditemukan.' });
      await alert.waitFor();
      // Not the API's own sentence, and nothing to try again: it will not appear.
      expect(await alert.innerText()).not.toMatch(/uuid|must be|expected/i);
      expect(await alert.getByRole('button', { name: 'Coba lagi' }).count()).toBe(0);
    }
    await screenshot(page, 'usulan-not-found', 'desktop');
    expect(errors).toEqual([]);
  });

  it('says when a page’s code cannot be fetched (offline, or replaced by a new deployment) and reloads it on request', async () => {
    const { page } = await openPage(browser, baseUrl);
    await signIn(page, RINA);
    // The form's chunk fails as it would after a deployment removed it (or on a dropped connection).
    let gone = true;
    await page.route(/\/assets\/proposal-form-page-[^/]*\.js$/, (route) => (gone ? route.abort('internetdisconnected') : route.continue()));
    await page.goto('/usulan/baru');
    const failed = page.getByTestId('page-load-failed');
    await failed.waitFor();
    expect(await failed.innerText()).toContain('Halaman ini tidak dapat dimuat.');
    // The shell stays usable: the menu is still there.
    expect(await page.getByRole('navigation').count()).toBeGreaterThan(0);
    await screenshot(page, 'halaman-gagal-dimuat', 'phone');
    gone = false;
    await failed.getByRole('button', { name: 'Muat ulang' }).click();
    await page.getByRole('heading', { level: 1, name: 'Usulan Baru' }).waitFor();
    expect(await page.getByTestId('page-load-failed').count()).toBe(0);
  });

  it('shows an offline load with “Coba lagi”, which loads the page once the network is back', async () => {
    const id = (await (await stack.as('Rina Wulandari')).post('/api/proposals', validProposal({ title: 'Usulan Uji Jaringan Putus' })).expect(201)).body.id as string;
    const { page, errors } = await openPage(browser, baseUrl);
    await signIn(page, RINA);
    // The proposal's own answer fails, as on a dropped connection, until the network is back.
    let offline = true;
    await page.route(`**/api/proposals/${id}`, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
    await page.goto(`/usulan/${id}`);
    const alert = page.getByRole('alert').filter({ hasText: 'Server tidak dapat dihubungi. Periksa koneksi lalu coba lagi.' });
    await alert.waitFor();
    await screenshot(page, 'usulan-offline', 'phone');
    offline = false;
    await alert.getByRole('button', { name: 'Coba lagi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Usulan Uji Jaringan Putus' }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'Server tidak dapat dihubungi' }).count()).toBe(0);
    // The aborted request is the only error the browser reported.
    expect(errors.filter((e) => !/net::ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  });

  it('tells the same in English when English is chosen, and loads English only then', async () => {
    const { page, errors } = await openPage(browser, baseUrl);
    const scripts = scriptsFetched(page);
    await page.goto('/masuk');
    await page.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();
    expect(scripts.filter((s) => s.includes('/locale-id-')).length).toBeGreaterThan(0);
    expect(scripts.filter((s) => s.includes('/locale-en-'))).toEqual([]);
    await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(scripts.filter((s) => s.includes('/locale-en-common-')).length).toBe(1);
    await signIn(page, RINA);
    await page.goto(`/usulan/${randomUUID()}`);
    await page.getByRole('alert').filter({ hasText: 'The proposal was not found.' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('sends the admin pages’ code to administrators only, when they open them', async () => {
    const proposer = await openPage(browser, baseUrl);
    const proposerScripts = scriptsFetched(proposer.page);
    await signIn(proposer.page, RINA);
    await proposer.page.goto('/usulan');
    await proposer.page.getByRole('heading', { level: 1, name: 'Usulan Saya' }).waitFor();
    expect(proposerScripts.length).toBeGreaterThan(0);
    expect(proposerScripts.filter((s) => s.includes('/admin-'))).toEqual([]);
    expect(proposer.errors).toEqual([]);

    const admin = await openPage(browser, baseUrl);
    const adminScripts = scriptsFetched(admin.page);
    await signIn(admin.page, YOGA_ADMIN);
    expect(adminScripts.filter((s) => s.includes('/admin-statistics-page-'))).toEqual([]);
    await admin.page.goto('/admin/statistik');
    await admin.page.getByRole('heading', { level: 1 }).waitFor();
    expect(adminScripts.filter((s) => s.includes('/admin-statistics-page-')).length).toBe(1);
    expect(admin.errors).toEqual([]);
  });

  it('fails a page the accessibility check finds serious faults on, naming each (as every screenshot does)', async () => {
    const { page } = await openPage(browser, baseUrl);
    await page.setContent('<html lang="id"><title>x</title><main><h1>x</h1><button></button><p style="color:#bbb">pucat</p></main></html>');
    const failure = expectAccessible(page, 'a faulty page');
    await expect(failure).rejects.toThrow(/a faulty page has 2 serious or critical violation\(s\):\n- button-name \(critical\)[\s\S]*- color-contrast \(serious\)/);
    await page.context().close();
  });
});

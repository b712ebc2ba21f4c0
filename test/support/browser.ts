import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { AppStack, eventually, startAppStack } from './app-stack';

/** Debian's chromium (installed by .ci/run when missing), or CHROMIUM_PATH. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;
export type Viewport = keyof typeof VIEWPORTS;
/** Git-ignored (test-results/): a screenshot of each page at each width, for people to look at. */
export const SCREENSHOTS = join(__dirname, '..', '..', 'test-results', 'screenshots');

/** The app stack listening on a real port, so a browser can load the web app from the API's origin. */
export async function startWebStack(): Promise<{ stack: AppStack; baseUrl: string }> {
  const stack = await startAppStack();
  await stack.api.listen(0, '127.0.0.1');
  const { port } = stack.api.getHttpServer().address() as AddressInfo;
  return { stack, baseUrl: `http://127.0.0.1:${port}` };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

export interface WebPage {
  page: Page;
  /** Console errors and uncaught exceptions seen so far (the app must cause none). */
  errors: string[];
}

/**
 * A fresh browser context (its own storage: signed out, language from scratch) at a viewport. Responses
 * with a 4xx status the page expects (a refused decision, a validation error) are not console errors of
 * the app; everything else logged at error level is.
 */
export async function openPage(browser: Browser, baseUrl: string, viewport: Viewport = 'desktop'): Promise<WebPage> {
  const context = await browser.newContext({ viewport: VIEWPORTS[viewport], baseURL: baseUrl, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return { page, errors };
}

/** Signs in on the Masuk page by picking the person with this NIP. */
export async function signIn(page: Page, nip: string): Promise<void> {
  await page.goto('/masuk');
  // The picker lists at most 50 people: narrow it to this one first.
  await page.locator('#person-search').fill(nip);
  await eventually(async () => (await page.locator('#person').inputValue()) === nip, 10_000, `the picker to offer ${nip}`);
  await page.locator('form button[type=submit]').click();
  await page.getByTestId('signed-in-as').waitFor();
}

export async function screenshot(page: Page, name: string, viewport: Viewport): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-${viewport}.png`), fullPage: true });
}

import { mkdirSync, readFileSync } from 'node:fs';
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

/**
 * A screenshot of the page as it is now (for people to look at), and the accessibility check of
 * what it shows: every page the browser tests visit is screenshotted, so every page is checked.
 */
export async function screenshot(page: Page, name: string, viewport: Viewport): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-${viewport}.png`), fullPage: true });
  await expectAccessible(page, `${name} (${viewport})`);
}

/** One axe finding, as the failure lists it. */
interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string; summary: string }[];
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on the page and fails on any violation of impact serious or critical (contrast,
 * names and labels, ARIA misuse…), listing each rule, its help text and the elements. axe is
 * evaluated through the DevTools protocol rather than added as a <script> (page.addScriptTag):
 * the app's Content-Security-Policy rightly refuses inline scripts.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE);
  const findings = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    interface AxeViolation {
      id: string;
      impact?: string | null;
      help: string;
      nodes: { target: unknown[]; failureSummary?: string }[];
    }
    const { violations } = await axe.run({ resultTypes: ['violations'] });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact!, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim() })) }));
  });
  if (findings.length) throw new Error(`accessibility: ${what} has ${findings.length} serious or critical violation(s):\n${formatFindings(findings)}`);
}

function formatFindings(findings: AxeFinding[]): string {
  return findings
    .map((f) => [`- ${f.id} (${f.impact}): ${f.help}`, ...f.nodes.slice(0, 8).map((n) => `    ${n.target} — ${n.summary}`), ...(f.nodes.length > 8 ? [`    … and ${f.nodes.length - 8} more`] : [])].join('\n'))
    .join('\n');
}

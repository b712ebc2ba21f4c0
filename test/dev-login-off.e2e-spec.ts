// First: DEV_LOGIN must be gone from the environment before the app's configuration is loaded.
import './support/dev-login-off';
import { JwtService } from '@nestjs/jwt';
import type { Browser } from 'playwright-core';
import { AppConfig } from '@libs/config/app-config.service';
import { AppStack, personByName, personId } from './support/app-stack';
import { launchBrowser, openPage, screenshot, startWebStack } from './support/browser';

/**
 * A server started without DEV_LOGIN — whatever NODE_ENV says (here `test`, not `production`) — signs
 * nobody in by NIP: dev-login and its people list are refused, the methods endpoint says so, and the
 * sign-in page shows how to sign in instead of the people list. Tokens of the identity provider work.
 */
describe('dev-login without DEV_LOGIN', () => {
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

  const ADMIN_NIP = personByName('Yoga Permana')[0];

  it('runs outside production, so only the missing flag turns dev-login off', () => {
    expect(stack.api.get(AppConfig).get('NODE_ENV')).toBe('test');
    expect(stack.api.get(AppConfig).get('DEV_LOGIN')).toBe(false);
  });

  it('says dev-login is not offered', async () => {
    const res = await stack.http.get('/api/auth/methods').expect(200);
    expect(res.body).toEqual({ devLogin: false });
  });

  it('refuses dev-login, an administrator included, with 403 DEV_LOGIN_DISABLED and no token', async () => {
    const res = await stack.http.post('/api/auth/dev-login').send({ nip: ADMIN_NIP });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      code: 'DEV_LOGIN_DISABLED',
      message: 'dev-login is not enabled on this server; sign in through the identity provider.',
      correlationId: expect.any(String),
    });
    expect(res.body.accessToken).toBeUndefined();
  });

  it('refuses the people list of the sign-in page the same way', async () => {
    const res = await stack.http.get('/api/auth/dev-people?q=Yoga');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('DEV_LOGIN_DISABLED');
  });

  it('still accepts a token issued elsewhere (the identity provider), signed with JWT_SECRET', async () => {
    const token = await stack.api.get(JwtService).signAsync({ sub: personId('Yoga Permana'), name: 'Yoga Permana' });
    const me = await stack.http.get('/api/auth/me').auth(token, { type: 'bearer' }).expect(200);
    expect(me.body).toEqual({ personId: personId('Yoga Permana'), name: 'Yoga Permana', roles: ['admin'] });
  });

  it('shows on Masuk how to sign in, in Bahasa Indonesia and in English, instead of the people list', async () => {
    const { page, errors } = await openPage(browser, baseUrl);
    await page.goto('/masuk');
    await page.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();
    const notice = page.getByTestId('dev-login-unavailable');
    await notice.waitFor();
    expect(await notice.innerText()).toBe('Masuk dengan memilih pegawai tidak tersedia di server ini. Masuklah melalui sistem identitas instansi (SSO).');
    expect(await page.locator('#person, #person-search, form button[type=submit]').count()).toBe(0);
    await screenshot(page, 'masuk-tanpa-dev-login', 'desktop');

    await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await notice.innerText()).toBe("Signing in by picking a civil servant is not offered on this server. Sign in through your agency's identity provider (SSO).");
    expect(errors).toEqual([]);
  });
});

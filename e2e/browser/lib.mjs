// Shared by the browser scenarios: Debian's Chromium through playwright-core, and signing in through the
// web app → Keycloak's login page → back, as a person would.
import { chromium } from 'playwright-core';

export const TIMEOUT = 60_000;

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run',
      '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh browser profile (own cookies) signed in as `username`; replaces a temporary password when asked. */
export async function signIn(browser, gateway, username, password, newPassword = '') {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  await page.goto(gateway + '/');
  await page.getByRole('link', { name: /sign in/i }).or(page.getByRole('button', { name: /sign in/i })).first().click();
  await page.waitForSelector('#username');
  await page.fill('#username', username);
  if (!(await page.isVisible('#password'))) {
    await page.click('#kc-login');
    await page.waitForSelector('#password');
  }
  await page.fill('#password', password);
  await page.click('#kc-login');
  const backInApp = (url) => url.toString().startsWith(gateway);
  await Promise.race([page.waitForSelector('#password-new'), page.waitForURL(backInApp)]);
  if (await page.isVisible('#password-new')) {
    if (!newPassword) throw new Error(`Keycloak asks ${username} for a new password but none was given`);
    await page.fill('#password-new', newPassword);
    await page.fill('#password-confirm', newPassword);
    await page.locator('input[type=submit], button[type=submit]').first().click();
    await page.waitForURL(backInApp);
  }
  return { context, page };
}

/** Runs a scenario and prints one JSON line: `{ok: true, ...facts}` or `{ok: false, error, step}`. */
export async function scenario(body) {
  const browser = await launch();
  const result = { ok: false, step: 'start' };
  const step = (name) => { result.step = name; };
  try {
    Object.assign(result, await body({ browser, step, result }));
    result.ok = true;
  } catch (error) {
    result.error = String(error && error.message ? error.message : error);
  } finally {
    await browser.close();
  }
  console.log(JSON.stringify(result));
  process.exit(result.ok ? 0 : 1);
}

/** The last UUID in the page's path, e.g. the workspace of /agency/workspaces/{id}. */
export function lastId(page) {
  const ids = new URL(page.url()).pathname.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) || [];
  if (ids.length === 0) throw new Error('no id in ' + page.url());
  return ids[ids.length - 1];
}

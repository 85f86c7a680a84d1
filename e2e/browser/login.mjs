// Logs a user in through the gateway exactly as a person would: the web app's sign-in, Keycloak's
// real login page (username, then password; a temporary password must be replaced), back to the app.
// Prints one JSON line with what the page showed and what JavaScript could see of the session.
//
// usage: node login.mjs <gatewayUrl> <username> <password> [newPassword] [expectedText] [screenshot.png]
import { chromium } from 'playwright-core';

const [gateway, username, password, newPassword = '', expectedText = '', screenshot = ''] = process.argv.slice(2);
const timeout = 60_000;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run',
    '--disable-component-update', '--disable-sync'],
});
const result = { ok: false };
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  await page.goto(gateway + '/');
  await page.getByRole('link', { name: /sign in/i }).or(page.getByRole('button', { name: /sign in/i })).first().click();

  await page.waitForSelector('#username');
  result.loginPage = page.url().split('?')[0];
  const sessionBefore = (await context.cookies(gateway)).find((c) => c.name === 'SESSION')?.value ?? null;
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
    if (!newPassword) throw new Error('Keycloak asks for a new password but none was given');
    await page.fill('#password-new', newPassword);
    await page.fill('#password-confirm', newPassword);
    await page.locator('input[type=submit], button[type=submit]').first().click();
    result.passwordUpdated = true;
    await page.waitForURL(backInApp);
  }
  if (expectedText) {
    await page.getByText(expectedText).first().waitFor();
  }
  result.url = page.url();
  result.text = (await page.locator('body').innerText()).slice(0, 4000);
  // tokens must never reach JavaScript: only the CSRF cookie is readable, storage holds nothing
  result.cookiesVisibleToScript = await page.evaluate(() => document.cookie);
  result.storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  const cookies = await context.cookies();
  const sessionAfter = cookies.find((c) => c.name === 'SESSION')?.value ?? null;
  // session fixation protection: the pre-login session id must not survive the login
  result.sessionRotated = sessionBefore !== null && sessionAfter !== null && sessionBefore !== sessionAfter;
  result.sessionCookie = cookies.filter((c) => c.name === 'SESSION').map((c) => ({ httpOnly: c.httpOnly, sameSite: c.sameSite }))[0] || null;
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  result.ok = true;
} catch (error) {
  result.error = String(error && error.message ? error.message : error);
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
process.exit(result.ok ? 0 : 1);

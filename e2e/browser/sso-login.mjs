// Single sign-on through an agency's company identity provider, as a person would: the web app's
// sign-in, Keycloak's first (username) page where only the e-mail is typed, the redirect to the
// company's own login page (a second Keycloak realm here), back through Keycloak's broker (a
// first-login "review profile" step is completed if Keycloak asks), and into the web app. Prints one
// JSON line with the pages seen and what /api/me answers through the browser's session.
//
// usage: node sso-login.mjs <gatewayUrl> <email> <providerUsername> <providerPassword> <providerUrlPart> [screenshot.png]
import { chromium } from 'playwright-core';

const [gateway, email, username, password, providerUrlPart, screenshot = ''] = process.argv.slice(2);
const timeout = 60_000;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run',
    '--disable-component-update', '--disable-sync'],
});
const result = { ok: false, pages: [] };
const seen = (page) => result.pages.push(page.url().split('?')[0]);
let page;
try {
  const context = await browser.newContext();
  page = await context.newPage();
  page.setDefaultTimeout(timeout);
  await page.goto(gateway + '/');
  await page.getByRole('link', { name: /sign in/i }).or(page.getByRole('button', { name: /sign in/i })).first().click();

  // Keycloak's identity-first page of the waymark realm: only the e-mail, no password
  await page.waitForSelector('#username');
  seen(page);
  result.loginPage = page.url().split('?')[0];
  await page.fill('#username', email);
  await page.click('#kc-login');

  // the organization's domain sends us to the company's provider
  await page.waitForURL((url) => url.toString().includes(providerUrlPart));
  seen(page);
  result.providerPage = page.url().split('?')[0];
  await page.waitForSelector('#username');
  await page.fill('#username', username);
  if (!(await page.isVisible('#password'))) {
    await page.click('#kc-login');
    await page.waitForSelector('#password');
  }
  await page.fill('#password', password);
  await page.click('#kc-login');

  // back through Keycloak's broker; its first-login flow may ask to review the profile
  const backInApp = (url) => url.toString().startsWith(gateway);
  for (let step = 0; step < 5 && !backInApp(page.url()); step++) {
    await Promise.race([page.waitForURL(backInApp), page.waitForSelector('#kc-idp-review-profile-form, #kc-update-profile-form, #kc-register-form')]);
    if (backInApp(page.url())) break;
    seen(page);
    result.reviewedProfile = true;
    const fill = async (selector, value) => {
      if ((await page.locator(selector).count()) > 0 && !(await page.inputValue(selector))) await page.fill(selector, value);
    };
    await fill('#email', email);
    await fill('#firstName', 'Pat');
    await fill('#lastName', 'Acme');
    await page.locator('input[type=submit], button[type=submit]').first().click();
    await page.waitForLoadState();
  }
  await page.waitForURL(backInApp);
  await page.waitForLoadState('networkidle');
  result.url = page.url();
  result.text = (await page.locator('body').innerText()).slice(0, 2000);
  // what the signed-in session sees: the gateway relays the call with the session's token
  result.me = await page.evaluate(async () => {
    const response = await fetch('/api/me', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    return { status: response.status, body: await response.json().catch(() => null) };
  });
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  result.ok = true;
} catch (error) {
  result.error = String(error && error.message ? error.message : error);
  if (page) {
    result.failedAt = page.url();
    result.failedText = (await page.locator('body').innerText().catch(() => '')).slice(0, 2000);
    if (screenshot) await page.screenshot({ path: screenshot.replace(/\.png$/, '-failed.png'), fullPage: true }).catch(() => {});
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
process.exit(result.ok ? 0 : 1);

// Feedback end to end in the browser: a client editor builds a two-language (English, Lithuanian) NPS survey
// in the builder and publishes it; an anonymous respondent answers through the public page in Lithuanian;
// another answers through the widget embedded in a shop page of another origin; the editor sees both
// responses in the responses table.
//
// usage: node survey-flow.mjs <gatewayUrl> <username> <password> <newPassword> <workspaceId> <shopUrl> [screenshotDir]
//   shopUrl: a page of another origin that embeds the snippet given as its `snippet` query parameter
import { scenario, signIn, TIMEOUT } from './lib.mjs';

const [gateway, username, password, newPassword, workspaceId, shopUrl, shots = ''] = process.argv.slice(2);
const EN = 'How likely are you to recommend our bike shop to a friend?';
const LT = 'Kaip tikėtina, kad rekomenduotumėte mūsų dviračių parduotuvę draugui?';
const shot = async (page, name) => { if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true }); };

await scenario(async ({ browser, step }) => {
  step('sign in');
  const { page } = await signIn(browser, gateway, username, password, newPassword);

  step('build a two-language survey');
  await page.goto(`${gateway}/w/${workspaceId}/surveys/new`);
  await page.locator('#survey-name').fill('Bike shop NPS');
  await page.locator('#survey-add-language').fill('lt');
  await page.getByRole('button', { name: 'Add language' }).click();
  await page.locator('#survey-questions-0-text-lt').waitFor();
  await page.locator('#survey-questions-0-text-en').fill(EN);
  await page.locator('#survey-questions-0-text-lt').fill(LT);
  await page.locator('#survey-thankYou-lt').fill('Ačiū!');
  const preview = await page.locator('body').innerText();

  step('publish');
  await page.getByRole('button', { name: /publish/i }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Survey published').first().waitFor();
  const link = await dialog.locator('#publish-link').inputValue();
  const snippet = await dialog.locator('#publish-snippet').inputValue();
  const qr = await dialog.getByRole('img', { name: /QR code/ }).getAttribute('src');
  await shot(page, 'survey-published');

  step('answer on the public page in Lithuanian');
  const respondent = await browser.newContext({ locale: 'lt-LT' });
  const pub = await respondent.newPage();
  pub.setDefaultTimeout(TIMEOUT);
  await pub.goto(link);
  await pub.getByText(LT).waitFor();
  await pub.locator('input[type=radio][value="9"]').check();
  await pub.locator('button[type=submit]').click();
  await pub.getByText('Ačiū!').waitFor();
  await shot(pub, 'answered-lt');

  step('answer through the widget on a page of another origin');
  const visitor = await browser.newContext({ locale: 'en-GB' });
  const shop = await visitor.newPage();
  shop.setDefaultTimeout(TIMEOUT);
  await shop.goto(`${shopUrl}?snippet=${encodeURIComponent(snippet)}`);
  await shop.getByRole('button', { name: /Feedback/ }).click();
  const frame = shop.frameLocator('iframe');
  await frame.getByText(EN).waitFor();
  await frame.locator('input[type=radio][value="3"]').check();
  await frame.locator('button[type=submit]').click();
  await frame.locator('#thanks').waitFor();
  await shot(shop, 'answered-widget');

  step('the editor sees both responses');
  let rows = 0;
  for (let attempt = 0; attempt < 30 && rows < 2; attempt++) {
    await page.goto(`${gateway}/w/${workspaceId}/responses`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    rows = await page.locator('table tbody tr').count();
    if (rows < 2) await page.waitForTimeout(1000);
  }
  const table = rows > 0 ? await page.locator('table').first().innerText() : '';
  await shot(page, 'responses');
  return { link, snippet, qrIsImage: (qr || '').startsWith('data:image/'), previewHasLt: preview.includes('Lithuanian') || preview.includes('lt'), rows, table };
});

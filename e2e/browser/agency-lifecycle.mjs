// A new agency provisioned, used and deleted through the web app alone, by the people who would do it:
// the platform admin creates the agency; its admin signs in with the one-time password, creates a client
// workspace and a client editor; the editor maps a journey; the platform admin deletes the agency with the
// typed confirmation and watches every service finish its purge.
//
// usage: node agency-lifecycle.mjs <gatewayUrl> <platformAdminUsername> <platformAdminPassword> <suffix> [screenshotDir]
import { lastId, scenario, signIn, TIMEOUT } from './lib.mjs';

const [gateway, adminUser, adminPassword, suffix, shots = ''] = process.argv.slice(2);
const agencyName = `Lumen CX ${suffix}`;
const agencySlug = `lumen-${suffix}`;
const agencyAdmin = `lena-${suffix}`;
const editor = `eli-${suffix}`;
const clientName = `Harbor Hotels ${suffix}`;
const journeyName = 'Book a room, check in';
const shot = async (page, name) => { if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true }); };

await scenario(async ({ browser, step }) => {
  step('platform admin signs in');
  const admin = await signIn(browser, gateway, adminUser, adminPassword);
  let page = admin.page;
  await page.getByRole('heading', { name: 'Agencies' }).waitFor();

  step('platform admin creates the agency');
  await page.getByRole('link', { name: 'New agency' }).click();
  await page.fill('#name', agencyName);
  await page.fill('#slug', agencySlug);
  await page.selectOption('#plan', 'growth');
  await page.fill('#adminName', 'Lena Lumen');
  await page.fill('#adminEmail', `${agencyAdmin}@lumen.example`);
  await page.fill('#adminUsername', agencyAdmin);
  await page.getByRole('button', { name: 'Create agency' }).click();
  await page.getByRole('heading', { name: 'Agency created' }).waitFor();
  const agencyPassword = (await page.getByTestId('temporary-password').innerText()).trim();
  await shot(page, 'agency-created');
  await page.getByRole('link', { name: 'Open the agency' }).click();
  await page.getByRole('heading', { name: 'Usage' }).waitFor();
  const tenantId = lastId(page);

  step('agency admin signs in with the one-time password and chooses their own');
  const lena = await signIn(browser, gateway, agencyAdmin, agencyPassword, `Lena-${suffix}-pass!`);
  page = lena.page;
  await page.getByRole('heading', { name: 'Client workspaces' }).waitFor();

  step('agency admin creates a client workspace');
  await page.fill('#ws-name', clientName);
  await page.fill('#ws-industry', 'Hospitality');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByText(`${clientName} was created.`).waitFor();
  await page.getByRole('link', { name: clientName, exact: true }).click();
  await page.getByRole('heading', { name: 'Client members' }).waitFor();
  const workspaceId = lastId(page);

  step('agency admin adds a client editor');
  await page.fill('#ws-member-name', 'Eli Editor');
  await page.fill('#ws-member-email', `${editor}@harbor.example`);
  await page.fill('#ws-member-username', editor);
  await page.selectOption('#ws-member-role', 'client-editor');
  await page.getByRole('button', { name: 'Add member' }).click();
  const editorPassword = (await page.getByTestId('temporary-password').innerText()).trim();
  await shot(page, 'member-added');

  step('client editor signs in and creates a journey');
  const eli = await signIn(browser, gateway, editor, editorPassword, `Eli-${suffix}-pass!`);
  page = eli.page;
  await page.getByRole('heading', { name: clientName }).waitFor();
  await page.getByRole('button', { name: 'New journey' }).click();
  await page.getByLabel('Journey name').fill(journeyName);
  await page.getByRole('button', { name: 'Create journey' }).click();
  await page.waitForURL(/\/journeys\/[0-9a-f-]{36}$/);
  const journeyId = lastId(page);
  await page.reload();
  await page.getByRole('heading', { name: journeyName }).waitFor();
  await shot(page, 'journey-created');

  step('platform admin deletes the agency with the typed confirmation');
  page = admin.page;
  await page.reload();
  await page.getByRole('button', { name: 'Delete agency…' }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.getByRole('textbox').fill(agencySlug);
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('heading', { name: 'Agency deleted' }).waitFor({ timeout: 2 * TIMEOUT });
  const purge = await page.getByRole('table').innerText();
  await shot(page, 'agency-deleted');

  step('the editor is locked out');
  await eli.page.reload();
  await eli.page.waitForLoadState('networkidle');
  const editorSees = (await eli.page.locator('body').innerText()).slice(0, 2000);

  return { tenantId, workspaceId, journeyId, agencyAdmin, editor, purge, editorSees };
});

// Builds a journey map through the editor as a CX person would: a new journey, 5 stages, 3 touchpoints in
// each (name and channel), then reloads the page and reports what the map shows — the test compares it.
//
// usage: node map-builder.mjs <gatewayUrl> <username> <password> <newPassword> <workspaceId> [screenshotDir]
import { lastId, scenario, signIn } from './lib.mjs';

const [gateway, username, password, newPassword, workspaceId, shots = ''] = process.argv.slice(2);
const STAGES = ['Discover', 'Choose', 'Buy', 'Receive', 'Get help'];
const CHANNELS = ['Online', 'Store', 'Phone'];

await scenario(async ({ browser, step }) => {
  step('sign in');
  const { page } = await signIn(browser, gateway, username, password, newPassword);
  await page.goto(`${gateway}/w/${workspaceId}`);

  step('create the journey');
  await page.getByRole('button', { name: 'New journey' }).click();
  await page.getByLabel('Journey name').fill('Buy a bike online');
  await page.getByRole('button', { name: 'Create journey' }).click();
  await page.waitForURL(/\/journeys\/[0-9a-f-]{36}$/);
  const journeyId = lastId(page);
  await page.getByRole('heading', { name: 'Buy a bike online' }).waitFor();

  for (const stage of STAGES) {
    step(`add stage ${stage}`);
    await page.getByRole('button', { name: '+ Add stage' }).first().click();
    await page.getByLabel('New stage name').fill(stage);
    await page.getByRole('button', { name: 'Add stage', exact: true }).first().click();
    await page.getByRole('button', { name: `Rename stage ${stage}` }).waitFor();
  }

  for (const stage of STAGES) {
    for (let i = 0; i < 3; i++) {
      const name = `${stage} ${i + 1}`;
      step(`add touchpoint ${name}`);
      await page.getByRole('button', { name: `+ Add touchpoint to ${stage}` }).click();
      const panel = page.getByRole('dialog');
      await panel.getByLabel('Name', { exact: true }).fill(name);
      await panel.getByLabel(/^Channel/).selectOption({ label: CHANNELS[i] });
      await panel.getByRole('button', { name: 'Add touchpoint', exact: true }).click();
      await panel.waitFor({ state: 'detached' });
      await page.getByText(name, { exact: true }).first().waitFor();
    }
  }
  if (shots) await page.screenshot({ path: `${shots}/map-built.png`, fullPage: true });

  step('reload and read the map back');
  await page.reload();
  await page.getByRole('button', { name: `Rename stage ${STAGES[STAGES.length - 1]}` }).waitFor();
  const shown = await page.locator('body').innerText();
  const map = await page.evaluate(async ([ws, id]) => {
    const res = await fetch(`/api/workspaces/${ws}/journeys/${id}`, { headers: { Accept: 'application/json' } });
    return res.json();
  }, [workspaceId, journeyId]);
  const channels = await page.evaluate(async (ws) => {
    const res = await fetch(`/api/workspaces/${ws}/channels?limit=500`, { headers: { Accept: 'application/json' } });
    return res.json();
  }, workspaceId);
  const channelName = Object.fromEntries((channels.items || []).map((c) => [c.id, c.name]));
  const stages = (map.stages || []).map((s) => ({
    name: s.name,
    touchpoints: (s.touchpoints || []).map((t) => `${t.name} @ ${channelName[t.channelId] || '-'}`),
  }));
  const missingOnPage = stages.flatMap((s) => [s.name, ...s.touchpoints.map((t) => t.split(' @ ')[0])])
    .filter((text) => !shown.includes(text));
  if (shots) await page.screenshot({ path: `${shots}/map-reloaded.png`, fullPage: true });
  return { journeyId, stages, missingOnPage };
});

// UI layer for the ClickHouse Cloud view: sign in through the welcome button and the two input
// boxes (the secret in a password box), expand the demo service, and copy the Ready endpoint's
// connection address from its context menu, choosing PostgreSQL: DNS name + ":5432"; then create an
// endpoint from the service's context menu: the plan tab opens, the Apply CodeLens and the modal
// (naming the organization and service) apply it, and the result view shows the DNS name.
import assert from 'node:assert/strict';
import { DescribeVpcEndpointServiceConfigurationsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  assertNoExternalRequests, contextMenu, expandRow, findRow, findWebviewFrame, openView, primeClipboard, useWorkbench, waitForClipboard,
} from './helpers.mjs';

const KEY_ID = 'demo-key-id';
const KEY_SECRET = 'demo-key-secret';
const SERVICE = 'orders-analytics';
const ENDPOINT = 'orders-db (RDS PostgreSQL)';

/** The harness emulator must seed ClickHouse (scenario demo calls seedClickhouse). */
async function demoKeyWorks() {
  const url = process.env.CPL_EMULATOR_URL;
  if (!url) return false;
  const res = await fetch(`${url}/v1/organizations`, {
    headers: { authorization: `Basic ${Buffer.from(`${KEY_ID}:${KEY_SECRET}`).toString('base64')}` },
  }).catch(() => undefined);
  return res?.status === 200;
}

/** The demo's endpoint service that allows ClickPipes and asks for acceptance, read from the emulator's EC2. */
async function pgProxyServiceName() {
  const ec2 = new EC2Client({ endpoint: process.env.CPL_EMULATOR_URL, region: 'us-east-1', credentials: { accessKeyId: 'AKIAEMULATORDEMO0001', secretAccessKey: 'emulator-demo-secret-key-not-a-real-secret' } });
  try {
    const { ServiceConfigurations = [] } = await ec2.send(new DescribeVpcEndpointServiceConfigurationsCommand({}));
    const svc = ServiceConfigurations.find((s) => (s.Tags ?? []).some((t) => t.Key === 'Name' && t.Value === 'pg-proxy-service'))
      ?? ServiceConfigurations.find((s) => s.AcceptanceRequired && !(s.SupportedRegions ?? []).some((r) => r.Region !== 'us-east-1'));
    assert.ok(svc?.ServiceName, `no pg-proxy-service among ${ServiceConfigurations.map((s) => s.ServiceName).join(', ')}`);
    return svc.ServiceName;
  } finally {
    ec2.destroy();
  }
}

describe('ClickHouse Cloud view (real VS Code)', function () {
  this.timeout(120_000);
  before(async () => {
    assert.ok(await demoKeyWorks(), 'the emulator does not serve the ClickHouse demo key');
  });
  const wb = useWorkbench();

  it('signs in from the welcome view with the two input boxes', async () => {
    const { page } = wb;
    await openView(page, 'ClickPipes PrivateLink');
    const header = page.locator('.pane-header[aria-label^="ClickHouse Cloud"]').first();
    await header.waitFor({ state: 'visible', timeout: 45_000 });
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    await page.getByRole('button', { name: 'Sign in with an API key' }).click();
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(KEY_ID);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget input[type="password"]').waitFor({ state: 'visible' });
    await input.fill(KEY_SECRET);
    await page.keyboard.press('Enter');
    await findRow(page, SERVICE, { timeout: 45_000 });
  });

  it('copies the Ready endpoint\'s connection address with the PostgreSQL port', async () => {
    const { page } = wb;
    await expandRow(page, SERVICE);
    await findRow(page, ENDPOINT);
    await primeClipboard(page);
    await contextMenu(page, ENDPOINT, 'Copy Connection Address (DNS Name + Port)');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'PostgreSQL' }).first().click();
    const text = await waitForClipboard(page, (t) => t.endsWith(':5432'));
    assert.match(text, /^vpce-[0-9a-f]{17}-[0-9a-z]{8}\.rcfg-[0-9a-z]{17}\.[0-9a-z]{4}\.vpc-lattice-rsc\.us-east-1\.on\.aws:5432$/);
  });

  it('copies the bare DNS name too', async () => {
    const { page } = wb;
    await primeClipboard(page);
    await contextMenu(page, ENDPOINT, 'Copy Reverse Private Endpoint DNS Name');
    const text = await waitForClipboard(page, (t) => t.endsWith('.on.aws'));
    assert.ok(!text.includes(':'), text);
  });

  it('creates an endpoint through the plan tab: Apply CodeLens, a modal naming the service, the DNS name in the result view', async () => {
    const { page } = wb;
    const serviceName = await pgProxyServiceName();
    await contextMenu(page, SERVICE, 'Create Reverse Private Endpoint…');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'VPC endpoint service' }).first().click();
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-widget', { hasText: 'endpoint service name' }).waitFor({ state: 'visible' });
    await input.fill(serviceName);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget', { hasText: 'description' }).waitFor({ state: 'visible' });
    await input.fill('ui pg proxy');
    await page.keyboard.press('Enter');
    await page.locator('.tab', { hasText: 'plan.json' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    const lens = page.locator('.codelens-decoration a', { hasText: 'Apply plan' }).first();
    await lens.waitFor({ state: 'visible', timeout: 20_000 });
    await lens.click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 20_000 });
    const text = await dialog.innerText();
    assert.match(text, /orders-analytics/);
    assert.match(text, /CreateReversePrivateEndpoint/);
    assert.doesNotMatch(text, /demo-key-secret/);
    await dialog.getByRole('button', { name: 'Apply' }).click();
    // The endpoint service asks for acceptance: the apply ends at PendingAcceptance and says so.
    const result = await findWebviewFrame(page, '[data-copy="DNS name"]', 90_000);
    assert.match(await result.locator('.result-row[data-label="DNS name"] .result-value').innerText(), /\.vpce\.amazonaws\.com$/);
    assert.equal(await result.locator('.result-row[data-label="Endpoint status"] .result-value').innerText(), 'PendingAcceptance');
    await findRow(page, 'ui pg proxy');
  });

  it('signed in, the VPC-resource form offers to also create the ClickPipes endpoint in a service, off by default', async () => {
    const { page } = wb;
    await expandRow(page, 'clickpipes-demo');
    await contextMenu(page, 'us-east-1', ['Create for ClickPipes', 'Create VPC Resource Endpoint for ClickPipes…']);
    const form = await findWebviewFrame(page, '#field-clickhouseService', 45_000);
    const select = form.locator('#field-clickhouseService');
    assert.equal(await select.evaluate((el) => el.value), '', 'off by default');
    const options = await select.locator('vscode-option').allInnerTexts();
    assert.match(options[0], /^No, only the AWS side$/);
    assert.match(options[1], /^orders-analytics \(us-east-1\) — /, 'the service in the form\'s region first');
    assert.match(await form.locator('[data-group="clickhouseService"]').innerText(), /Also create the ClickPipes endpoint in service/);
  });

  it('made no request to a non-loopback host', () => {
    assertNoExternalRequests(wb.browser);
  });
});

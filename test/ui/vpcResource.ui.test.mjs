// UI layer, real clicks in a real VS Code: open the VPC-resource form from a region node, fill it
// (typing into the text fields, ticking subnets), review the plan tab, apply it through the
// CodeLens and the modal confirmation, and copy the resource configuration ID from the result view.
import assert from 'node:assert/strict';
import {
  contextMenu, emulatorControl, expandRow, findRow, findWebviewFrame, openView, primeClipboard, RESULTS_DIR, runCommand, useWorkbench, waitForClipboard,
  waitUntil,
} from './helpers.mjs';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

const PROFILE = 'clickpipes-demo';
const NAME = `ui${Date.now().toString(36).slice(-5)}`;

/** Sets a vscode-single-select by option text (its dropdown lives in a shadow root). */
async function choose(frame, id, textPart) {
  await frame.locator(`#${id}`).evaluate((el, part) => {
    const option = [...el.querySelectorAll('vscode-option')].find((o) => o.textContent.includes(part) && !o.hasAttribute('disabled'));
    if (!option) throw new Error(`no option containing ${part}`);
    el.value = option.getAttribute('value');
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, textPart);
}

async function type(frame, id, text) {
  const input = frame.locator(`#${id} input`);
  await input.click();
  await input.fill('');
  await input.pressSequentially(text, { delay: 10 });
}

describe('VPC-resource form: fill, review, apply, copy the configuration ID (real VS Code)', function () {
  this.timeout(180_000);
  const wb = useWorkbench({ timings: { create: 1000, update: 1000, delete: 1000, shareActivate: 500 } });
  let form;

  before(async () => {
    await openView(wb.page, 'ClickPipes PrivateLink');
    await findRow(wb.page, PROFILE, { timeout: 45_000 });
  });

  it('opens the form from the region node', async () => {
    await expandRow(wb.page, PROFILE);
    await findRow(wb.page, 'us-east-1');
    await contextMenu(wb.page, 'us-east-1', ['Create for ClickPipes', 'Create VPC Resource Endpoint for ClickPipes…']);
    form = await findWebviewFrame(wb.page, '#field-gatewayName', 45_000);
    assert.match(await form.locator('h1').innerText(), /VPC resource endpoint/);
    assert.equal(await form.locator('#field-principal').evaluate((el) => el.value), '072088201116');
  });

  it('shows field errors while typing', async () => {
    await type(form, 'field-gatewayName', 'Bad Name');
    await form.locator('#error-gatewayName').filter({ hasText: /lowercase/ }).waitFor({ state: 'visible', timeout: 10_000 });
    await type(form, 'field-gatewayName', `${NAME}-gateway`);
    await form.locator('#error-gatewayName:empty').waitFor({ state: 'attached', timeout: 10_000 });
  });

  it('fills gateway, configuration and share', async () => {
    await choose(form, 'field-vpcId', 'prod-data');
    const subnets = form.locator('#field-subnetIds vscode-checkbox');
    await subnets.first().waitFor({ state: 'visible', timeout: 20_000 });
    // Two subnets that have room for a /28.
    const labels = await subnets.evaluateAll((els) => els.map((e) => e.getAttribute('label')));
    const good = labels.map((l, i) => [l, i]).filter(([l]) => /prod-data-[ab] /.test(l)).map(([, i]) => i);
    assert.ok(good.length >= 2, `subnets: ${labels.join(' | ')}`);
    for (const i of good.slice(0, 2)) await subnets.nth(i).click();
    await form.locator('#field-securityGroupIds vscode-checkbox').first().click();
    await choose(form, 'field-arn', 'orders-aurora-pg');
    const refused = await form.locator('#field-arn vscode-option[disabled]').allInnerTexts();
    assert.ok(refused.some((t) => /publicly accessible, refused/.test(t)), 'the public database is shown and refused');
    await type(form, 'field-configurationName', `${NAME}-config`);
    await type(form, 'field-shareName', `${NAME}-share`);
  });

  it('keeps the draft when the page is rebuilt (getState/setState)', async () => {
    mkdirSync(RESULTS_DIR, { recursive: true });
    await wb.page.screenshot({ path: path.join(RESULTS_DIR, 'ui-vpc-resource-form.png') });
    // The rebuilt page is a new frame: wait until the old one is gone, then find the new one.
    const old = form;
    await runCommand(wb.page, 'Developer: Reload Webviews');
    await waitUntil('the old form frame to go', async () => old.isDetached(), 30_000);
    form = await findWebviewFrame(wb.page, '#field-gatewayName', 30_000);
    await form.locator('#field-subnetIds vscode-checkbox').first().waitFor({ state: 'visible', timeout: 20_000 });
    assert.equal(await form.locator('#field-gatewayName').evaluate((el) => el.value), `${NAME}-gateway`);
    assert.equal(await form.locator('#field-shareName').evaluate((el) => el.value), `${NAME}-share`);
    assert.equal(await form.locator('#field-subnetIds vscode-checkbox[checked]').count(), 2);
  });

  it('submits to a plan tab with the CLI script beside it, nothing created yet', async () => {
    await emulatorControl('log', undefined, 'DELETE');
    await form.locator('#submit').click();
    await wb.page.locator('.tab', { hasText: 'plan.json' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await wb.page.locator('.tab', { hasText: 'commands.sh' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    const { counts } = await emulatorControl('log');
    assert.equal(counts['vpc-lattice:CreateResourceGateway'] ?? 0, 0, 'review applies nothing');
  });

  it('applies through the CodeLens and the modal confirmation naming the account', async () => {
    await wb.page.locator('.tab', { hasText: 'plan.json' }).first().click();
    // The editor-title button is there for the plan tab.
    await wb.page.locator('.editor-actions [aria-label^="Apply Plan"]').first().waitFor({ state: 'visible', timeout: 10_000 });
    const lens = wb.page.locator('.codelens-decoration a', { hasText: 'Apply plan' }).first();
    await lens.waitFor({ state: 'visible', timeout: 20_000 });
    await lens.click();
    const dialog = wb.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 20_000 });
    assert.match(await dialog.innerText(), /123456789012/);
    assert.match(await dialog.innerText(), /CreateResourceGateway/);
    await dialog.getByRole('button', { name: 'Apply' }).click();
  });

  it('shows the result view and copies the resource configuration ID', async () => {
    const result = await findWebviewFrame(wb.page, '[data-copy="Resource configuration ID"]', 90_000);
    const value = await result.locator('.result-row[data-label="Resource configuration ID"] .result-value').innerText();
    assert.match(value, /^rcfg-[0-9a-z]{17}$/);
    await primeClipboard(wb.page);
    await result.locator('[data-copy="Resource configuration ID"]').click();
    const copied = await waitForClipboard(wb.page, (t) => t.startsWith('rcfg-'));
    assert.equal(copied, value);
    assert.match(await result.locator('.result-row[data-label="Resource share ARN"] .result-value').innerText(), /^arn:aws:ram:us-east-1:123456789012:resource-share\//);
    // What was made, by kind, in its settled state (the share's create answered PENDING).
    const made = await result.locator('.created').evaluateAll((els) => els.map((e) => `${e.querySelector('h3').textContent} | ${e.querySelector('.created-state')?.textContent ?? ''}`));
    assert.deepEqual(made.map((m) => m.replace(/ (rgw|rcfg)-[0-9a-z]+/, '')), [
      'Resource gateway | State: ACTIVE', 'Resource configuration | State: ACTIVE', 'RAM resource share | State: ACTIVE',
    ]);
  });

  it('offers the ClickHouse Cloud step once the AWS side is done', async () => {
    // The source documents end in ClickHouse Cloud: a succeeded apply offers to create the reverse
    // private endpoint there (src/plans/apply.ts → clickpipes.clickhouse.createFromPlan).
    // Toasts hide after a while: read it in the notification center, where it stays.
    await runCommand(wb.page, 'Notifications: Show Notifications');
    const item = wb.page.locator('.notifications-center .notification-list-item', { hasText: 'ClickPipes connects once a reverse private endpoint exists' }).first();
    await item.waitFor({ state: 'visible', timeout: 30_000 });
    assert.ok(await item.getByRole('button', { name: 'Create the reverse private endpoint in ClickHouse Cloud' }).isVisible());
  });
});

// UI layer for VPC endpoint services in the real VS Code: right-click the region →
// "Create VPC Endpoint Service Endpoint for ClickPipes…", tick a Network Load Balancer in the
// webview form (the ALB is listed but disabled), see a bad private DNS name refused at the field,
// pick a ClickPipes region, "Review plan", apply from the palette and confirm the modal, then
// "Copy" the service name in the result view; then accept a pending ClickPipes connection from its
// tree node (the modal names the requester as ClickPipes) or from the palette's pickers; and the
// step-by-step QuickPick.
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  clickRow, contextMenu, expandRow, pointerOffTree, findRow, findWebviewFrame, openView, primeClipboard, RESULTS_DIR, runCommand, useWorkbench, waitForClipboard, waitUntil,
} from './helpers.mjs';

const PROFILE = 'clickpipes-demo';

describe('VPC endpoint service (real VS Code)', function () {
  this.timeout(180_000);
  // The new service settles at once, so the apply does not sit in "Pending".
  const wb = useWorkbench({ timings: { create: 0, update: 0, delete: 0, shareActivate: 0 } });
  /** The vpce-svc- id of the service the first test creates. */
  let created;

  before(async () => {
    await openView(wb.page, 'ClickPipes PrivateLink');
    await findRow(wb.page, PROFILE, { timeout: 45_000 });
  });

  it('region → form → review → apply → service name copied', async () => {
    const { page } = wb;
    await expandRow(page, PROFILE);
    await findRow(page, 'us-east-1');
    await contextMenu(page, 'us-east-1', ['Create for ClickPipes', 'Create VPC Endpoint Service Endpoint for ClickPipes…']);

    const form = await findWebviewFrame(page, '#field-networkLoadBalancerArns', 45_000);
    assert.match(await form.locator('h1').innerText(), /VPC endpoint service/);
    // The ALB is shown, disabled, with the reason.
    const alb = form.locator('#field-networkLoadBalancerArns vscode-checkbox[label^="web-alb"]');
    await alb.waitFor({ state: 'visible' });
    assert.equal(await alb.evaluate((el) => el.hasAttribute('disabled')), true);
    assert.match(await form.locator('#field-networkLoadBalancerArns').innerText(), /needs a Network Load Balancer/);

    await form.locator('#field-networkLoadBalancerArns vscode-checkbox[label^="reports-nlb"]').click();
    await form.locator('#field-privateDnsName input').fill('bad_name.example.com');
    await form.locator('#field-privateDnsName input').press('Tab');
    await form.locator('#error-privateDnsName', { hasText: 'only letters, digits, hyphens and dots' }).waitFor({ state: 'visible' });
    await form.locator('#field-privateDnsName input').fill('');
    await form.locator('#field-privateDnsName input').press('Tab');
    await form.locator('#error-privateDnsName:empty').waitFor({ state: 'attached' });
    await form.locator('#field-supportedRegions vscode-checkbox[data-region="eu-central-1"]').click();
    await page.screenshot({ path: path.join(RESULTS_DIR, 'ui-endpoint-service-form.png') });
    await form.locator('#submit').click();

    await page.locator('.tab', { hasText: 'plan.json' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('.tab', { hasText: 'plan.json' }).first().click();
    // The review is open once plan.json has its CodeLens (the extension focuses that editor last).
    await page.locator('.codelens-decoration a', { hasText: 'Apply plan' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await runCommand(page, 'Apply Plan');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    const text = await dialog.innerText();
    assert.match(text, /CreateVpcEndpointServiceConfiguration/);
    assert.match(text, /ModifyVpcEndpointServicePermissions/);
    assert.match(text, /123456789012/);
    await dialog.getByRole('button', { name: 'Apply' }).click();

    const result = await findWebviewFrame(page, '[data-copy="Service name"]', 60_000);
    await primeClipboard(page);
    await result.locator('[data-copy="Service name"]').click();
    const name = await waitForClipboard(page, (t) => /^com\.amazonaws\.vpce\.us-east-1\.vpce-svc-[0-9a-f]{17}$/.test(t));
    // The explorer was refreshed: the new service is a row in the tree.
    await expandRow(page, 'VPC endpoint services');
    await findRow(page, name.split('.').pop());
    created = name.split('.').pop();
  });

  it('Accept / Reject Endpoint Connection show on a service only while a connection waits', async () => {
    const { page } = wb;
    const menu = page.locator('.context-view .monaco-menu');
    const accept = menu.getByRole('menuitem', { name: 'Accept Endpoint Connection…' }).first();
    const reject = menu.getByRole('menuitem', { name: 'Reject Endpoint Connection…' }).first();
    const close = () => waitUntil('the menu to close', async () => {
      await page.keyboard.press('Escape');
      return menu.getByRole('menuitem').first().waitFor({ state: 'hidden', timeout: 1_000 }).then(() => true, () => false);
    }, 10_000);
    // The flag comes with the service's connections: reopen the menu until it shows.
    await waitUntil('Accept on the service with a pending connection', async () => {
      await clickRow(page, '1 pending', { button: 'right' });
      await menu.getByRole('menuitem').first().waitFor({ state: 'visible', timeout: 10_000 });
      const shown = await accept.waitFor({ state: 'visible', timeout: 2_000 }).then(() => true, () => false);
      const both = shown && (await reject.isVisible());
      await close();
      return both;
    });
    // The service just made has no connection: a full menu, without them.
    await clickRow(page, created, { button: 'right' });
    await menu.getByRole('menuitem', { name: 'Refresh AWS Explorer' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await accept.isVisible(), false, 'Accept on a service with no connection');
    assert.equal(await reject.isVisible(), false, 'Reject on a service with no connection');
    await close();
  });

  it('accept a pending ClickPipes connection from its node: the modal names ClickPipes, the node leaves pending', async () => {
    const { page } = wb;
    await expandRow(page, '1 pending');
    await pointerOffTree(page);
    const row = await findRow(page, 'PendingAcceptance');
    const id = (await row.innerText()).match(/vpce-[0-9a-f]{17}/)[0];
    await contextMenu(page, 'PendingAcceptance', 'Accept Endpoint Connection…');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    const text = await dialog.innerText();
    assert.match(text, /072088201116 \(ClickPipes\)/);
    assert.match(text, /account 123456789012 \(us-east-1\)/);
    await dialog.getByRole('button', { name: 'Accept' }).click();
    // The tree refreshes: the connection's row no longer says PendingAcceptance.
    await page.locator('.monaco-list-row', { hasText: id }).filter({ hasNotText: 'PendingAcceptance' }).first().waitFor({ state: 'visible', timeout: 30_000 });
  });

  it('accept from the palette: services with pending connections, then the connections with their requester account', async () => {
    const { page } = wb;
    const widget = page.locator('.quick-input-widget');
    await page.keyboard.press('Escape');
    await expandRow(page, PROFILE);
    await findRow(page, 'us-east-1');
    await runCommand(page, 'Accept Endpoint Connection');
    const service = widget.locator('.monaco-list-row', { hasText: /\d+\s+pending/ }).first();
    await service.waitFor({ state: 'visible', timeout: 30_000 });
    await service.click();
    const connection = widget.locator('.monaco-list-row', { hasText: 'account 072088201116 (ClickPipes)' }).first();
    await connection.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await connection.innerText(), /PendingAcceptance/);
    // Leaving the picker changes nothing.
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden', timeout: 10_000 });
  });

  it('the step-by-step QuickPick: ALB refused, NLB chosen, defaults, then the review opens', async () => {
    const { page } = wb;
    const widget = page.locator('.quick-input-widget');
    const input = widget.locator('input').first();
    const step = async (t) => widget.filter({ hasText: t }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.keyboard.press('Escape');
    // The region shown in the explorer is where the palette command works (no profile question).
    await expandRow(page, PROFILE);
    await findRow(page, 'us-east-1');
    await runCommand(page, 'Create VPC Endpoint Service Endpoint for ClickPipes (Step by Step)');
    // One profile · region in the explorer: no scope question. Step 1: load balancers (question in the placeholder).
    await step('VPC endpoint service (1/4)');
    assert.match(await input.getAttribute('placeholder'), /Network Load Balancer\(s\)/);
    const row = (name) => widget.locator('.monaco-list-row', { hasText: name }).first();
    await row('web-alb').waitFor({ state: 'visible' });
    // Choosing the ALB is refused with the reason (the QuickPick cannot disable an item).
    await row('web-alb').click();
    // The form test above put a service on reports-nlb: an NLB fronts one service, so the demo's other free one.
    await row('archive-nlb').click();
    await widget.filter({ hasText: '2 Selected' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /Application Load Balancer/.test(document.querySelector('.quick-input-widget input')?.getAttribute('placeholder') ?? ''), undefined, { timeout: 10_000 });
    await row('web-alb').click();
    await widget.filter({ hasText: '1 Selected' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Enter');
    await step('VPC endpoint service (2/4)');
    await widget.locator('.monaco-list-row', { hasText: 'Acceptance required (recommended)' }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await step('VPC endpoint service (3/4)');
    await input.fill('bad_name.example.com');
    await step('only letters, digits, hyphens and dots');
    await input.fill('');
    await page.keyboard.press('Enter');
    await step('VPC endpoint service (4/4)');
    await widget.locator('.monaco-list-row', { hasText: 'eu-central-1' }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await page.locator('.tab', { hasText: 'commands.sh' }).first().waitFor({ state: 'attached', timeout: 30_000 });
  });

  it('made no request to a non-loopback host', () => {
    // Webview resources (…vscode-resource.vscode-cdn.net) are served by code-server's service worker.
    const real = wb.browser.external.filter((r) => !/\.vscode-resource\.vscode-cdn\.net\//.test(r));
    assert.deepEqual(real, []);
  });
});

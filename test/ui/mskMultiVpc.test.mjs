// UI layer: the MSK multi-VPC flow clicked through in a real VS Code against the emulator's demo
// scenario. The orders-events cluster row shows a readiness warning (multi-VPC off); its context
// menu opens the form, which lists the six prerequisites (all met); "Review plan" opens the plan
// and the policy diff; the CodeLens applies it after the modal confirmation; the result view
// shows the cluster ARN, SASL_IAM and the multi-VPC brokers with copy buttons; the row's warning
// is gone after the explorer refresh.
import assert from 'node:assert/strict';
import {
  assertNoExternalRequests, contextMenu, expandRow, findRow, findWebviewFrame, openView, primeClipboard, useWorkbench, waitForClipboard, waitUntil,
} from './helpers.mjs';

const PROFILE = 'clickpipes-demo';
const CLUSTER = 'orders-events';

describe('MSK multi-VPC endpoint (real VS Code)', function () {
  this.timeout(240_000);
  const wb = useWorkbench();

  it('the cluster row shows a readiness warning before (multi-VPC off)', async () => {
    await openView(wb.page, 'ClickPipes PrivateLink');
    await findRow(wb.page, PROFILE, { timeout: 45_000 });
    await expandRow(wb.page, PROFILE);
    await expandRow(wb.page, 'us-east-1');
    await expandRow(wb.page, 'MSK clusters');
    const row = await findRow(wb.page, CLUSTER);
    await waitUntil('the warning icon', async () => (await row.locator('.codicon-warning').count()) > 0, 20_000);
  });

  it('the context menu opens the form with the six prerequisites met, and Review plan opens the plan and the policy diff', async () => {
    await contextMenu(wb.page, CLUSTER, ['Create for ClickPipes', 'Create MSK Multi-VPC Endpoint for ClickPipes…']);
    const form = await findWebviewFrame(wb.page, '#prerequisites', 45_000);
    assert.equal(await form.locator('[data-prerequisite][data-ok="true"]').count(), 6);
    assert.equal(await form.locator('[data-prerequisite][data-ok="false"]').count(), 0);
    await form.locator('#submit').click();
    await wb.page.locator('.tab', { hasText: 'plan.json' }).first().waitFor({ state: 'visible', timeout: 45_000 });
    await wb.page.locator('.tab', { hasText: 'now ↔ after apply' }).first().waitFor({ state: 'visible', timeout: 30_000 });
  });

  it('the CodeLens applies after the modal confirmation; the result view shows ARN, auth and brokers', async () => {
    await wb.page.locator('.tab', { hasText: 'plan.json' }).first().click();
    const lens = wb.page.locator('.codelens-decoration a', { hasText: 'Apply plan' }).first();
    await lens.waitFor({ state: 'visible', timeout: 30_000 });
    await lens.click();
    const dialog = wb.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    const text = await dialog.innerText();
    assert.match(text, /123456789012/);
    assert.match(text, /us-east-1/);
    assert.match(text, /UpdateConnectivity/);
    assert.match(text, /PutClusterPolicy/);
    await dialog.getByRole('button', { name: 'Apply' }).click();
    // UpdateConnectivity settles on the emulator's clock (a few seconds), then the policy and brokers.
    const result = await findWebviewFrame(wb.page, '[data-label="Bootstrap brokers (SASL/IAM)"]', 120_000);
    assert.match(await result.locator('[data-label="MSK cluster ARN"] .result-value').innerText(), /^arn:aws:kafka:us-east-1:123456789012:cluster\/orders-events\//);
    assert.equal(await result.locator('[data-label="Authentication"] .result-value').innerText(), 'SASL_IAM');
    assert.match(await result.locator('[data-label="Bootstrap brokers (SASL/IAM)"] .result-value').innerText(), /:14001,/);
    await primeClipboard(wb.page);
    await result.locator('[data-label="Authentication"] vscode-button').first().click();
    await waitForClipboard(wb.page, (t) => t === 'SASL_IAM');
  });

  it('the cluster row loses its warning after the explorer refresh', async () => {
    await openView(wb.page, 'ClickPipes PrivateLink');
    await waitUntil('the row without a warning', async () => {
      const row = await findRow(wb.page, CLUSTER);
      return (await row.locator('.codicon-warning').count()) === 0;
    }, 60_000);
  });

  it('made no request to a non-loopback host', () => {
    // Webview resources answered by VS Code's service worker are not counted (scripts/lib/browser.mjs).
    assertNoExternalRequests(wb.browser);
  });
});

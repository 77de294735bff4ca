// UI layer for IAM DB auth: in the real VS Code, right-click the emulator's legacy-mariadb RDS
// instance (IAM auth off) → "Create IAM DB Auth Role for ClickPipes…", type the ClickHouse
// service role ARN in the webview form (resource id, region, account are shown, not typed),
// "Review plan", apply from the palette and confirm the modal, then "Copy" the role ARN in the
// result view and read it from the clipboard.
import assert from 'node:assert/strict';
import {
  assertNoExternalRequests, contextMenu, expandRow, findRow, findWebviewFrame, openView, primeClipboard, runCommand, useWorkbench, waitForClipboard,
} from './helpers.mjs';

const PROFILE = 'clickpipes-demo';
const DB = 'legacy-mariadb';
const ROLE = `clickpipes-iam-${DB}`;
const ROLE_ARN = `arn:aws:iam::123456789012:role/${ROLE}`;
const CH_ROLE = 'arn:aws:iam::999999999999:role/CH-S3-ui-test-Role';

describe('IAM DB auth from a database node (real VS Code)', function () {
  this.timeout(180_000);
  // ModifyDBInstance settles at once, so the apply does not sit in "modifying".
  const wb = useWorkbench({ timings: { create: 0, update: 0, delete: 0, shareActivate: 0 } });

  it('right-click → form → review → apply → role ARN copied', async () => {
    const { page } = wb;
    await openView(page, 'ClickPipes PrivateLink');
    await findRow(page, PROFILE, { timeout: 45_000 });
    for (const row of [PROFILE, 'us-east-1', 'Databases']) await expandRow(page, row);
    await findRow(page, DB);
    await contextMenu(page, DB, ['Create for ClickPipes', 'Create IAM DB Auth Role for ClickPipes…']);

    const form = await findWebviewFrame(page, '#field-clickhouseRoleArn', 45_000);
    // Filled from AWS, not typed: the resource id and the suggested role name.
    await form.locator('#fact-resourceId').waitFor({ state: 'visible' });
    assert.match(await form.locator('#fact-resourceId').innerText(), /^db-/);
    assert.equal(await form.locator('#field-roleName').evaluate((el) => el.value), ROLE);

    // A bad ARN shows an error at the field.
    await form.locator('#field-clickhouseRoleArn input').fill('arn:aws:iam::999:user/x');
    await form.locator('#field-clickhouseRoleArn input').press('Tab');
    await form.locator('#error-clickhouseRoleArn', { hasText: 'must look like arn:aws:iam::' }).waitFor({ state: 'visible' });

    await form.locator('#field-clickhouseRoleArn input').fill(CH_ROLE);
    await form.locator('#field-clickhouseRoleArn input').press('Tab');
    await form.locator('#error-clickhouseRoleArn:empty').waitFor({ state: 'attached' });
    await form.locator('#submit').click();

    // The review tabs open with plan.json in front; apply it from the palette and confirm.
    await page.locator('.tab', { hasText: 'plan.json' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('.tab', { hasText: 'mariadb-clickpipes-user.sql' }).first().waitFor({ state: 'attached' });
    await page.locator('.tab', { hasText: 'plan.json' }).first().click();
    // The review is open once plan.json has its CodeLens: the extension focuses that editor last,
    // which closes a palette opened before.
    await page.locator('.codelens-decoration a', { hasText: 'Apply plan' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await runCommand(page, 'Apply Plan');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await dialog.innerText(), /ModifyDBInstance/);
    await dialog.getByRole('button', { name: 'Apply' }).click();

    const result = await findWebviewFrame(page, '[data-copy="IAM role ARN"]', 60_000);
    await primeClipboard(page);
    await result.locator('[data-copy="IAM role ARN"]').click();
    const text = await waitForClipboard(page, (t) => t === ROLE_ARN);
    assert.equal(text, ROLE_ARN);
  });

  it('the same flow as a multi-step QuickPick from the palette opens the review', async () => {
    const { page } = wb;
    const widget = page.locator('.quick-input-widget');
    const input = widget.locator('input').first();
    const step = async (text) => widget.filter({ hasText: text }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await runCommand(page, 'Create IAM DB Auth Role for ClickPipes (Step by Step)');
    await step('IAM DB authentication (1/');
    await input.fill('inventory-mysql');
    await widget.locator('.monaco-list-row', { hasText: 'inventory-mysql' }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await step('Service role ID (IAM)');
    await input.fill('not-an-arn');
    await step('must look like arn:aws:iam::');
    await input.fill(CH_ROLE);
    await page.keyboard.press('Enter');
    await step('Database user ClickPipes signs in as (mysql)');
    await page.keyboard.press('Enter');
    await step('Name of the IAM role to create');
    assert.equal(await input.inputValue(), 'clickpipes-iam-inventory-mysql');
    await page.keyboard.press('Enter');
    // IAM auth is already on for inventory-mysql: no "enable" step; the review opens.
    await page.locator('.tab', { hasText: 'mysql-clickpipes-user.sql' }).first().waitFor({ state: 'attached', timeout: 30_000 });
    // The review opens at most three tabs: the summary in front, plan.json, the SQL; the policies are one click away.
    await page.locator('.tab', { hasText: 'summary.md' }).first().waitFor({ state: 'attached' });
  });

  it('made no request to a non-loopback host', () => {
    // Webview resources (…vscode-resource.vscode-cdn.net) are served by code-server's service worker.
    const real = wb.browser.external.filter((r) => !/\.vscode-resource\.vscode-cdn\.net\//.test(r));
    assert.deepEqual(real, []);
    void assertNoExternalRequests;
  });
});

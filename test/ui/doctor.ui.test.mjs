// UI layer, real clicks: right-click the crm-postgres resource configuration → Diagnose ClickPipes
// Connectivity → the report tab says the database's security group shuts out the resource gateway →
// its CodeLens opens the fix plan's review → Apply plan through the modal → diagnose again → the
// report is green. Uses crm-postgres, which no other UI file looks at; the one change it leaves in
// the shared emulator is an extra ingress rule on crm-database (5432 from the gateway's group),
// which no other UI file reads.
import assert from 'node:assert/strict';
import { contextMenu, emulatorControl, expandRow, findRow, openView, useWorkbench, waitUntil } from './helpers.mjs';

const PROFILE = 'clickpipes-demo';
const CONFIGURATION = 'crm-postgres';

/** The text of the visible editor holding the newest report (Monaco renders spaces as no-break spaces). */
async function reportText(page) {
  const editor = page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
  return (await editor.innerText().catch(() => '')).replace(/\u00a0/g, ' ');
}

async function diagnose(page) {
  await contextMenu(page, CONFIGURATION, 'Diagnose ClickPipes Connectivity');
  await page.locator('.tab', { hasText: 'connectivity-report.md' }).first().waitFor({ state: 'visible', timeout: 45_000 });
}

describe('connectivity doctor: diagnose → report → fix plan → apply → green (real VS Code)', function () {
  this.timeout(180_000);
  const wb = useWorkbench({ timings: { create: 500, update: 500, delete: 500, shareActivate: 500 } });

  before(async () => {
    await openView(wb.page, 'ClickPipes PrivateLink');
    await findRow(wb.page, PROFILE, { timeout: 45_000 });
    await expandRow(wb.page, PROFILE);
    await expandRow(wb.page, 'us-east-1');
    await expandRow(wb.page, 'Resource configurations');
    await findRow(wb.page, CONFIGURATION);
  });

  it('Diagnose on the configuration opens a report that fails on the target\'s ingress', async () => {
    await emulatorControl('log', undefined, 'DELETE');
    await diagnose(wb.page);
    await waitUntil('the report to show its verdict', async () => /Overall: fail/.test(await reportText(wb.page)), 30_000, () => reportText(wb.page));
    const text = await reportText(wb.page);
    assert.match(text, /❌ \*\*Target admits the gateway on port 5432\*\* — fail/);
    const { counts } = await emulatorControl('log');
    assert.equal(counts['ec2:AuthorizeSecurityGroupIngress'] ?? 0, 0, 'diagnosing changes nothing');
    assert.ok((counts['ec2:DescribeSecurityGroupRules'] ?? 0) >= 1, 'the rules were read');
  });

  it('the fix CodeLens opens the plan review, and Apply plan adds the ingress rule', async () => {
    const fix = wb.page.locator('.codelens-decoration a', { hasText: 'Review the fix plan' }).first();
    await fix.waitFor({ state: 'visible', timeout: 20_000 });
    await fix.click();
    await wb.page.locator('.tab', { hasText: 'plan.json' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await wb.page.locator('.tab', { hasText: 'plan.json' }).first().click();
    const apply = wb.page.locator('.codelens-decoration a', { hasText: 'Apply plan' }).first();
    await apply.waitFor({ state: 'visible', timeout: 20_000 });
    await apply.click();
    const dialog = wb.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 20_000 });
    assert.match(await dialog.innerText(), /AuthorizeSecurityGroupIngress/);
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await waitUntil('the ingress rule to be added', async () => ((await emulatorControl('log')).counts['ec2:AuthorizeSecurityGroupIngress'] ?? 0) >= 1, 60_000);
  });

  it('diagnosing again gives a green report', async () => {
    // The explorer row may have been redrawn by the refresh after apply: find it again.
    await findRow(wb.page, CONFIGURATION);
    await diagnose(wb.page);
    await waitUntil('the new report to be green', async () => /Overall: pass/.test(await reportText(wb.page)), 45_000, () => reportText(wb.page));
    assert.match(await reportText(wb.page), /✅ \*\*Target admits the gateway on port 5432\*\* — pass/);
  });
});

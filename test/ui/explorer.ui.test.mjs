// UI layer, real clicks: expand the explorer down to the demo scenario's resources and use the
// context menu to copy a resource configuration ID and a resource share ARN (what a person
// pastes into ClickHouse Cloud), reading the browser clipboard back.
import assert from 'node:assert/strict';
import {
  assertNoExternalRequests, clickRow, contextMenu, expandRow, findRow, openView, primeClipboard, useWorkbench, waitForClipboard, waitUntil,
} from './helpers.mjs';

const PROFILE = 'clickpipes-demo';

describe('explorer: expand and copy from the context menu (real VS Code)', function () {
  this.timeout(120_000);
  const wb = useWorkbench();

  before(async () => {
    await openView(wb.page, 'ClickPipes PrivateLink');
    try {
      await findRow(wb.page, PROFILE, { timeout: 45_000 });
    } catch (e) {
      await wb.page.screenshot({ path: 'test-results/ui-explorer-before.png' }).catch(() => {});
      throw e;
    }
  });

  it('expands profile → region → groups', async () => {
    await expandRow(wb.page, PROFILE);
    await expandRow(wb.page, 'us-east-1');
    await findRow(wb.page, 'Resource configurations');
    await findRow(wb.page, 'Resource shares');
  });

  it('a row\'s details hover left open over the next row does not stop the harness clicking it', async () => {
    // The hover of a row the pointer rests on can cover the row below (CI once timed out so).
    await findRow(wb.page, 'us-east-1').then((row) => row.locator('.label-name').hover());
    const hover = wb.page.locator('.workbench-hover, .monaco-hover:not(.hidden), .context-view .rendered-markdown');
    await waitUntil('the region row\'s hover', () => hover.first().isVisible(), 15_000);
    await expandRow(wb.page, 'Resource configurations');
    await findRow(wb.page, 'orders-aurora');
  });

  it('Copy ID on a resource configuration copies its rcfg- id', async () => {
    await expandRow(wb.page, 'Resource configurations');
    await findRow(wb.page, 'orders-aurora');
    await primeClipboard(wb.page);
    await contextMenu(wb.page, 'orders-aurora', 'Copy ID');
    const text = await waitForClipboard(wb.page, (t) => t.startsWith('rcfg-'));
    assert.match(text, /^rcfg-[0-9a-z]{17}$/);
  });

  it('Copy ARN on a resource share copies its RAM ARN', async () => {
    await expandRow(wb.page, 'Resource shares');
    await findRow(wb.page, 'clickpipes-orders-aurora');
    await primeClipboard(wb.page);
    await contextMenu(wb.page, 'clickpipes-orders-aurora', 'Copy ARN');
    const text = await waitForClipboard(wb.page, (t) => t.startsWith('arn:'));
    assert.match(text, /^arn:aws:ram:us-east-1:123456789012:resource-share\/[0-9a-f-]+$/);
  });

  it('every row offers Refresh in its context menu', async () => {
    await clickRow(wb.page, 'clickpipes-orders-aurora', { button: 'right' });
    await wb.page.getByRole('menuitem', { name: 'Refresh AWS Explorer' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await wb.page.keyboard.press('Escape');
  });

  it('a region row groups the create commands, step-by-step ones included, under Create for ClickPipes', async () => {
    const menu = wb.page.locator('.context-view .monaco-menu');
    await clickRow(wb.page, 'us-east-1', { button: 'right' });
    const submenu = menu.getByRole('menuitem', { name: 'Create for ClickPipes' }).first();
    await submenu.waitFor({ state: 'visible', timeout: 10_000 });
    const form = menu.getByRole('menuitem', { name: 'Create VPC Resource Endpoint for ClickPipes…' }).first();
    assert.equal(await form.isVisible(), false, 'a create command at the top of the menu');
    await submenu.hover();
    if (!(await form.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false))) await submenu.click();
    await form.waitFor({ state: 'visible', timeout: 10_000 });
    await menu.getByRole('menuitem', { name: 'Create VPC Resource Endpoint for ClickPipes (Step by Step)…' }).first().waitFor({ state: 'visible', timeout: 5_000 });
    await waitUntil('the menu to close', async () => {
      await wb.page.keyboard.press('Escape');
      return menu.getByRole('menuitem').first().waitFor({ state: 'hidden', timeout: 1_000 }).then(() => true, () => false);
    }, 10_000);
  });

  it('made no request to a non-loopback host', () => {
    assertNoExternalRequests(wb.browser);
  });
});

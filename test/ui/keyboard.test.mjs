// UI layer, keyboard only: one whole flow (MSK multi-VPC, step by step) in a real VS Code with
// no mouse click. The palette focuses the explorer view; arrows walk the tree down to the
// orders-events cluster; Shift+F10 opens its context menu; arrows + Enter pick the step-by-step
// command; the QuickPick steps are answered by typing + Enter; the review tab opens. Nothing is
// applied (the emulator's state is unchanged for the other test files).
import assert from 'node:assert/strict';
import { assertNoExternalRequests, findRow, findWebviewFrame, openWorkbench, runCommand, useWorkbench, waitUntil } from './helpers.mjs';

const PROFILE = 'clickpipes-demo';
const REGION = 'us-east-1';
const GROUP = 'MSK clusters';
const CLUSTER = 'orders-events';
const STEP_BY_STEP = 'Create MSK Multi-VPC Endpoint for ClickPipes (Step by Step)…';

/** The palette, by keys only: F1, type, Enter once the row shows (runCommand's retries included). */
async function paletteByKeys(page, label) {
  await runCommand(page, label, { keys: true });
  await page.locator('.quick-input-widget input').waitFor({ state: 'hidden' });
}

/** Label (without the description) of the tree row that has keyboard focus in the side bar (or ''). */
function focusedRowLabel(page) {
  return page.locator('.part.sidebar .monaco-list-row.focused .label-name').first().innerText({ timeout: 1000 }).catch(() => '');
}

/** ArrowDown until the focused row's label is `text` (rows load asynchronously). */
async function arrowDownTo(page, text, max = 40) {
  const firstLine = async () => (await focusedRowLabel(page)).trim();
  await findRow(page, text);
  for (let i = 0; i < max; i++) {
    const seen = await firstLine();
    if (seen === text) return;
    await page.keyboard.press('ArrowDown');
    // At the last row (more still loading) the focus stays: press again.
    await waitUntil('the focus to move down', async () => (await firstLine()) !== seen, 5_000).catch(() => undefined);
  }
  throw new Error(`arrowing down never reached "${text}" (focused: "${await firstLine()}")`);
}

/** A workbench that counts every mouse press in the page (window.__cplMouse): the tests must make none. */
async function keyboardWorkbench() {
  const wb = await openWorkbench();
  await wb.page.evaluate(() => {
    window.__cplMouse = 0;
    document.addEventListener('mousedown', () => { window.__cplMouse++; }, true);
  });
  return wb;
}

/**
 * The palette's "Focus on AWS Explorer View", by keys, until the tree holds keyboard focus. The
 * first run can open the container while the tree is still empty (focus then stays where it was),
 * so the command is run again by keys when needed — as a person would. Throws saying where focus is.
 */
async function focusExplorerByKeys(page) {
  const inTree = () => page.evaluate(() => !!document.activeElement?.closest('.part.sidebar .monaco-list'));
  for (let attempt = 0; attempt < 3; attempt++) {
    await paletteByKeys(page, 'ClickPipes PrivateLink: Focus on AWS Explorer View');
    await findRow(page, PROFILE, { timeout: 45_000 });
    if (await waitUntil('keyboard focus in the explorer tree', inTree, 3000).catch(() => false)) return;
  }
  const where = await page.evaluate(() => {
    const a = document.activeElement;
    return `${a?.tagName}.${a?.className} [${a?.getAttribute('aria-label')}] hasFocus=${document.hasFocus()}`;
  });
  throw new Error(`keyboard focus is not in the explorer tree but on ${where}`);
}

/** The create commands are in this submenu of the explorer's context menu. */
const CREATE_SUBMENU = 'Create for ClickPipes';

/**
 * Shift+F10 on the focused tree row, then ArrowDown to the submenu, ArrowRight into it, ArrowDown
 * to `item` and Enter. The menu's items follow the node's contextValue, which can arrive a moment
 * late: the menu is reopened until the submenu shows.
 */
async function pickFromContextMenuByKeys(page, item) {
  // Scoped to the context view: the title bar's menu bar has menu items that are always shown.
  const menu = page.locator('.context-view .monaco-menu');
  const wanted = menu.getByRole('menuitem', { name: CREATE_SUBMENU, exact: true }).first();
  await waitUntil(`"${CREATE_SUBMENU}" in the context menu`, async () => {
    await page.keyboard.press('Shift+F10');
    await menu.getByRole('menuitem').first().waitFor({ state: 'visible', timeout: 5000 });
    if (await wanted.waitFor({ state: 'visible', timeout: 2_000 }).then(() => true, () => false)) return true;
    await page.keyboard.press('Escape');
    await menu.getByRole('menuitem').first().waitFor({ state: 'hidden', timeout: 5000 });
    return false;
  }, 20_000);
  // The focused item's text is its label, then its keybinding on a line of its own. An open
  // submenu sits inside its (still focused) entry: the innermost focused item is the last one.
  const focusedLabel = async () =>
    (await page.locator('.monaco-menu .action-item.focused').last().innerText({ timeout: 500 }).catch(() => '')).split('\n')[0].trim();
  const arrowTo = async (label) => {
    let seen = await focusedLabel();
    for (let i = 0; i < 60 && seen !== label; i++) {
      const before = seen;
      await page.keyboard.press('ArrowDown');
      seen = await waitUntil('the menu focus to move', async () => { const now = await focusedLabel(); return now !== before && now; }, 5_000).catch(focusedLabel);
    }
    assert.equal(seen, label, `the arrows never reached "${label}"`);
  };
  await arrowTo(CREATE_SUBMENU);
  await page.keyboard.press('ArrowRight');
  await menu.getByRole('menuitem', { name: item, exact: true }).first().waitFor({ state: 'visible', timeout: 5_000 });
  await waitUntil('the focus inside the submenu', async () => (await focusedLabel()) !== CREATE_SUBMENU, 5_000);
  await arrowTo(item);
  await page.keyboard.press('Enter');
}

/** ArrowRight expands the focused row; waits until it says so. */
async function expandFocused(page) {
  const row = page.locator('.part.sidebar .monaco-list-row.focused').first();
  if ((await row.getAttribute('aria-expanded')) === 'false') await page.keyboard.press('ArrowRight');
  await waitUntil('the row to expand', async () => (await row.getAttribute('aria-expanded')) === 'true', 15_000);
}

describe('keyboard only: a whole flow with no mouse (real VS Code)', function () {
  this.timeout(240_000);
  this.bail(true); // each step starts where the previous one left the keyboard focus
  const wb = useWorkbench({ open: keyboardWorkbench });
  const clicks = [];

  it('the palette focuses the explorer view (ClickPipes PrivateLink: Focus on AWS Explorer View)', async () => {
    // The view's focus command exists once the extension's contributions are registered (its
    // activity-bar icon shows); the icon is only waited for, never clicked.
    await wb.page.locator('.activitybar [aria-label^="ClickPipes PrivateLink"]').first().waitFor({ state: 'visible', timeout: 45_000 });
    await focusExplorerByKeys(wb.page);
  });

  it('arrows walk profile → region → MSK clusters → the cluster', async () => {
    await wb.page.keyboard.press('Home');
    await arrowDownTo(wb.page, PROFILE);
    await expandFocused(wb.page);
    await arrowDownTo(wb.page, REGION);
    await expandFocused(wb.page);
    await arrowDownTo(wb.page, GROUP);
    await expandFocused(wb.page);
    await arrowDownTo(wb.page, CLUSTER);
  });

  it('Shift+F10 opens the context menu; arrows + Enter pick the step-by-step command', async () => {
    await pickFromContextMenuByKeys(wb.page, STEP_BY_STEP);
  });

  it('the QuickPick steps are answered by typing + Enter, and the review tab opens', async () => {
    const widget = wb.page.locator('.quick-input-widget');
    const title = widget.locator('.quick-input-title');
    // Step 1: the cluster. Type its name, Enter.
    await waitUntil('step 1 (the cluster)', async () => /MSK multi-VPC endpoint/.test(await title.innerText({ timeout: 500 })), 60_000);
    await waitUntil('the cluster list', async () => (await widget.locator('.monaco-list-row', { hasText: CLUSTER }).count()) > 0, 30_000);
    await wb.page.keyboard.type(CLUSTER, { delay: 10 });
    await waitUntil('the typed filter to leave the cluster', async () => {
      const rows = await widget.locator('.quick-input-list .monaco-list-row').allInnerTexts();
      return rows.length > 0 && rows.every((r) => r.includes(CLUSTER));
    });
    await wb.page.keyboard.press('Enter');
    // Step 2: the auth types, SASL/IAM checked by default. Type to find it, Enter accepts the checked ones.
    await waitUntil('step 2 (auth types)', async () => /2\s*\/\s*2/.test(await title.innerText({ timeout: 500 })), 30_000);
    await wb.page.keyboard.type('IAM', { delay: 10 });
    await waitUntil('SASL/IAM listed and checked', async () => {
      const row = widget.locator('.quick-input-list .monaco-list-row', { hasText: 'SASL/IAM' }).first();
      return (await row.getAttribute('aria-checked')) === 'true';
    });
    await wb.page.keyboard.press('Enter');
    // The review opens its tabs back to front: plan.json is active for a moment, then the summary,
    // which a reviewer reads first, settles in front with plan.json beside it.
    await wb.page.locator('.tab', { hasText: 'plan.json' }).first().waitFor({ state: 'visible', timeout: 60_000 });
    await waitUntil('the summary in front', async () => /summary\.md/.test((await wb.page.locator('.tab.active').first().innerText()).replace(/\s+/g, '')), 30_000);
  });

  it('made no mouse click and no request to a non-loopback host', async () => {
    clicks.push(await wb.page.evaluate(() => window.__cplMouse));
    assert.deepEqual(clicks, [0]);
    assertNoExternalRequests(wb.browser);
  });
});

/**
 * A webview form opened from the region node by keys only (Shift+F10, arrows, Enter): every label
 * is tied to its control, error slots are assertive live regions described by their control, and
 * Enter on "Review plan" with missing answers moves focus to the first invalid field.
 */
function formByKeyboard({ form: formName, menuItem, frameSelector, minFields }) {
  describe(`keyboard only: the ${formName} form submitted with errors (real VS Code)`, function () {
    this.timeout(180_000);
    this.bail(true);
    const wb = useWorkbench({ open: keyboardWorkbench });
    let form;

    it(`opens the ${formName} form from the region node with Shift+F10 and the arrows`, async () => {
      await wb.page.locator('.activitybar [aria-label^="ClickPipes PrivateLink"]').first().waitFor({ state: 'visible', timeout: 45_000 });
      await focusExplorerByKeys(wb.page);
      await wb.page.keyboard.press('Home');
      await arrowDownTo(wb.page, PROFILE);
      await expandFocused(wb.page);
      await arrowDownTo(wb.page, REGION);
      await pickFromContextMenuByKeys(wb.page, menuItem);
      form = await findWebviewFrame(wb.page, frameSelector, 45_000);
    });

    it('labels are tied to their controls and error slots are live regions', async () => {
      const report = await form.locator('vscode-form-group[data-group]').evaluateAll((groups) => groups.map((g) => {
        const label = g.querySelector('vscode-label');
        const field = g.getAttribute('data-group');
        const control = g.querySelector(`#field-${field}`);
        const slot = g.querySelector(`#error-${field}`);
        return {
          field,
          tied: !!label && !!control && label.getAttribute('for') === control.id && control.getAttribute('aria-labelledby') === label.getAttribute('id')
            && !!document.getElementById(label.getAttribute('id') ?? ''),
          described: !!control && (control.getAttribute('aria-describedby') ?? '').split(' ').includes(`error-${field}`),
          live: !!slot && slot.getAttribute('aria-live') === 'assertive' && slot.getAttribute('role') === 'alert',
        };
      }));
      assert.ok(report.length >= minFields, `only ${report.length} labelled fields`);
      const bad = report.filter((r) => !r.tied || !r.described || !r.live);
      assert.deepEqual(bad, []);
      assert.equal(await form.locator('#form-summary').getAttribute('role'), 'alert');
    });

    it('Enter on "Review plan" with missing answers moves focus to the first invalid field and shows its error', async () => {
      await form.locator('#submit').focus();
      await wb.page.keyboard.press('Enter');
      await waitUntil('focus on an invalid field', () => form.evaluate(() => {
        const a = document.activeElement;
        return !!a && a.id !== 'submit' && (a.hasAttribute('invalid') || !!a.closest('[invalid]'));
      }), 15_000);
      const state = await form.evaluate(() => {
        const first = document.querySelector('[invalid]');
        const active = document.activeElement;
        const field = first?.id.replace(/^field-/, '');
        return {
          firstIsActive: !!first && (first === active || first.contains(active)),
          ariaInvalid: first?.getAttribute('aria-invalid'),
          error: document.getElementById(`error-${field}`)?.textContent ?? '',
        };
      });
      assert.equal(state.firstIsActive, true);
      assert.equal(state.ariaInvalid, 'true');
      assert.ok(state.error.length > 0, 'the first invalid field shows no error text');
    });

    it('made no mouse click and no request to a non-loopback host', async () => {
      assert.equal(await wb.page.evaluate(() => window.__cplMouse), 0);
      assertNoExternalRequests(wb.browser);
    });
  });
}

formByKeyboard({ form: 'VPC-resource', menuItem: 'Create VPC Resource Endpoint for ClickPipes…', frameSelector: '#submit', minFields: 5 });
// Its load balancers are a list of checkboxes: focus lands on the first one.
formByKeyboard({ form: 'VPC endpoint service', menuItem: 'Create VPC Endpoint Service Endpoint for ClickPipes…', frameSelector: '#field-networkLoadBalancerArns', minFields: 4 });

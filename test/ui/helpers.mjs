// Reusable Playwright helpers for UI tests in a real VS Code (code-server). Run by
// scripts/run-ui.mjs, which starts the emulator + code-server once and sets:
//   CPL_UI_URL        code-server base URL (http://127.0.0.1:<port>)
//   CPL_UI_WORKSPACE  fixture folder opened by default
//   CPL_UI_EXT_PATH   the extension folder, loaded as a development extension via the payload
//   CPL_EMULATOR_URL  local AWS/ClickHouse emulator (absent if the emulator is not built)
//
// Helpers (all take a Playwright `page` opened with openWorkbench):
//   useWorkbench({ timings, open })      the mocha hooks of a describe block: sets the emulator's
//                                        settle times (if given), opens the workbench, screenshots
//                                        failed tests, closes it and puts the default times back
//                                        → an object whose page/browser/close are set once open
//   openWorkbench({ folder })            new Chromium context + page on the workbench with the
//                                        extension loaded; clipboard granted; resolves once the
//                                        extension's activity-bar icon shows → { page, browser, close() }
//   waitUntil(what, probe, timeout)      polls probe() (a state, never a duration) until truthy
//   openView(page, title)                click the activity-bar icon whose label starts with title
//   findRow(page, text)                  locator of the tree/list row containing text (waits visible)
//   pointerOffTree(page)                 pointer onto the editor, until no row hover covers the tree
//   clickRow(page, text, options)        click (options.button: 'right') a row, no hover in the way
//   expandRow(page, text)                expand a collapsed tree row (no-op if expanded)
//   contextMenu(page, rowText, item)     right-click the row, click the menu item by name once it
//                                        shows; reopens the menu until it does (state arriving late)
//                                        and clicks again while the menu stays open; `item` may be a
//                                        path through submenus: ['Create for ClickPipes', 'Create …']
//   openPalette(page)                    F1 until the palette's input is shown AND has the focus
//   runCommand(page, label)              open the palette, type `>label`, Enter once the matching row
//                                        shows in a palette that is still open; reopens it otherwise
//   readClipboard(page)                  navigator.clipboard.readText() in the page
//   primeClipboard(page)                 writes a unique sentinel and checks it is there (a copy that
//                                        never happens cannot pass on a stale clipboard)
//   findWebviewFrame(page, selector)     the webview frame holding selector (searches all frames)
//   screenshotOnFailure(ctx)             mocha afterEach helper: saves test-results/<title>.png
//   assertNoExternalRequests(browser)    throws if the browser asked for a non-loopback host
//   emulatorControl(route, body)         the emulator's control API: POST body (GET without one) to
//                                        /_emulator/<route>, resolves to its JSON; no-op without emulator
//   EMULATOR_DEFAULT_TIMINGS             its default settle times, to put back after changing them
// Assert side effects (clipboard, files, tree contents), not toasts: notifications are flaky.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../../scripts/lib/browser.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
const ICON = '.activitybar [aria-label^="ClickPipes PrivateLink"]';

function env(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run UI tests through scripts/run-ui.mjs (npm run test:ui)`);
  return v;
}

export function workbenchUrl({ folder = process.env.CPL_UI_WORKSPACE, extensionPath = process.env.CPL_UI_EXT_PATH } = {}) {
  const base = new URL(env('CPL_UI_URL'));
  const remote = (p) => `vscode-remote://${base.host}${p}`;
  const q = [];
  if (folder) q.push(`folder=${encodeURIComponent(folder)}`);
  if (extensionPath) q.push(`payload=${encodeURIComponent(JSON.stringify([['extensionDevelopmentPath', remote(extensionPath)]]))}`);
  return `${base.origin}/?${q.join('&')}`;
}

/** Opens the workbench in a fresh browser context (so a fresh extension host). */
export async function openWorkbench(opts = {}) {
  const origin = new URL(env('CPL_UI_URL')).origin;
  const browser = await launchBrowser({ origin });
  const page = await browser.context.newPage();
  page.setDefaultTimeout(opts.timeout ?? 30_000);
  await page.goto(workbenchUrl(opts));
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
  // The workbench shows before it has restored its parts and registered the extension's
  // contributions; input sent earlier can land in a part that is about to be replaced.
  await page.locator(ICON).first().waitFor({ state: 'visible', timeout: 60_000 });
  return { page, browser, close: () => browser.close() };
}

/**
 * The mocha hooks every UI describe block needs: `timings` (the emulator's settle times) set before
 * the workbench opens and the defaults put back after; a screenshot of each failed test; the browser
 * closed. `open` builds the workbench (openWorkbench by default). Returns the workbench object,
 * filled in by the before hook.
 */
export function useWorkbench({ timings, open = openWorkbench, ...opts } = {}) {
  const wb = {};
  before(async () => {
    if (timings) await emulatorControl('timings', timings);
    Object.assign(wb, await open(opts));
  });
  afterEach(async function () {
    await screenshotOnFailure(this, wb.page);
  });
  after(async () => {
    await wb.close?.();
    // The emulator is shared by every UI test file.
    if (timings) await emulatorControl('timings', EMULATOR_DEFAULT_TIMINGS);
  });
  return wb;
}

/** Polls `probe` (an error counts as "not yet") until it returns something truthy; that value. */
export async function waitUntil(what, probe, timeout = 30_000, detail = () => '') {
  const end = Date.now() + timeout;
  let lastError;
  for (;;) {
    const v = await probe().catch((e) => { lastError = e; return undefined; });
    if (v) return v;
    if (Date.now() > end) {
      const more = [detail(), lastError?.message?.split('\n')[0]].filter(Boolean).join('; ');
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${more ? ` (${more})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 100)); // a polling interval, not a wait for time
  }
}

export async function openView(page, title) {
  const icon = page.locator(`.activitybar [aria-label^="${title}"]`).first();
  await icon.waitFor({ state: 'visible', timeout: 45_000 });
  // Clicking an already-open container collapses the side bar: only click when not checked.
  const active = await icon.evaluate((el) => {
    const item = el.closest('.action-item') || el;
    return item.classList.contains('checked') || item.getAttribute('aria-selected') === 'true' || item.getAttribute('aria-checked') === 'true';
  });
  if (!active) await icon.click();
  // The side bar title reads "<container title>" (or "<container>: <view>" with a single view).
  await page.locator('.part.sidebar .composite.title', { hasText: title }).first().waitFor({ state: 'visible', timeout: 15_000 });
  return icon;
}

export async function findRow(page, text, { timeout = 30_000 } = {}) {
  const row = page.locator('.monaco-list-row', { hasText: text }).first();
  await row.waitFor({ state: 'visible', timeout });
  return row;
}

/**
 * A row shows its details hover while the pointer rests on it, and that hover can cover the row
 * below. Move the pointer onto the editor area and wait until no hover is shown, so a click lands
 * on the row it aims at. (Escape when the hover lingers; it closes nothing else a test relies on.)
 */
export async function pointerOffTree(page) {
  const editor = await page.locator('.part.editor').first().boundingBox();
  await page.mouse.move(editor ? editor.x + editor.width / 2 : 900, editor ? editor.y + editor.height / 2 : 400);
  const hover = page.locator('.workbench-hover, .monaco-hover:not(.hidden), .context-view .rendered-markdown');
  const gone = () => hover.first().waitFor({ state: 'hidden', timeout: 2_000 }).then(() => true, () => false);
  if (!(await gone())) {
    await page.keyboard.press('Escape');
    await waitUntil('row hovers to close', gone, 10_000);
  }
}

/** Click (or, with { button: 'right' }, right-click) a row with no hover in the way. */
export async function clickRow(page, text, options = {}) {
  const row = await findRow(page, text);
  await pointerOffTree(page);
  await row.click(options);
  return row;
}

export async function expandRow(page, text) {
  const row = await findRow(page, text);
  if ((await row.getAttribute('aria-expanded')) === 'false') await clickRow(page, text);
  return row;
}

/**
 * Menu items can depend on state that arrives later (a node's contextValue flags): when the item
 * is not in the menu, close it (Escape) and reopen, until `timeout`. A click the menu ignored (it
 * can, while it is still opening) leaves it open: click again until the menu closes.
 * `item` is a name, or a path through submenus: ['Create for ClickPipes', 'Create … for ClickPipes…'].
 */
export async function contextMenu(page, rowText, item, { timeout = 30_000 } = {}) {
  const names = Array.isArray(item) ? item : [item];
  // Scoped to the context view: the title bar's menu bar has menu items that are always shown.
  const menu = page.locator('.context-view .monaco-menu');
  const entry = (name) => menu.getByRole('menuitem', { name }).first();
  const anyItem = menu.getByRole('menuitem').first();
  const closeMenu = async () => {
    // Escape closes one level: a submenu first, then the menu.
    await waitUntil('the context menu to close', async () => {
      await page.keyboard.press('Escape');
      return anyItem.waitFor({ state: 'hidden', timeout: 1_000 }).then(() => true, () => false);
    }, 10_000);
  };
  let shown = [];
  await waitUntil(`"${names.join(' › ')}" in the menu of "${rowText}"`, async () => {
    if (!(await anyItem.isVisible())) {
      await clickRow(page, rowText, { button: 'right' });
      await anyItem.waitFor({ state: 'visible', timeout: 10_000 });
    }
    for (const [i, name] of names.entries()) {
      const target = entry(name);
      if (!(await target.waitFor({ state: 'visible', timeout: 2_000 }).then(() => true, () => false))) {
        shown = await menu.getByRole('menuitem').allInnerTexts().catch(() => []);
        await closeMenu();
        return false;
      }
      if (i === names.length - 1) {
        await target.click({ timeout: 5_000 });
        return anyItem.waitFor({ state: 'hidden', timeout: 3_000 }).then(() => true, () => false);
      }
      // A submenu opens on hover; a click opens it too when the hover did not (yet).
      await target.hover({ timeout: 5_000 });
      const next = entry(names[i + 1]);
      if (!(await next.waitFor({ state: 'visible', timeout: 2_000 }).then(() => true, () => false))) await target.click({ timeout: 5_000 });
    }
    return false;
  }, timeout, () => `items: ${shown.join(' | ')}`);
}

const palette = (page) => page.locator('.quick-input-widget');
const paletteHasFocus = (page) => page.evaluate(() => !!document.activeElement?.closest('.quick-input-widget'));

/**
 * F1 until the quick input shows with the keyboard focus in it. A palette opened while the
 * workbench moves the focus (an editor opening, a webview taking it) closes again at once.
 */
export async function openPalette(page, timeout = 30_000) {
  const input = palette(page).locator('input').first();
  await waitUntil('the command palette to open with the focus', async () => {
    if (!((await input.isVisible()) && (await paletteHasFocus(page)))) await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 5_000 });
    return waitUntil('focus in the palette', () => paletteHasFocus(page), 3_000).catch(() => false);
  }, timeout);
  return input;
}

/**
 * Runs a palette command: `>label` typed (filled, or typed key by key with `keys`), Enter once the
 * matching row shows in a palette that is still open, focused and holds that text. Otherwise
 * (the palette closed or the text never filtered) it starts again with a fresh palette.
 */
export async function runCommand(page, label, { keys = false, timeout = 60_000 } = {}) {
  const widget = palette(page);
  const input = widget.locator('input').first();
  const row = widget.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
  await waitUntil(`the palette to offer "${label}"`, async () => {
    await openPalette(page);
    if (keys) {
      await page.keyboard.press('End');
      await page.keyboard.type(label, { delay: 10 });
    } else {
      await input.fill(`>${label}`);
    }
    const ready = await row.waitFor({ state: 'visible', timeout: 10_000 }).then(() => true, () => false)
      && (await input.inputValue()) === `>${label}` && (await paletteHasFocus(page));
    if (!ready && (await input.isVisible())) {
      await page.keyboard.press('Escape');
      await input.waitFor({ state: 'hidden', timeout: 5_000 });
    }
    return ready;
  }, timeout, () => 'the palette closed or never listed it');
  await page.keyboard.press('Enter');
}

export async function readClipboard(page) {
  return page.evaluate(() => navigator.clipboard.readText());
}

/**
 * Writes a unique sentinel to the clipboard and checks it is there: whatever a test then reads
 * comes from the copy under test, never from an earlier one. Throws if the clipboard cannot be set.
 */
export async function primeClipboard(page) {
  const sentinel = `cpl-sentinel-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  await page.evaluate((t) => navigator.clipboard.writeText(t), sentinel);
  const now = await readClipboard(page);
  if (now !== sentinel) throw new Error(`could not prime the clipboard: wrote ${sentinel}, read ${JSON.stringify(now)}`);
  return sentinel;
}

/** Polls the clipboard until predicate(text) holds (the copy is asynchronous). */
export async function waitForClipboard(page, predicate, timeout = 10_000) {
  let last = '';
  await waitUntil('the clipboard to match', async () => predicate((last = await readClipboard(page))), timeout, () => `last value: ${JSON.stringify(last)}`);
  return last;
}

export async function findWebviewFrame(page, selector, timeout = 20_000) {
  return waitUntil(`a webview frame containing ${selector}`, async () => {
    for (const f of page.frames()) {
      if (!f.isDetached() && (await f.locator(selector).count().catch(() => 0))) return f;
    }
    return undefined;
  }, timeout);
}

/** Use in afterEach: `afterEach(async function () { await screenshotOnFailure(this, page); })`. */
export async function screenshotOnFailure(mochaCtx, page) {
  const t = mochaCtx.currentTest;
  if (!page || !t || t.state !== 'failed') return;
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `ui-${t.fullTitle().replace(/[^a-z0-9]+/gi, '-').slice(0, 100)}.png`);
  await page.screenshot({ path: file, fullPage: true }).catch(() => {});
  console.log(`    screenshot: ${path.relative(REPO_ROOT, file)}`);
}

export function assertNoExternalRequests(browser) {
  if (browser.external.length) throw new Error(`browser requested non-loopback hosts: ${browser.external.join(', ')}`);
}

/** The emulator's control API: POST `body` (GET without one) to /_emulator/<route>; its JSON answer. Does nothing without an emulator. */
export async function emulatorControl(route, body, method = body === undefined ? 'GET' : 'POST') {
  // The UI layer always runs beside the emulator (scripts/run-ui.mjs starts it): a missing URL or a
  // refused control call is a broken harness, not something to pass over.
  const url = process.env.CPL_EMULATOR_URL;
  if (!url) throw new Error('CPL_EMULATOR_URL is not set: run the UI tests through scripts/run-ui.mjs');
  const res = await fetch(`${url}/_emulator/${route}`, {
    method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`emulator control ${method} ${route}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

/** The emulator's default settle times (ms). The emulator is shared by every UI test file: a file that changes them puts these back. */
export const EMULATOR_DEFAULT_TIMINGS = { create: 3000, update: 3000, delete: 2000, shareActivate: 2000 };
